// SPDX-License-Identifier: GPL-2.0
/*
 * The wake-up path: wake_up_process() and wake_up_state(), which make a
 * sleeping task runnable again and queue it on the CPU select_task_rq()
 * picks (sched/smp.c). Queuing it is activate_task()'s (sched/core.c):
 * at the back of the queue, preempting only the idle task.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include "sched.h"

/*
 * Make p runnable if its state is in the mask. If p is still on the run
 * queue (it set a sleeping state but has not switched out yet), setting
 * TASK_RUNNING is enough: its schedule() will then keep it. Returns 1
 * when p was woken, 0 when it was not in one of those states.
 */
static int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	struct rq *rq;
	int cpu;

	/*
	 * p's run-queue lock orders this against p's own schedule(): p
	 * cannot change CPU while we hold it, and a p that went to sleep
	 * has finished switching out once we have it (its CPU held the lock
	 * across the switch).
	 */
	rq = task_rq_lock(p, &flags);
	if (!(READ_ONCE(p->__state) & state)) {
		raw_spin_unlock_irqrestore(&rq->lock, flags);
		return 0;
	}
	WRITE_ONCE(p->__state, TASK_RUNNING);
	if (p->on_rq) {			/* had not switched out yet: keeps running */
		raw_spin_unlock_irqrestore(&rq->lock, flags);
		return 1;
	}
	cpu = select_task_rq(p);
	if (cpu == rq->cpu) {
		activate_task(rq, p);
		raw_spin_unlock_irqrestore(&rq->lock, flags);
		return 1;
	}
	/* Off its stack, off every queue, TASK_RUNNING: nobody else moves it. */
	p->on_rq = TASK_ON_RQ_MIGRATING;
	raw_spin_unlock_irqrestore(&rq->lock, flags);
	rq = cpu_rq(cpu);
	raw_spin_lock_irqsave(&rq->lock, flags);
	activate_task(rq, p);
	raw_spin_unlock_irqrestore(&rq->lock, flags);
	return 1;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state);
}
