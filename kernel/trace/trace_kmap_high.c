// SPDX-License-Identifier: GPL-2.0
/*
 * The probes behind kmap()'s pool hooks (include/trace/events/kmap.h).
 * The hooks hand over the slot number and the page, which kmap_high()
 * and kunmap_high() hold in registers anyway; the address and the pfn
 * are worked out here, out of line. Worked out inline, behind the nop,
 * they kept the address alive across the recording call, which cost
 * kunmap_high() one more callee-saved register and a longer fast path
 * with every event off (docs/trace.md has the figures).
 */
#include <linux/mm.h>
#include <asm/highmem.h>
#include <kmaplab/trace.h>
#include <trace/events/kmap.h>

/* kmap_high_map or kmap_high_unmap: count is the slot's count after it. */
void __trace_kmap_high(enum trace_event_id id, unsigned int nr,
		       struct page *page, unsigned int count)
{
	trace_record(id, nr, PKMAP_ADDR(nr), page_to_pfn(page), count, NULL);
}

void __trace_kmap_high_wake(unsigned int nr, unsigned int count)
{
	trace_record(TRACE_KMAP_HIGH_WAKE, nr, PKMAP_ADDR(nr), count, 0, NULL);
}
