/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_PAGE_FAULT_H
#define _TRACE_PAGE_FAULT_H
/*
 * Linux's page-fault events (arch/x86/include/asm/trace/exceptions.h):
 * page_fault_user or page_fault_kernel (where the faulting instruction
 * ran) with the address, the instruction and the error code, on entry.
 * kmaplab adds page_fault_exit: how the fault ended -- resolved (a page
 * made present, the instruction runs again), fixed up (the exception
 * table's -EFAULT path) or fatal (the process killed, or an Oops).
 */
#include <asm/ptrace.h>
#include <kmaplab/trace.h>

enum page_fault_result {
	PAGE_FAULT_RESOLVED,
	PAGE_FAULT_FIXUP,
	PAGE_FAULT_FATAL,
	NR_PAGE_FAULT_RESULTS,
};

/* Linux's trace_page_fault_entries(): which event by the faulting mode. */
static __always_inline void trace_page_fault_entries(struct pt_regs *regs,
						     unsigned long error_code,
						     unsigned long address)
{
	/* Two hooks, not one with a computed id: each key must be a constant. */
	if (user_mode(regs)) {
		if (trace_event_on(TRACE_PAGE_FAULT_USER))
			trace_record(TRACE_PAGE_FAULT_USER, address, regs->ip,
				     error_code, 0, NULL);
	} else if (trace_event_on(TRACE_PAGE_FAULT_KERNEL)) {
		trace_record(TRACE_PAGE_FAULT_KERNEL, address, regs->ip,
			     error_code, 0, NULL);
	}
}

static __always_inline void trace_page_fault_exit(unsigned long address,
						  enum page_fault_result result)
{
	if (trace_event_on(TRACE_PAGE_FAULT_EXIT))
		trace_record(TRACE_PAGE_FAULT_EXIT, address, result, 0, 0, NULL);
}

#endif /* _TRACE_PAGE_FAULT_H */
