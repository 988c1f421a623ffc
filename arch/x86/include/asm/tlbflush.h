/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <linux/types.h>
#include <linux/percpu.h>
#include <asm/processor.h>

/*
 * TLB maintenance. Kernel mappings are global (PGE), so a CR3 write does
 * not drop them on a real CPU: changing one kernel PTE needs an invlpg of
 * that page, and dropping everything needs CR4.PGE toggled. Every flush
 * is counted, per CPU, for the statistics and the tests.
 */
struct tlb_stats {
	unsigned long invlpg;		/* single-page flushes */
	unsigned long flush_all;	/* full flushes (CR4.PGE toggle) */
	unsigned long flush_range;	/* flush_tlb_kernel_range() calls */
	unsigned long shootdowns;	/* flushes this CPU sent to the others */
	unsigned long shootdown_sent;	/* IPIs those took */
	unsigned long shootdown_received; /* flush IPIs this CPU handled */
	unsigned long shootdown_skipped; /* local only: tlb.shootdown=0 */
};
DECLARE_PER_CPU(struct tlb_stats, tlb_stats);

static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Drop this CPU's translation of one kernel page. */
static inline void flush_tlb_one_kernel(unsigned long addr)
{
	__flush_tlb_one_kernel(addr);
	this_cpu_inc(tlb_stats.invlpg);
}

/* Drop every translation, global ones included. */
static inline void __flush_tlb_all(void)
{
	unsigned long cr4 = read_cr4();

	write_cr4(cr4 & ~X86_CR4_PGE);
	write_cr4(cr4);
}

/* Both flush on every online CPU (an IPI shootdown): see arch/x86/mm/tlb.c. */
void flush_tlb_all(void);
/*
 * [start, end): invlpg page by page up to tlb_single_page_flush_ceiling
 * pages (33, Linux's default), one full flush above that.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
extern unsigned long tlb_single_page_flush_ceiling;
/* false: flush only the calling CPU (tlb.shootdown=0; tests). */
extern bool tlb_shootdown_enabled;

#endif /* _ASM_TLBFLUSH_H */
