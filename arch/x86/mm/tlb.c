// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel TLB flushes, counted (Linux's arch/x86/mm/tlb.c, kernel half).
 *
 * Every kernel mapping is global (PGE): a CR3 reload keeps it. So a
 * changed kernel PTE is forgotten only through invlpg of its page
 * (flush_tlb_one_kernel(), inline in <asm/tlbflush.h>), and "forget
 * everything" means toggling CR4.PGE. A range is flushed page by page up
 * to tlb_single_page_flush_ceiling pages, with a full flush above that
 * -- Linux's trade-off, with Linux's default 33.
 *
 * A TLB belongs to one CPU, and a CPU can only flush its own. The page
 * tables are shared, so a kernel PTE that changes (pkmap slots reused
 * after a wrap, vunmap) may still be cached by every other CPU:
 * flush_tlb_all() and flush_tlb_kernel_range() therefore run the flush
 * on every online CPU, through an IPI (on_each_cpu(), waiting until all
 * have done it) -- the "shootdown". The kmap_local/kmap_atomic slots do
 * not need this: a slot belongs to one CPU, and only that CPU ever
 * caches it, so their invlpg stays local.
 *
 * tlb.shootdown=0 (debug builds; or tlb_shootdown_enabled = false at run
 * time, for tests) flushes only the calling CPU -- the bug a missing
 * shootdown is, made visible: another CPU keeps reading the old page.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <asm/tlbflush.h>
#include <asm/processor.h>
#include <kmaplab/params.h>
#include <kmaplab/mm.h>
#include <trace/events/tlb.h>
#include <trace/events/ipi.h>

DEFINE_PER_CPU(struct tlb_stats, tlb_stats);
unsigned long tlb_single_page_flush_ceiling = 33;
bool tlb_shootdown_enabled = true;

static int __init tlb_shootdown_setup(char *str)
{
	if (kstrtobool(str, &tlb_shootdown_enabled)) {
		setup_kept("tlb.shootdown=%d", tlb_shootdown_enabled);
		return 0;
	}
	return 1;
}
__setup("tlb.shootdown=", tlb_shootdown_setup);

static void do_flush_tlb_all(void)
{
	unsigned long flags;

	local_irq_save(flags);
	if (read_cr4() & X86_CR4_PGE)
		__flush_tlb_all();
	else
		write_cr3(read_cr3());	/* no global pages: CR3 drops all */
	local_irq_restore(flags);
}

struct flush_range {
	unsigned long start, end;
	int sender;
	unsigned long flow;	/* the trace's ipi_raise -> ipi_entry arrows */
};

/*
 * The flush itself, on each CPU. The invlpg/full counters count the
 * flushes asked for (on the CPU that asked), so that they mean the same
 * with one CPU or eight; the receivers count shootdown_received.
 */
static void __do_flush_range(struct flush_range *r, bool local)
{
	unsigned long addr;

	trace_tlb_flush(local ? TLB_LOCAL_SHOOTDOWN : TLB_REMOTE_SHOOTDOWN, r->start, r->end);
	if (!r->end) {
		do_flush_tlb_all();
		if (local)
			this_cpu_inc(tlb_stats.flush_all);
		return;
	}
	for (addr = r->start; addr < r->end && addr >= r->start; addr += PAGE_SIZE) {
		__flush_tlb_one_kernel(addr);
		if (local)
			this_cpu_inc(tlb_stats.invlpg);
	}
}

static void do_flush_range(void *data)
{
	struct flush_range *r = data;
	bool local = r->sender == smp_processor_id();

	if (local) {
		__do_flush_range(r, true);
		return;
	}
	this_cpu_inc(tlb_stats.shootdown_received);
	trace_ipi_entry(IPI_TLB_SHOOTDOWN, r->flow);
	__do_flush_range(r, false);
	trace_ipi_exit(IPI_TLB_SHOOTDOWN, r->flow);
}

/*
 * Run the flush here, and on every other online CPU unless shootdowns
 * are off. With IRQs disabled the caller could deadlock against a CPU
 * that waits for it: then only this CPU flushes, and it is reported.
 */
static void flush_everywhere(struct flush_range *r)
{
	unsigned int others;

	preempt_disable();
	r->sender = smp_processor_id();
	r->flow = 0;
	others = num_online_cpus() - 1;
	if (!others || !tlb_shootdown_enabled ||
	    WARN_ONCE(irqs_disabled(), "TLB shootdown with IRQs off: local flush only")) {
		do_flush_range(r);
		if (others)
			this_cpu_inc(tlb_stats.shootdown_skipped);
	} else {
		this_cpu_inc(tlb_stats.shootdowns);
		this_cpu_add(tlb_stats.shootdown_sent, others);
		r->flow = trace_ipi_raise(cpumask_bits(cpu_online_mask)[0] &
					  ~(1UL << r->sender), IPI_TLB_SHOOTDOWN);
		on_each_cpu(do_flush_range, r, 1);
	}
	preempt_enable();
}

void flush_tlb_all(void)
{
	struct flush_range r = { 0, 0, 0 };

	flush_everywhere(&r);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_range r;

	this_cpu_inc(tlb_stats.flush_range);
	start &= PAGE_MASK;
	if (end <= start)
		return;
	if ((end - start) >> PAGE_SHIFT > tlb_single_page_flush_ceiling) {
		flush_tlb_all();
		return;
	}
	r.start = start;
	r.end = end;
	flush_everywhere(&r);
}

void show_tlb_stats(void)
{
	unsigned int cpu;

	pr_info("TLB flushes per CPU: single-page (invlpg), full (CR4.PGE toggle), range "
		"requests (ceiling %lu pages); shootdowns: started, IPIs sent/received, "
		"skipped (tlb.shootdown=0)\n", tlb_single_page_flush_ceiling);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		const struct tlb_stats *s = per_cpu_ptr(&tlb_stats, cpu);

		pr_info("  cpu %u: %lu invlpg, %lu full, %lu range; %lu shootdowns, "
			"%lu/%lu IPIs, %lu skipped\n", cpu, s->invlpg, s->flush_all,
			s->flush_range, s->shootdowns, s->shootdown_sent,
			s->shootdown_received, s->shootdown_skipped);
	}
}
