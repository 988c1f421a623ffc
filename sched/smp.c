// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler across CPUs: where a task runs, how it moves, and what
 * migrate_disable() forbids. The toy policy (docs/scheduler.md):
 *
 *  - A task stays on its CPU. A wake-up queues it where it last ran; a
 *    brand-new task goes to the CPU with the fewest runnable tasks.
 *  - An idle CPU pulls: when its queue is empty it takes the first
 *    waiting task another CPU's queue holds that may run here, and its
 *    tick looks for one every HZ. Busy CPUs never push.
 *  - A task leaves its CPU when its affinity (set_cpus_allowed_ptr,
 *    kthread_bind) excludes it or the CPU is going down -- at its next
 *    switch-out, moved only once it is off its stack.
 *  - None of that applies while task->migration_disabled != 0: a pinned
 *    task is never pulled, never placed elsewhere on wake-up, never sent
 *    away; cpu_down() waits for it (kernel/cpu.c).
 *
 * Locking: a task's CPU (task->cpu) changes only with its run queue's
 * lock held, and a task is only ever moved while it is not running: from
 * a queue, or from TASK_ON_RQ_MIGRATING -- off every queue, its switch
 * out complete. Two run-queue locks are never held together except with
 * a trylock (pull_task), so there is no lock order to get wrong.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <kmaplab/smp.h>
#include "sched.h"

DECLARE_PER_CPU(struct task_struct *, current_task);

/* Lock the run queue p is on; p cannot change CPU while it is held. */
struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	struct rq *rq;

	for (;;) {
		rq = task_rq(p);
		raw_spin_lock_irqsave(&rq->lock, *flags);
		if (likely(rq == task_rq(p)))
			return rq;
		raw_spin_unlock_irqrestore(&rq->lock, *flags);
	}
}

/* The active CPU in p's mask with the fewest runnable tasks. */
static int idlest_cpu(struct task_struct *p)
{
	unsigned int cpu, best = NR_CPUS, load = ~0U;

	for_each_cpu(cpu, cpu_active_mask) {
		unsigned int n = READ_ONCE(cpu_rq(cpu)->nr_running);

		if (!cpumask_test_cpu(cpu, &p->cpus_mask))
			continue;
		if (n < load || (n == load && cpu == task_cpu(p))) {
			best = cpu;
			load = n;
		}
	}
	/* No allowed CPU is up: break the affinity rather than strand p. */
	if (best == NR_CPUS)
		best = cpumask_first(cpu_active_mask);
	return best;
}

/* Where p should run when it wakes. */
int select_task_rq(struct task_struct *p)
{
	int cpu = task_cpu(p);

	if (p->migration_disabled)		/* pinned: where it disabled it */
		return cpu;
	if (p->sched_new) {
		p->sched_new = false;
		return idlest_cpu(p);
	}
	if (cpumask_test_cpu(cpu, &p->cpus_mask) && cpu_active(cpu))
		return cpu;
	return idlest_cpu(p);
}

static bool can_pull(struct task_struct *p, int cpu)
{
	return !p->migration_disabled && cpumask_test_cpu(cpu, &p->cpus_mask);
}

/*
 * rq (locked, its queue empty) takes a waiting task from another CPU.
 * The other queue is only trylocked: two idle CPUs pulling from each
 * other must not deadlock, and a busy lock just means "not this time".
 */
struct task_struct *pull_task(struct rq *rq)
{
	unsigned int i, cpu;

	if (!cpu_active(rq->cpu))
		return NULL;
	for (i = 1; i < nr_cpu_ids; i++) {
		struct rq *src;
		struct task_struct *p;

		cpu = (rq->cpu + i) % nr_cpu_ids;
		src = cpu_rq(cpu);
		if (!cpu_online(cpu) || list_empty(&src->queue))
			continue;
		if (!do_raw_spin_trylock(&src->lock))
			continue;
		list_for_each_entry(p, &src->queue, run_list) {
			if (!can_pull(p, rq->cpu))
				continue;
			list_del_init(&p->run_list);
			src->nr_running--;
			/* Under src's lock: task_rq_lock() must see the move. */
			p->cpu = rq->cpu;
			p->nr_migrations++;
			do_raw_spin_unlock(&src->lock);
			rq->nr_running++;
			this_cpu_inc(sched_pulls);
			return p;
		}
		do_raw_spin_unlock(&src->lock);
	}
	return NULL;
}

/* From the tick of an idle CPU (rq locked): is there work to pull? */
bool idle_should_pull(struct rq *rq)
{
	unsigned int cpu;

	if (!cpu_active(rq->cpu))
		return false;
	for_each_cpu(cpu, cpu_online_mask) {
		struct rq *src = cpu_rq(cpu);
		struct task_struct *p;
		bool found = false;

		if (src == rq || list_empty(&src->queue))
			continue;
		if (!do_raw_spin_trylock(&src->lock))
			continue;
		list_for_each_entry(p, &src->queue, run_list) {
			found = can_pull(p, rq->cpu);
			if (found)
				break;
		}
		do_raw_spin_unlock(&src->lock);
		if (found)
			return true;
	}
	return false;
}

/*
 * p (TASK_ON_RQ_MIGRATING: runnable, off every queue, off its stack)
 * goes to the queue of a CPU it may run on.
 */
void move_task_away(struct task_struct *p)
{
	struct rq *rq = cpu_rq(select_task_rq(p));
	unsigned long flags;

	raw_spin_lock_irqsave(&rq->lock, flags);
	activate_task(rq, p);
	raw_spin_unlock_irqrestore(&rq->lock, flags);
}

/*
 * Change where p may run. A queued p moves now; a running one at its
 * next switch-out; a sleeping one when it wakes; a pinned one when it
 * calls migrate_enable(). Affinity is a hint to the policy, pinning a
 * promise: the promise wins.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const cpumask_t *mask)
{
	unsigned long flags;
	struct rq *rq;
	bool move = false;

	if (!cpumask_intersects(mask, cpu_active_mask))
		return -22;		/* -EINVAL */
	rq = task_rq_lock(p, &flags);
	cpumask_copy(&p->cpus_mask, mask);
	if (task_must_leave(rq, p) && p->on_rq == TASK_ON_RQ_QUEUED) {
		if (rq->curr == p) {
			resched_curr(rq);
		} else {
			list_del_init(&p->run_list);
			rq->nr_running--;
			p->on_rq = TASK_ON_RQ_MIGRATING;
			move = true;
		}
	}
	raw_spin_unlock_irqrestore(&rq->lock, flags);
	if (move)
		move_task_away(p);
	else if (p == current && task_must_leave(rq, p) && preemptible())
		schedule();		/* TASK_RUNNING: leaves at this switch */
	return 0;
}

/*
 * Move every task off cpu that can go (cpu_down(), cpu inactive
 * already). Returns how many tasks are still there -- pinned ones, or
 * one that has not switched out yet -- naming the first in blocker.
 */
int sched_cpu_drain(unsigned int cpu, char *blocker, size_t len)
{
	struct rq *rq = cpu_rq(cpu);
	struct task_struct *p, *n, *pinned = NULL;
	unsigned long flags;
	LIST_HEAD(moving);
	int left;

	raw_spin_lock_irqsave(&rq->lock, flags);
	list_for_each_entry_safe(p, n, &rq->queue, run_list) {
		if (p->migration_disabled) {
			pinned = pinned ?: p;
			continue;
		}
		list_move_tail(&p->run_list, &moving);
		rq->nr_running--;
		p->on_rq = TASK_ON_RQ_MIGRATING;
	}
	if (rq->curr != rq->idle) {
		if (rq->curr->migration_disabled)
			pinned = rq->curr;
		resched_curr(rq);
	}
	left = rq->nr_running;
	if (left && blocker) {
		p = pinned ?: rq->curr;
		snprintf(blocker, len, "%s/%d (%s, migrate_disable depth %d, "
			 "%d kmap_local mapping%s)", p->comm, p->pid,
			 task_state_name(p), p->migration_disabled,
			 p->kmap_ctrl.idx / KM_INCR,
			 p->kmap_ctrl.idx / KM_INCR == 1 ? "" : "s");
	}
	raw_spin_unlock_irqrestore(&rq->lock, flags);

	list_for_each_entry_safe(p, n, &moving, run_list) {
		list_del_init(&p->run_list);
		move_task_away(p);
	}
	return left;
}

/*
 * Pin the task to this CPU, while staying preemptible: while the count
 * is non-zero no path moves it (sched/smp.c checks it everywhere a task
 * could change CPU: pulls, wake-ups, affinity changes, cpu_down()). Only
 * the task itself changes the count, so no lock is needed.
 */
void migrate_disable(void)
{
	__migrate_disable(current);
}

/*
 * Unpinned again: if the task was meanwhile told to leave this CPU
 * (affinity, cpu_down), it leaves at the next preemption point.
 * Unbalanced (count already 0): warn and change nothing, as Linux does --
 * decrementing would wrap the count and pin the task for good.
 */
void migrate_enable(void)
{
	struct task_struct *p = current;

	if (WARN_ON_ONCE(!p->migration_disabled))
		return;
	barrier();
	if (--p->migration_disabled)
		return;
	if (unlikely(task_must_leave(this_rq(), p) && !is_idle_task(p))) {
		set_tsk_need_resched(p);
		preempt_check_resched();
	}
}

/* Run queue and idle task of cpu, before it first comes up. */
void sched_init_cpu(int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	raw_spin_lock_init(&rq->lock);
	INIT_LIST_HEAD(&rq->queue);
	rq->cpu = cpu;
	init_idle(rq, cpu);
	if (cpu != 0) {
		rq->curr = rq->idle;
		per_cpu(current_task, cpu) = rq->idle;
	}
}

/* The idle task of cpu starts afresh at the top of its stack. */
void smpboot_prepare_idle(unsigned int cpu)
{
	struct task_struct *idle = idle_task(cpu);

	idle->thread_info.preempt_count = 0;
	clear_tsk_need_resched(idle);
	idle->on_rq = 0;
	cpu_rq(cpu)->curr = idle;
	per_cpu(current_task, cpu) = idle;
}

void set_cpu_online_active(unsigned int cpu)
{
	cpumask_set_cpu(cpu, &__cpu_online_mask);
	cpumask_set_cpu(cpu, &__cpu_active_mask);
}

unsigned long nr_migrations_total(void)
{
	unsigned long n = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		n += per_cpu(sched_pulls, cpu);
	return n;
}
