/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>

/*
 * Sleeping locks (sched/mutex.c). One holder at a time; a task that finds
 * the mutex held sleeps in FIFO order and is handed the mutex directly by
 * mutex_unlock(), so nobody can overtake the waiters. Only the holder may
 * unlock it; mutexes are not for interrupt context; mutex_lock() may sleep.
 */
struct mutex {
	atomic_long_t owner;		/* struct task_struct *, 0 when free */
	raw_spinlock_t wait_lock;
	struct list_head wait_list;	/* struct mutex_waiter, oldest first */
	const char *name;
};

#define __MUTEX_INITIALIZER(lockname) {					\
	.owner = ATOMIC_LONG_INIT(0),					\
	.wait_lock = __RAW_SPIN_LOCK_UNLOCKED(lockname.wait_lock),	\
	.wait_list = LIST_HEAD_INIT(lockname.wait_list),		\
	.name = #lockname }
#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name);
#define mutex_init(mutex) __mutex_init((mutex), #mutex)

void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
/* The holder, or NULL (for reports and tests). */
struct task_struct *mutex_owner(struct mutex *lock);
void mutex_destroy(struct mutex *lock);

#endif /* _LINUX_MUTEX_H */
