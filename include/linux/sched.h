/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/thread_info.h>
#include <linux/preempt.h>
#include <linux/cpumask.h>
#include <linux/atomic.h>
#include <asm/barrier.h>
#include <asm/page.h>
#include <asm/switch_to.h>
#include <asm/pgtable_types.h>
#include <asm/kmap_size.h>

#define TASK_COMM_LEN 16

/* Task states (task->__state). Only TASK_RUNNING tasks are picked to run. */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_DEAD 0x0080
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->flags */
#define PF_IDLE 0x00000002	/* the per-CPU idle task */
#define PF_EXITING 0x00000004	/* in do_exit() */
#define PF_KTHREAD 0x00200000	/* created by kthread_create() */

/*
 * A task's kmap_local/kmap_atomic mappings (mm/highmem.c): a stack of
 * slot indexes and the PTE each slot holds, so the context switch can
 * take them down on switch-out and put them back on switch-in.
 */
struct kmap_ctrl {
	int idx;
	pte_t pteval[KM_MAX_IDX];
};

struct kthread;

struct task_struct {
	struct thread_info thread_info;	/* must be first: see thread_info.h */
	struct thread_struct thread;	/* saved sp: see <asm/switch_to.h> */
	unsigned int __state;		/* TASK_* */
	unsigned int flags;		/* PF_* */
	atomic_t usage;			/* references: get/put_task_struct() */
	void *stack;			/* lowest address of the kernel stack */
	unsigned long stack_size;
	pid_t pid;
	char comm[TASK_COMM_LEN];
	int pagefault_disabled;		/* pagefault_disable() depth */
	unsigned short migration_disabled; /* migrate_disable() depth */
	struct kmap_ctrl kmap_ctrl;	/* see mm/highmem.c */

	/* Scheduler (sched/core.c) */
	int on_rq;			/* TASK_ON_RQ_*: queued or running */
	int cpu;			/* CPU it runs or last ran on */
	bool sched_new;			/* never woken yet: placed on the idlest CPU */
	unsigned long nr_migrations;	/* times it was moved to another CPU */
	cpumask_t cpus_mask;		/* CPUs it may run on */
	struct list_head run_list;	/* in its run queue while waiting to run */
	unsigned int time_slice;	/* ticks left in the current slice */
	unsigned long nvcsw, nivcsw;	/* voluntary / involuntary switches */

	/* Life cycle (sched/fork.c, sched/kthread.c) */
	struct list_head tasks;		/* all tasks: for_each_process() */
	struct kthread *kthread;	/* kthread_create() data, or NULL */
	int exit_code;

	/* Processes (kernel/fork.c, kernel/exit.c, fs/exec.c) */
	struct mm_struct *mm;		/* user address space; NULL: kernel thread */
	struct mm_struct *active_mm;	/* the page tables loaded: mm or &init_mm */
	struct files_struct *files;	/* descriptors; NULL for kernel threads */
	struct inode *fs_cwd;		/* NULL: the root */
	struct task_struct *real_parent; /* who wait()s for it, or NULL */
	struct list_head children;	/* its children, live and zombie */
	struct list_head sibling;	/* in real_parent->children */
	int exit_state;			/* EXIT_ZOMBIE, EXIT_DEAD */
	unsigned long pending;		/* signals sent (kernel/signal.c): bit sig */
};

/*
 * migrate_disable() for a task the caller has in hand (it must be
 * current): the same as sched/smp.c's, inline for the kmap_local fast
 * path. Only the task itself changes the count.
 */
static __always_inline void __migrate_disable(struct task_struct *p)
{
	p->migration_disabled++;
	barrier();
}

#define EXIT_ZOMBIE 0x0020
#define EXIT_DEAD 0x0010

extern struct task_struct init_task;	/* the boot task; runs the tests */

/* task->on_rq: on a run queue, or between two (sched/smp.c). */
#define TASK_ON_RQ_QUEUED 1
#define TASK_ON_RQ_MIGRATING 2

#define task_pid_nr(t) ((t)->pid)
#define task_cpu(t) ((t)->cpu)
#define task_thread_info(t) (&(t)->thread_info)
#define task_is_running(t) (READ_ONCE((t)->__state) == TASK_RUNNING)
#define is_idle_task(t) (!!((t)->flags & PF_IDLE))

/*
 * Changing the current task's state: the _set_ form orders the store
 * before the caller's following test of its wait condition, so a waker
 * that changes the condition and then wakes us cannot be missed.
 */
#define __set_current_state(state) WRITE_ONCE(current->__state, (state))
#define set_current_state(state) smp_store_mb(current->__state, (state))

/* The scheduler's reschedule request, per task. */
/* Locked: another CPU may set it while the task changes its own flags. */
static inline void set_tsk_need_resched(struct task_struct *t)
{
	__asm__ __volatile__("lock; orl %1, %0" : "+m"(t->thread_info.flags)
			     : "ri"(1UL << TIF_NEED_RESCHED) : "memory");
}

static inline void clear_tsk_need_resched(struct task_struct *t)
{
	__asm__ __volatile__("lock; andl %1, %0" : "+m"(t->thread_info.flags)
			     : "ri"(~(1UL << TIF_NEED_RESCHED)) : "memory");
}

static inline bool test_tsk_need_resched(struct task_struct *t)
{
	return t->thread_info.flags & (1UL << TIF_NEED_RESCHED);
}

/*
 * Signals, the default actions only (kernel/signal.c): kill() sets a bit
 * in p->pending and wakes p from an interruptible sleep; the task dies on
 * its way back to user mode. Kernel threads are never sent any.
 */
static inline int signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending) != 0;
}
#define fatal_signal_pending(p) signal_pending(p)

/* sched/core.c */
void sched_init(void);
void schedule(void);
void schedule_idle(void);
void scheduler_tick(void);
void yield(void);
int _cond_resched(void);
#define cond_resched() ({ __might_resched(__FILE__, __LINE__, 0); _cond_resched(); })
unsigned long nr_context_switches(void);
unsigned int nr_running(void);
struct task_struct *idle_task(int cpu);
extern bool scheduler_running;

/* sched/wakeup.c */
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);

/* sched/smp.c: where a task may run. */
int set_cpus_allowed_ptr(struct task_struct *p, const cpumask_t *mask);
void sched_init_cpu(int cpu);
unsigned long nr_migrations_total(void);
/* Round-robin time slice, in timer ticks (sched_slice= on the command line). */
extern unsigned int sched_slice_ticks;
/*
 * sched_slice='s upper bound: a slice of at most 250 ms (at the lowest
 * HZ, 100), so that the scheduler tests' waits stay in seconds.
 */
#define SCHED_SLICE_MAX 25

/* sched/debug.c */
void __might_resched(const char *file, int line, unsigned int offsets);

/* sched/timeout.c */
#define MAX_SCHEDULE_TIMEOUT LONG_MAX
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);

/* sched/fork.c: task references and the task list. */
void __put_task_struct(struct task_struct *t);

static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	atomic_inc(&t->usage);
	return t;
}

static inline void put_task_struct(struct task_struct *t)
{
	if (atomic_dec_and_test(&t->usage))
		__put_task_struct(t);
}

/*
 * Every task that has not been reaped, the idle tasks included. Walk it
 * with tasklist_lock held (spin_lock_irqsave): for_each_process(p) { }.
 */
struct spinlock;
extern struct spinlock tasklist_lock;
extern struct list_head task_list;
#define for_each_process(p) list_for_each_entry(p, &task_list, tasks)

/* sched/fork.c, for kernel/fork.c: a new task's parts. */
struct task_struct *alloc_task(const char *comm, int (*fn)(void *), void *arg);
void task_list_add(struct task_struct *p);
pid_t alloc_pid(void);

/* kernel/exit.c: a process's end (called by do_exit()). */
void exit_process(struct task_struct *tsk);
/* kernel/fork.c: a process started from the kernel (tests, init). */
pid_t user_process_spawn(const char *path, const char *const *argv,
			 const char *console);
long kernel_wait(pid_t pid, int *status);
extern struct task_struct *child_reaper;

/* sched/kthread.c: the end of every thread. */
__noreturn void do_exit(long code);
const char *task_state_name(const struct task_struct *p);

#endif /* _LINUX_SCHED_H */
