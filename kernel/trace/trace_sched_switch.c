// SPDX-License-Identifier: GPL-2.0
/*
 * The probe behind trace_sched_switch() (include/trace/events/sched.h),
 * on the switch's one key (trace_switch_key). It records sched_switch,
 * then the kmap_local_sched_out event of each slot prev is about to put
 * away, in the order and with the fields the per-slot hook in
 * __kmap_local_sched_out() had: nothing can run, and so nothing can be
 * traced, between this probe and those PTE clears. __schedule() calls it
 * with the run-queue lock held and interrupts off, and goes straight to
 * context_switch() -> prepare_task_switch(), whose first act is
 * __kmap_local_sched_out() on this CPU, for prev, which is still current
 * and so the only task that changes its own kmap_ctrl.
 *
 * The restore on the way in (kmap_local_sched_in) keeps its own hook:
 * it runs with interrupts on (finish_task_switch(), as in Linux), so an
 * interrupt's events may fall between two of its slots, and only a
 * hook next to each PTE write records them in that order.
 */
#include <linux/sched.h>
#include <kmaplab/trace.h>
#include <trace/events/kmap.h>
#include <trace/events/sched.h>

void __trace_sched_switch(bool preempt, struct task_struct *prev,
			  struct task_struct *next)
{
	u32 on = READ_ONCE(trace_events_enabled);

	if (on & (1u << TRACE_SCHED_SWITCH))
		trace_record(TRACE_SCHED_SWITCH, prev->pid,
			     preempt ? TASK_RUNNING : READ_ONCE(prev->__state),
			     next->pid, preempt, next->comm);
	if ((on & (1u << TRACE_KMAP_LOCAL_SCHED_OUT)) && prev->kmap_ctrl.idx)
		trace_kmap_local_sched_out_slots(prev);
}
