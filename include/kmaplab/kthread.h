/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_KTHREAD_H
#define _KMAPLAB_KTHREAD_H

#include <linux/kthread.h>
#include <linux/sched.h>

/*
 * kthread_join(k) waits for k to end by itself, without asking (as
 * kthread_stop() does), and returns its exit code. Linux open-codes this
 * with a completion; kmaplab's tests and the RAM disk's workers use it
 * so often that it has a name here. The same rule as kthread_stop()'s
 * holds: k must not be reaped yet (see <linux/kthread.h>); the _put
 * variant drops the reference the caller took with get_task_struct().
 */
int kthread_join(struct task_struct *k);
int kthread_join_put(struct task_struct *k);

/*
 * kthread_run() holding a reference taken before the thread can run.
 * kthread_run() and then get_task_struct() is a race: a thread that
 * ends at once may be reaped in between, and the get touches a freed
 * task (the tests met it under host load). For kthread_join_put().
 */
#define kthread_run_get(threadfn, data, namefmt, ...) ({		\
	struct task_struct *__k =					\
		kthread_create(threadfn, data, namefmt, ##__VA_ARGS__);	\
	if (!IS_ERR(__k)) {						\
		get_task_struct(__k);					\
		wake_up_process(__k);					\
	}								\
	__k;								\
})

#endif /* _KMAPLAB_KTHREAD_H */
