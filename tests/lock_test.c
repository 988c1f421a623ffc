// SPDX-License-Identifier: GPL-2.0
/*
 * Locks: a mutex serialises a read-modify-write that is deliberately
 * slow and preemptible; spinlocks disable preemption (and IRQs); the
 * debug build names recursion, double unlock and unlock by a non-owner.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/string.h>
#include <kmaplab/kthread.h>
#include <kmaplab/printk.h>
#include <kmaplab/bug.h>
#include <kmaplab/locking.h>

#define NR_INCREMENTERS 4
#define NR_INCREMENTS 2000

struct shared_counter {
	struct mutex lock;
	unsigned long value;
	bool overlap;		/* two tasks were inside at once */
	struct task_struct *inside;
};

/*
 * value = value + 1, but slowly: read, sometimes sleep or spin past a
 * tick (so the holder is switched out mid-update), then write back.
 */
static int increment_many(void *data)
{
	struct shared_counter *c = data;
	unsigned long v;
	int i;

	for (i = 0; i < NR_INCREMENTS; i++) {
		mutex_lock(&c->lock);
		if (c->inside)
			c->overlap = true;
		c->inside = current;
		v = c->value;
		if (i % 128 == 0)
			msleep(1);
		else if (i % 16 == 0)
			udelay(300);
		c->value = v + 1;
		c->inside = NULL;
		mutex_unlock(&c->lock);
	}
	return 0;
}

static void mutex_serialises_counter(struct kunit *test)
{
	static struct shared_counter c;
	struct task_struct *t[NR_INCREMENTERS];
	int contended0 = atomic_read(&mutex_contended_count);
	int i;

	mutex_init(&c.lock);
	c.value = 0;
	c.overlap = false;
	c.inside = NULL;
	for (i = 0; i < NR_INCREMENTERS; i++) {
		t[i] = kthread_run_get(increment_many, &c, "incr/%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	for (i = 0; i < NR_INCREMENTERS; i++)
		kthread_join_put(t[i]);

	KUNIT_EXPECT_EQ(test, c.value, NR_INCREMENTERS * NR_INCREMENTS);
	KUNIT_EXPECT_FALSE(test, c.overlap);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&c.lock));
	/* The sleeping path was taken, not just the uncontended cmpxchg. */
	KUNIT_EXPECT_GT(test, atomic_read(&mutex_contended_count) - contended0, 10);
}

static int try_other(void *data)
{
	return mutex_trylock(data);
}

static void mutex_trylock_and_owner(struct kunit *test)
{
	static DEFINE_MUTEX(m);
	static char log[1024];
	struct printk_capture cap;
	unsigned long warns;
	struct task_struct *t;

	KUNIT_EXPECT_TRUE(test, mutex_trylock(&m));
	KUNIT_EXPECT_PTR_EQ(test, mutex_owner(&m), current);
	KUNIT_EXPECT_FALSE(test, mutex_trylock(&m));

	t = kthread_run_get(try_other, &m, "trylock");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_EQ(test, kthread_join_put(t), 0);

	/*
	 * Released by a task that does not hold it: named, and refused.
	 * The WARNING is provoked on purpose: captured, so the bracket
	 * tells the runner it was expected.
	 */
	warns = warn_count;
	m.owner = (atomic_long_t)ATOMIC_LONG_INIT((long)idle_task(0));
	printk_capture_start(&cap, log, sizeof(log));
	mutex_unlock(&m);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "WARNING: "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "mutex_unlock"));
	KUNIT_EXPECT_PTR_EQ(test, mutex_owner(&m), idle_task(0));
	atomic_long_set(&m.owner, (long)current);
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

static void spinlock_disables_preemption(struct kunit *test)
{
	static DEFINE_SPINLOCK(l);
	int pc = preempt_count();
	unsigned long flags;

	spin_lock(&l);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	KUNIT_EXPECT_FALSE(test, preemptible());
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&l));
	KUNIT_EXPECT_FALSE(test, spin_trylock(&l));
	spin_unlock(&l);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&l));

	spin_lock_irqsave(&l, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	spin_unlock_irqrestore(&l, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	spin_lock_irq(&l);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irq(&l);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_TRUE(test, spin_trylock(&l));
	spin_unlock(&l);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
}

static char report[4096] __maybe_unused;

#ifdef CONFIG_DEBUG_SPINLOCK
static void spinlock_debug_reports(struct kunit *test)
{
	static DEFINE_SPINLOCK(l);
	struct printk_capture cap;
	unsigned long bugs = spin_bug_count;
	char who[64];

	snprintf(who, sizeof(who), "on CPU#0, %s/%d", current->comm, current->pid);
	printk_capture_start(&cap, report, sizeof(report));
	spin_lock(&l);
	spin_lock(&l);		/* recursion: reported, does not hang */
	spin_unlock(&l);
	spin_unlock(&l);	/* already unlocked */
	spin_lock(&l);
	l.rlock.owner = idle_task(0);	/* pretend another task took it */
	spin_unlock(&l);	/* wrong owner */
	printk_capture_stop(&cap);

	KUNIT_EXPECT_EQ(test, spin_bug_count, bugs + 3);
	KUNIT_EXPECT_TRUE(test, strstr(report, "BUG: spinlock recursion on CPU#0"));
	KUNIT_EXPECT_TRUE(test, strstr(report, "BUG: spinlock already unlocked on CPU#0"));
	KUNIT_EXPECT_TRUE(test, strstr(report, "BUG: spinlock wrong owner on CPU#0"));
	KUNIT_EXPECT_TRUE(test, strstr(report, who));
	KUNIT_EXPECT_TRUE(test, strstr(report, "lock: l ("));
	KUNIT_EXPECT_TRUE(test, strstr(report, ".owner: swapper/0/0"));
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&l));
}
#else
static void spinlock_debug_reports(struct kunit *test)
{
	kunit_skip(test, "needs the debug build (CONFIG_DEBUG_SPINLOCK)");
}
#endif

static void atomic_ops(struct kunit *test)
{
	atomic_t a = ATOMIC_INIT(5);
	int old = 6;

	KUNIT_EXPECT_EQ(test, atomic_inc_return(&a), 6);
	KUNIT_EXPECT_EQ(test, atomic_fetch_add(4, &a), 6);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 10);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&a, 10, 1), 10);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&a, 10, 2), 1);
	KUNIT_EXPECT_FALSE(test, atomic_try_cmpxchg(&a, &old, 3));
	KUNIT_EXPECT_EQ(test, old, 1);
	KUNIT_EXPECT_TRUE(test, atomic_dec_and_test(&a));
	KUNIT_EXPECT_EQ(test, atomic_xchg(&a, 9), 0);
	KUNIT_EXPECT_FALSE(test, atomic_add_unless(&a, 1, 9));
	KUNIT_EXPECT_TRUE(test, atomic_inc_not_zero(&a));
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 10);
}

static struct kunit_case lock_cases[] = {
	KUNIT_CASE(mutex_serialises_counter),
	KUNIT_CASE(mutex_trylock_and_owner),
	KUNIT_CASE(spinlock_disables_preemption),
	KUNIT_CASE(spinlock_debug_reports),
	KUNIT_CASE(atomic_ops),
	{}
};

static struct kunit_suite lock_suite = {
	.name = "locking",
	.test_cases = lock_cases,
};
kunit_test_suite(lock_suite);
