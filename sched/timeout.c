// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping for a time: schedule_timeout() and the msleep() family.
 *
 * A sleeper puts a timer on its own stack into its CPU's list, kept
 * sorted by expiry (in jiffies), and schedules. Each tick the expired
 * timers at the head of the list wake their tasks -- in hard-IRQ
 * context, from scheduler_tick(). A timer fires at the first tick at
 * which jiffies >= expires, never before.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/spinlock.h>
#include <kmaplab/smp.h>
#include "sched.h"

struct sleep_timer {
	struct list_head entry;		/* in timer_base.timers, or empty */
	unsigned long expires;
	struct task_struct *task;
	struct timer_base *base;
};

struct timer_base {
	raw_spinlock_t lock;
	struct list_head timers;	/* sorted, earliest first */
	bool ready;
};

static DEFINE_PER_CPU(struct timer_base, timer_bases);

static struct timer_base *this_timer_base(void)
{
	struct timer_base *base = this_cpu_ptr(&timer_bases);

	if (unlikely(!base->ready)) {	/* first use on this CPU, IRQs off */
		raw_spin_lock_init(&base->lock);
		INIT_LIST_HEAD(&base->timers);
		base->ready = true;
	}
	return base;
}

static void sleep_timer_add(struct sleep_timer *t, unsigned long expires)
{
	struct timer_base *base;
	struct sleep_timer *pos;
	unsigned long flags;

	local_irq_save(flags);
	base = this_timer_base();
	raw_spin_lock(&base->lock);
	t->expires = expires;
	t->task = current;
	t->base = base;
	list_for_each_entry(pos, &base->timers, entry)
		if (time_before(expires, pos->expires))
			break;
	list_add_tail(&t->entry, &pos->entry);	/* before pos, or at the end */
	raw_spin_unlock(&base->lock);
	local_irq_restore(flags);
}

static void sleep_timer_del(struct sleep_timer *t)
{
	struct timer_base *base;
	unsigned long flags;

	/* timers_migrate() may have moved it to another CPU's base meanwhile. */
	for (;;) {
		base = READ_ONCE(t->base);
		raw_spin_lock_irqsave(&base->lock, flags);
		if (likely(base == READ_ONCE(t->base)))
			break;
		raw_spin_unlock_irqrestore(&base->lock, flags);
	}
	if (!list_empty(&t->entry))
		list_del_init(&t->entry);
	raw_spin_unlock_irqrestore(&base->lock, flags);
}

/*
 * cpu_down(): the timers of a dead CPU would never fire; move them to
 * CPU 'to' (which is the caller's), keeping the order by expiry.
 */
void timers_migrate(unsigned int from, unsigned int to)
{
	struct timer_base *old = per_cpu_ptr(&timer_bases, from), *new;
	struct sleep_timer *t, *pos;
	unsigned long flags;

	if (!old->ready)
		return;
	local_irq_save(flags);
	new = this_timer_base();
	WARN_ON(new != per_cpu_ptr(&timer_bases, to));
	raw_spin_lock(&new->lock);
	raw_spin_lock(&old->lock);
	while ((t = list_first_entry_or_null(&old->timers, struct sleep_timer, entry))) {
		list_del(&t->entry);
		list_for_each_entry(pos, &new->timers, entry)
			if (time_before(t->expires, pos->expires))
				break;
		list_add_tail(&t->entry, &pos->entry);
		WRITE_ONCE(t->base, new);
	}
	raw_spin_unlock(&old->lock);
	raw_spin_unlock(&new->lock);
	local_irq_restore(flags);
}

/* From scheduler_tick(), hard-IRQ context. */
void run_local_timers(void)
{
	struct timer_base *base = this_timer_base();
	struct sleep_timer *t;

	raw_spin_lock(&base->lock);
	while ((t = list_first_entry_or_null(&base->timers, struct sleep_timer,
					     entry)) &&
	       time_after_eq(jiffies, t->expires)) {
		list_del_init(&t->entry);
		wake_up_process(t->task);
	}
	raw_spin_unlock(&base->lock);
}

/*
 * Sleep until woken or until timeout jiffies have passed, in the state
 * the caller set (with set_current_state()) before calling. Returns 0
 * when the time ran out, else the jiffies that were left.
 */
long schedule_timeout(long timeout)
{
	struct sleep_timer timer;
	unsigned long expire;

	__might_resched(__FILE__, __LINE__, 0);
	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", timeout);
		dump_stack();
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + timeout;
	sleep_timer_add(&timer, expire);
	schedule();
	sleep_timer_del(&timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/*
 * The current tick is already partly over when msleep() is called, so
 * it sleeps one jiffy more than the request rounds up to: never less
 * than msecs, at most a tick and a rounding more.
 */
void msleep(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	might_sleep();
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

/* kmaplab has no signals: this too sleeps the whole time. */
unsigned long msleep_interruptible(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	might_sleep();
	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}

void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

/* No high-resolution timers: sleep whole ticks, at least min microseconds. */
void usleep_range(unsigned long min, unsigned long max)
{
	long timeout = usecs_to_jiffies(min) + 1;

	might_sleep();
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
