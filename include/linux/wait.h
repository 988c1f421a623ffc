/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>

/*
 * Wait queues (sched/wait.c), Linux's API: tasks wait on a
 * wait_queue_head for a condition; whoever changes the condition calls
 * wake_up() on it. wake_up() may be called from interrupts.
 */
struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01	/* wake_up() wakes one such entry, not all */

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the waiting task */
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name);
#define init_waitqueue_head(wq_head) __init_waitqueue_head((wq_head), #wq_head)

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			  int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int flags, void *key);

#define __WAITQUEUE_INITIALIZER(name, tsk) {				\
	.private = tsk, .func = default_wake_function,			\
	.entry = { NULL, NULL } }
#define DECLARE_WAITQUEUE(name, tsk) \
	struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)

static inline void init_waitqueue_func_entry(struct wait_queue_entry *wq_entry,
					     wait_queue_func_t func)
{
	wq_entry->flags = 0;
	wq_entry->private = NULL;
	wq_entry->func = func;
}

static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/* With wq_head->lock held: waiters at the front, exclusive ones at the back. */
static inline void __add_wait_queue(struct wait_queue_head *wq_head,
				    struct wait_queue_entry *wq_entry)
{
	list_add(&wq_entry->entry, &wq_head->head);
}

static inline void __add_wait_queue_entry_tail(struct wait_queue_head *wq_head,
					       struct wait_queue_entry *wq_entry)
{
	list_add_tail(&wq_entry->entry, &wq_head->head);
}

static inline void __remove_wait_queue(struct wait_queue_head *wq_head,
				       struct wait_queue_entry *wq_entry)
{
	list_del(&wq_entry->entry);
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry);

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry);

/*
 * Wake waiters in the given states: all non-exclusive ones and up to
 * nr_exclusive exclusive ones (0: all). __wake_up_locked: lock held.
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode,
	       int nr_exclusive, void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr_exclusive);

#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/*
 * The wait loop behind every wait_event*(): queue, set the sleeping
 * state, test the condition (after the state is set, so a wake-up that
 * follows a change of condition cannot be lost), and run cmd -- which
 * sleeps -- until the condition holds. ret is the initial value of
 * __ret, which cmd may update (the remaining timeout).
 */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd)	\
({									\
	struct wait_queue_entry __wq_entry;				\
	long __ret = ret;						\
									\
	init_wait_entry(&__wq_entry, (exclusive) ? WQ_FLAG_EXCLUSIVE : 0); \
	for (;;) {							\
		prepare_to_wait_event(&(wq_head), &__wq_entry, state);	\
		if (condition)						\
			break;						\
		cmd;							\
	}								\
	finish_wait(&(wq_head), &__wq_entry);				\
	__ret;								\
})

/* Sleep until condition is true. */
#define wait_event(wq_head, condition) do {				\
	might_sleep();							\
	if (condition)							\
		break;							\
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE,	\
			    0, 0, schedule());				\
} while (0)

/* No signals in kmaplab: returns 0 once the condition is true. */
#define wait_event_interruptible(wq_head, condition) ({		\
	int __ire = 0;							\
	might_sleep();							\
	if (!(condition))						\
		__ire = ___wait_event(wq_head, condition,		\
				      TASK_INTERRUPTIBLE, 0, 0, schedule()); \
	__ire;								\
})

/*
 * The condition, seen from a timed wait: true when it holds (and then
 * the result is at least 1 even if the time ran out meanwhile) or when
 * the time is up (__ret, the remaining jiffies, reached 0).
 */
#define ___wait_cond_timeout(condition) ({				\
	bool __cond = (condition);					\
	if (__cond && !__ret)						\
		__ret = 1;						\
	__cond || !__ret;						\
})

/*
 * Sleep until condition is true or timeout jiffies have passed. Returns
 * 0 if the time ran out with the condition false, otherwise the jiffies
 * left (at least 1).
 */
#define wait_event_timeout(wq_head, condition, timeout) ({		\
	long __ret = timeout;						\
	might_sleep();							\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head,				\
				      ___wait_cond_timeout(condition),	\
				      TASK_UNINTERRUPTIBLE, 0, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret;								\
})

#define wait_event_interruptible_timeout(wq_head, condition, timeout) ({ \
	long __ret = timeout;						\
	might_sleep();							\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head,				\
				      ___wait_cond_timeout(condition),	\
				      TASK_INTERRUPTIBLE, 0, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret;								\
})

#endif /* _LINUX_WAIT_H */
