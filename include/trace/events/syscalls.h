/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_SYSCALLS_H
#define _TRACE_SYSCALLS_H
/*
 * Linux's raw_syscalls events (include/trace/events/syscalls.h): every
 * int 0x80 system call's number and first arguments on the way in, its
 * return value on the way out. An entry holds four words, so kmaplab
 * keeps the first three arguments of Linux's six (ebx, ecx, edx).
 */
#include <asm/ptrace.h>
#include <kmaplab/trace.h>

static __always_inline void trace_sys_enter(struct pt_regs *regs, long id)
{
	if (trace_event_on(TRACE_SYS_ENTER))
		trace_record(TRACE_SYS_ENTER, id, regs->bx, regs->cx, regs->dx, NULL);
}

static __always_inline void trace_sys_exit(struct pt_regs *regs, long id)
{
	if (trace_event_on(TRACE_SYS_EXIT))
		trace_record(TRACE_SYS_EXIT, id, regs->ax, 0, 0, NULL);
}

#endif /* _TRACE_SYSCALLS_H */
