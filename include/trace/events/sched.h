/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_SCHED_H
#define _TRACE_SCHED_H
/* Linux's sched_switch event (include/trace/events/sched.h), same fields. */
#include <linux/sched.h>
#include <kmaplab/trace.h>

void __trace_sched_switch(bool preempt, struct task_struct *prev,
			  struct task_struct *next);

/*
 * preempt: prev was preempted, so it stays runnable whatever its state.
 * One key for the switch (trace_switch_key): its probe,
 * kernel/trace/trace_sched_switch.c, records sched_switch and then the
 * kmap_local_sched_out event of each slot prev puts away, so that with
 * tracing off a switch pays this one nop however many mappings prev holds.
 */
static __always_inline void trace_sched_switch(bool preempt,
					       struct task_struct *prev,
					       struct task_struct *next)
{
	if (static_branch_unlikely(&trace_switch_key))
		__trace_sched_switch(preempt, prev, next);
}

#endif /* _TRACE_SCHED_H */
