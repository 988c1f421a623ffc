/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_LOCKING_H
#define _KMAPLAB_LOCKING_H

/* The locks' counters, which tests compare before and after a case. */
#include <linux/atomic.h>

/* Number of spinlock debug reports so far (sched/spinlock.c). */
extern unsigned long spin_bug_count;
/* Times a mutex_lock() had to sleep, since boot (sched/mutex.c). */
extern atomic_t mutex_contended_count;

#endif /* _KMAPLAB_LOCKING_H */
