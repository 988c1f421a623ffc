/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_TLB_H
#define _TRACE_TLB_H
/*
 * Linux's tlb_flush event (include/trace/events/tlb.h): pages is -1 for
 * a full flush (TLB_FLUSH_ALL), reason the enum tlb_flush_reason value.
 * kmaplab adds the first address flushed.
 */
#include <asm/page.h>
#include <kmaplab/trace.h>

enum tlb_flush_reason {
	TLB_FLUSH_ON_TASK_SWITCH,
	TLB_REMOTE_SHOOTDOWN,
	TLB_LOCAL_SHOOTDOWN,
	TLB_LOCAL_MM_SHOOTDOWN,
	TLB_REMOTE_SEND_IPI,
	NR_TLB_FLUSH_REASONS,
};

#define TLB_FLUSH_ALL	-1UL

/* This CPU flushes [start, end), or everything when end is 0. */
static __always_inline void trace_tlb_flush(int reason, unsigned long start,
					    unsigned long end)
{
	if (trace_event_on(TRACE_TLB_FLUSH))
		trace_record(TRACE_TLB_FLUSH,
			     end ? (end - start) >> PAGE_SHIFT : TLB_FLUSH_ALL,
			     reason, start, 0, NULL);
}

#endif /* _TRACE_TLB_H */
