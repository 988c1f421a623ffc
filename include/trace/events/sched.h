/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_SCHED_H
#define _TRACE_SCHED_H
/* Linux's sched_switch event (include/trace/events/sched.h), same fields. */
#include <linux/sched.h>
#include <kmaplab/trace.h>

/* preempt: prev was preempted, so it stays runnable whatever its state. */
static __always_inline void trace_sched_switch(bool preempt,
					       struct task_struct *prev,
					       struct task_struct *next)
{
	if (trace_event_on(TRACE_SCHED_SWITCH))
		trace_record(TRACE_SCHED_SWITCH, prev->pid,
			     preempt ? TASK_RUNNING : READ_ONCE(prev->__state),
			     next->pid, preempt, next->comm);
}

#endif /* _TRACE_SCHED_H */
