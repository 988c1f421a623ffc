/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_KMAP_H
#define _TRACE_KMAP_H
/*
 * kmap events (kmaplab's; Linux 6.1 has none for kmap). Each hook is
 * inline and costs one nop while the event is off (its static key,
 * trace_event_on()); the recording is out of line, in kernel/trace/.
 */
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <asm/highmem.h>
#include <kmaplab/trace.h>

/* highmem or lowmem (force-map mode maps lowmem pages in slots too). */
static inline bool trace_pfn_highmem(unsigned long pfn)
{
	return pfn_valid(pfn) && PageHighMem(pfn_to_page(pfn));
}

/*
 * Entry idx of current's kmap_local stack, just mapped (its PTE saved in
 * kmap_ctrl.pteval[idx]) or about to be unmapped (still saved). The hooks
 * hand over idx alone, which the caller holds in a register anyway; the
 * probe (kernel/trace/trace_kmap_local.c) works out the slot, address and
 * pfn out of line. Worked out inline, behind the nop, they kept values
 * alive across the call and cost the fast path spills with every event off.
 */
void __trace_kmap_local(enum trace_event_id id, int idx);

static __always_inline void trace_kmap_local_map(int idx)
{
	if (trace_event_on(TRACE_KMAP_LOCAL_MAP))
		__trace_kmap_local(TRACE_KMAP_LOCAL_MAP, idx);
}

static __always_inline void trace_kmap_local_unmap(int idx)
{
	if (trace_event_on(TRACE_KMAP_LOCAL_UNMAP))
		__trace_kmap_local(TRACE_KMAP_LOCAL_UNMAP, idx);
}

/*
 * The context switch emptying tsk's slots (mm/highmem.c): one
 * kmap_local_sched_out event per slot, recorded by the sched_switch
 * probe (kernel/trace/trace_sched_switch.c) just before they are cleared.
 */
void trace_kmap_local_sched_out_slots(struct task_struct *tsk);

/* The context switch refilling one of current's slots. */
static __always_inline void trace_kmap_local_sched_in(int slot, unsigned long addr,
						      unsigned long pfn)
{
	if (trace_event_on(TRACE_KMAP_LOCAL_SCHED_IN))
		trace_record(TRACE_KMAP_LOCAL_SCHED_IN, slot, addr, pfn, 0, NULL);
}

/*
 * kmap()'s pool: page taken (or released) at pool slot nr; count is the
 * slot's count after it, its users + 1 (1: unused, reclaimable). The
 * probe (kernel/trace/trace_kmap_high.c) works out the slot's address
 * and the pfn, so that the caller keeps nothing alive for them.
 */
void __trace_kmap_high(enum trace_event_id id, unsigned int nr,
		       struct page *page, unsigned int count);
void __trace_kmap_high_wake(unsigned int nr, unsigned int count);

static __always_inline void trace_kmap_high_map(unsigned int nr,
						struct page *page,
						unsigned int count)
{
	if (trace_event_on(TRACE_KMAP_HIGH_MAP))
		__trace_kmap_high(TRACE_KMAP_HIGH_MAP, nr, page, count);
}

static __always_inline void trace_kmap_high_unmap(unsigned int nr,
						  struct page *page,
						  unsigned int count)
{
	if (trace_event_on(TRACE_KMAP_HIGH_UNMAP))
		__trace_kmap_high(TRACE_KMAP_HIGH_UNMAP, nr, page, count);
}

/*
 * The search for a free pool slot wrapped to 0: the unused slots of the
 * whole pool (slots=LAST_PKMAP) are reclaimed, with one global flush.
 * Called with kmap_lock held: nothing here may take it.
 */
static __always_inline void trace_kmap_high_wrap(void)
{
	if (trace_event_on(TRACE_KMAP_HIGH_WRAP))
		trace_record(TRACE_KMAP_HIGH_WRAP, LAST_PKMAP, 0, 0, 0, NULL);
}

/*
 * kmap() found every pool slot in use and sleeps until kunmap() frees
 * one (pfn: the page it waits to map; slots: the pool's size, all taken).
 * Called with kmap_lock held, like the wrap.
 */
static __always_inline void trace_kmap_high_sleep(struct page *page)
{
	if (trace_event_on(TRACE_KMAP_HIGH_SLEEP))
		trace_record(TRACE_KMAP_HIGH_SLEEP, page_to_pfn(page), LAST_PKMAP,
			     0, 0, NULL);
}

/* kunmap() left pool slot nr unused (count 1) and wakes the sleepers. */
static __always_inline void trace_kmap_high_wake(unsigned int nr,
						 unsigned int count)
{
	if (trace_event_on(TRACE_KMAP_HIGH_WAKE))
		__trace_kmap_high_wake(nr, count);
}

#endif /* _TRACE_KMAP_H */
