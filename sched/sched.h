/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scheduler internals shared by the files in sched/ (Linux keeps the same
 * in kernel/sched/sched.h). Nothing outside sched/ includes this.
 */
#ifndef _SCHED_SCHED_H
#define _SCHED_SCHED_H

#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>

/*
 * One run queue per CPU. The lock protects the queue and the on_rq /
 * __state transitions of the tasks on it; it is always taken with IRQs
 * off because the timer interrupt and wake-ups from interrupts use it.
 *
 * queue holds the runnable tasks waiting for this CPU, in the order they
 * will run; the running task (curr) is not on it, and the idle task never
 * is: it runs only when queue is empty.
 */
struct rq {
	raw_spinlock_t lock;
	struct list_head queue;
	unsigned int nr_running;	/* runnable tasks, curr included, idle not */
	struct task_struct *curr;
	struct task_struct *idle;
	unsigned long nr_switches;
	int cpu;
};

DECLARE_PER_CPU(struct rq, runqueues);
#define cpu_rq(cpu) per_cpu_ptr(&runqueues, (cpu))
#define this_rq() this_cpu_ptr(&runqueues)
#define task_rq(p) cpu_rq(task_cpu(p))

/* sched/fork.c */
void free_task_stack(struct task_struct *p);
void task_list_del(struct task_struct *p);

/* sched/core.c */
__noreturn void do_task_dead(void);
void activate_task(struct rq *rq, struct task_struct *p);
void resched_curr(struct rq *rq);

/* sched/smp.c: which CPU, and moving tasks between CPUs. */
struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags);
int select_task_rq(struct task_struct *p);
struct task_struct *pull_task(struct rq *rq);
bool idle_should_pull(struct rq *rq);
void move_task_away(struct task_struct *p);
DECLARE_PER_CPU(unsigned long, sched_pulls);

/*
 * May p not stay on rq's CPU? Not when pinned by migrate_disable(), else
 * when its affinity excludes the CPU or the CPU is going down.
 */
static inline bool task_must_leave(struct rq *rq, struct task_struct *p)
{
	return !p->migration_disabled &&
	       (!cpumask_test_cpu(rq->cpu, &p->cpus_mask) || !cpu_active(rq->cpu));
}

/* sched/idle.c */
void init_idle(struct rq *rq, int cpu);

/* sched/timeout.c: expire sleep timeouts, from the tick. */
void run_local_timers(void);

/* sched/debug.c */
void __schedule_bug(struct task_struct *prev);

/* sched/kthread.c: where every kthread starts (after ret_from_fork). */
int kthread(void *data);
void free_kthread_struct(struct task_struct *p);

#endif /* _SCHED_SCHED_H */
