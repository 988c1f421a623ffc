// SPDX-License-Identifier: GPL-2.0
/*
 * The probe behind the kmap_local map/unmap hooks
 * (include/trace/events/kmap.h): from the index of current's stack entry
 * it works out what the event prints -- the slot, its address, the pfn
 * of the saved PTE and whether that page is highmem -- so that the
 * inline fast path hands over one register and nothing else.
 */
#include <linux/mm.h>
#include <linux/sched.h>
#include <asm/highmem.h>
#include <asm/fixmap.h>
#include <kmaplab/trace.h>
#include <trace/events/kmap.h>

/* Called with preemption off: the slot is this CPU's. */
void __trace_kmap_local(enum trace_event_id id, int idx)
{
	unsigned long pfn = pte_pfn(current->kmap_ctrl.pteval[idx]);
	int slot = arch_kmap_local_map_idx(idx, pfn);

	trace_record(id, slot, __fix_to_virt(FIX_KMAP_BEGIN + slot), pfn,
		     trace_pfn_highmem(pfn), NULL);
}
