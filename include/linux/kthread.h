/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

/*
 * Kernel threads (sched/kthread.c), Linux's API.
 *
 * kthread_create() makes a thread that will run threadfn(data) but does
 * not start it: wake_up_process() does. kthread_run() is both. The name
 * is printf-formatted into task->comm. Returns ERR_PTR(-ENOMEM) on
 * failure.
 *
 * A thread ends by returning from threadfn (or calling kthread_exit());
 * the value is its exit code. It is then reaped: its stack is freed at
 * its last context switch, its task_struct when no reference is left.
 *
 * kthread_stop(k) asks k to stop (kthread_should_stop() becomes true in
 * k), wakes it, waits until it has ended and returns its exit code. A
 * thread that has not started running threadfn by then never does: it
 * ends with -EINTR, as in Linux -- so kthread_run() followed at once by
 * kthread_stop() may well never run threadfn.
 *
 * It needs k not reaped yet: either k runs until it is told to stop, or
 * the caller took a reference with get_task_struct() before waking it
 * (and drops it after, or uses kthread_stop_put()). kthread_join(),
 * which waits without asking, is kmaplab's: <kmaplab/kthread.h>.
 */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char namefmt[], ...) __printf(3, 4);

#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__k =					\
		kthread_create(threadfn, data, namefmt, ##__VA_ARGS__);	\
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k;								\
})

/*
 * Create, bind to cpu and wake (Linux's kthread_run_on_cpu(), whose
 * namefmt may take the CPU number with %u). For tests whose threads must
 * share one CPU to preempt one another.
 */
#define kthread_run_on_cpu(threadfn, data, cpu, namefmt) ({		\
	unsigned int __cpu = (cpu);					\
	struct task_struct *__k =					\
		kthread_create(threadfn, data, namefmt, __cpu);		\
	if (!IS_ERR(__k)) {						\
		kthread_bind(__k, __cpu);				\
		wake_up_process(__k);					\
	}								\
	__k;								\
})

bool kthread_should_stop(void);
int kthread_stop(struct task_struct *k);
int kthread_stop_put(struct task_struct *k);
__noreturn void kthread_exit(long result);
/* Keep k on one CPU (before it is first woken). */
void kthread_bind(struct task_struct *k, unsigned int cpu);
/* The data pointer given to kthread_create(). */
void *kthread_data(struct task_struct *k);

/* Threads alive now, created since boot, and reaped since boot. */
unsigned long nr_threads(void);
extern atomic_t kthreads_created, kthreads_reaped;

#endif /* _LINUX_KTHREAD_H */
