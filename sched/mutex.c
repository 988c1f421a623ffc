// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes. The owner word is the holder's task_struct pointer, or 0:
 * taking a free mutex is one cmpxchg. Otherwise the task queues on
 * wait_list (under wait_lock) and sleeps; mutex_unlock() with waiters
 * hands the mutex to the oldest one -- it writes that task into owner
 * before waking it -- so the owner word is 0 only when nobody waits, and
 * a newcomer's cmpxchg can never overtake a waiter. (Linux lets
 * newcomers steal the lock and hands off only to a starving waiter; the
 * strict handoff is simpler to follow and cannot starve anybody.)
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <kmaplab/bug.h>
#include <kmaplab/locking.h>

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

atomic_t mutex_contended_count = ATOMIC_INIT(0);

void __mutex_init(struct mutex *lock, const char *name)
{
	atomic_long_set(&lock->owner, 0);
	__raw_spin_lock_init(&lock->wait_lock, name);
	INIT_LIST_HEAD(&lock->wait_list);
	lock->name = name;
}

struct task_struct *mutex_owner(struct mutex *lock)
{
	return (struct task_struct *)atomic_long_read(&lock->owner);
}

bool mutex_is_locked(struct mutex *lock)
{
	return atomic_long_read(&lock->owner) != 0;
}

static bool __mutex_trylock(struct mutex *lock)
{
	return atomic_long_cmpxchg(&lock->owner, 0, (long)current) == 0;
}

static void __mutex_lock_slowpath(struct mutex *lock)
{
	struct mutex_waiter waiter = { .task = current };

	if (unlikely(mutex_owner(lock) == current))
		BUG_MSG("recursive mutex_lock(%s) by %s/%d: it already holds it",
			lock->name, current->comm, current->pid);
	raw_spin_lock(&lock->wait_lock);
	if (__mutex_trylock(lock)) {	/* released meanwhile */
		raw_spin_unlock(&lock->wait_lock);
		return;
	}
	atomic_inc(&mutex_contended_count);
	list_add_tail(&waiter.list, &lock->wait_list);
	/* Woken for some other reason (kthread_stop): sleep on. */
	while (mutex_owner(lock) != current) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		raw_spin_unlock(&lock->wait_lock);
		schedule();
		raw_spin_lock(&lock->wait_lock);
	}
	__set_current_state(TASK_RUNNING);
	raw_spin_unlock(&lock->wait_lock);
}

void mutex_lock(struct mutex *lock)
{
	might_sleep();
	if (!__mutex_trylock(lock))
		__mutex_lock_slowpath(lock);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock(lock);	/* no signals in kmaplab */
	return 0;
}

/* 1 when the mutex was taken, 0 when it is held. Never sleeps. */
int mutex_trylock(struct mutex *lock)
{
	WARN_ONCE(in_interrupt(), "mutex_trylock(%s) in interrupt context",
		  lock->name);
	return __mutex_trylock(lock);
}

void mutex_unlock(struct mutex *lock)
{
	struct task_struct *owner = mutex_owner(lock);
	struct mutex_waiter *next;

	WARN_ONCE(in_interrupt(), "mutex_unlock(%s) in interrupt context",
		  lock->name);
	/* Releasing someone else's mutex would let two tasks in: refuse. */
	if (WARN(owner != current, "mutex_unlock(%s) by %s/%d, but %s holds it",
		 lock->name, current->comm, current->pid,
		 owner ? owner->comm : "nobody"))
		return;
	raw_spin_lock(&lock->wait_lock);
	next = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter, list);
	if (next) {
		list_del(&next->list);
		atomic_long_set(&lock->owner, (long)next->task);
		wake_up_process(next->task);
	} else {
		atomic_long_set(&lock->owner, 0);
	}
	raw_spin_unlock(&lock->wait_lock);
}

void mutex_destroy(struct mutex *lock)
{
	WARN(mutex_is_locked(lock), "mutex_destroy(%s) while held by %s",
	     lock->name, mutex_owner(lock)->comm);
}
