// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel TLB flushes, counted (Linux's arch/x86/mm/tlb.c, kernel half).
 *
 * Every kernel mapping is global (PGE): a CR3 reload keeps it. So a
 * changed kernel PTE is forgotten only through invlpg of its page
 * (flush_tlb_one_kernel(), inline in <asm/tlbflush.h>), and "forget
 * everything" means toggling CR4.PGE (flush_tlb_all()). A range is
 * flushed page by page up to tlb_single_page_flush_ceiling pages, with a
 * full flush above that -- Linux's trade-off, with Linux's default 33.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/irqflags.h>
#include <asm/tlbflush.h>
#include <asm/processor.h>

DEFINE_PER_CPU(struct tlb_stats, tlb_stats);
unsigned long tlb_single_page_flush_ceiling = 33;

void flush_tlb_all(void)
{
	unsigned long flags;

	local_irq_save(flags);
	if (read_cr4() & X86_CR4_PGE)
		__flush_tlb_all();
	else
		write_cr3(read_cr3());	/* no global pages: CR3 drops all */
	this_cpu_inc(tlb_stats.flush_all);
	local_irq_restore(flags);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long addr;

	this_cpu_inc(tlb_stats.flush_range);
	start &= PAGE_MASK;
	if (end <= start)
		return;
	if ((end - start) >> PAGE_SHIFT > tlb_single_page_flush_ceiling) {
		flush_tlb_all();
		return;
	}
	for (addr = start; addr < end && addr >= start; addr += PAGE_SIZE)
		flush_tlb_one_kernel(addr);
}

void show_tlb_stats(void)
{
	int cpu = 0;	/* one CPU today */
	const struct tlb_stats *s = per_cpu_ptr(&tlb_stats, cpu);

	pr_info("TLB flushes (cpu %d): %lu single-page (invlpg), %lu full (CR4.PGE toggle), "
		"%lu range requests (ceiling %lu pages)\n", cpu, s->invlpg, s->flush_all,
		s->flush_range, tlb_single_page_flush_ceiling);
}
