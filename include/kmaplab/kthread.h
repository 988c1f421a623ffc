/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_KTHREAD_H
#define _KMAPLAB_KTHREAD_H

#include <linux/kthread.h>

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

#endif /* _KMAPLAB_KTHREAD_H */
