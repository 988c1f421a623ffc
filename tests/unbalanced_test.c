// SPDX-License-Identifier: GPL-2.0
/*
 * An unbalanced "put" (an enable without its disable, a refcount put too
 * many) must warn and leave the state as it was -- never wrap a counter
 * into a state that corrupts what comes later. Each case makes the
 * mistake inside a printk capture (so the runner accepts the warning),
 * then checks the state. The warnings are WARN_ONCE, as in Linux: only
 * the first run of a case in a boot sees the text, so the text is
 * checked only when a warning was printed.
 */
#include <kunit/test.h>
#include <kmaplab/printk.h>
#include <kmaplab/bug.h>
#include <kmaplab/locking.h>
#include <linux/cpu.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static char report[1024];

/* migrate_enable() at depth 0: a warning; the task stays migratable. */
static void unbalanced_migrate_enable(struct kunit *test)
{
	unsigned long warns = warn_count;
	struct printk_capture cap;

	KUNIT_ASSERT_EQ(test, current->migration_disabled, 0);
	printk_capture_start(&cap, report, sizeof(report));
	migrate_enable();
	printk_capture_stop(&cap);

	KUNIT_EXPECT_EQ(test, current->migration_disabled, 0);
	if (warn_count != warns)
		KUNIT_EXPECT_TRUE(test, strstr(report, "migrate_enable"));
	/* still balanced afterwards */
	migrate_disable();
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 1);
	migrate_enable();
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 0);
}

#ifdef CONFIG_DEBUG_PREEMPT
/* preempt_enable() at count 0: a warning; the task stays preemptible. */
static void unbalanced_preempt_enable(struct kunit *test)
{
	unsigned long warns = warn_count;
	struct printk_capture cap;

	KUNIT_ASSERT_EQ(test, preempt_count(), 0);
	printk_capture_start(&cap, report, sizeof(report));
	preempt_enable();
	printk_capture_stop(&cap);

	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	KUNIT_EXPECT_TRUE(test, preemptible());
	if (warn_count != warns)
		KUNIT_EXPECT_TRUE(test, strstr(report, "DEBUG_LOCKS_WARN_ON"));
}

/*
 * spin_unlock() of a lock nobody holds: the debug spinlock reports it,
 * and the preempt_enable() after it must not take the count below 0.
 */
static void unbalanced_spin_unlock(struct kunit *test)
{
	unsigned long bugs = spin_bug_count;
	struct printk_capture cap;
	DEFINE_SPINLOCK(l);

	KUNIT_ASSERT_EQ(test, preempt_count(), 0);
	printk_capture_start(&cap, report, sizeof(report));
	spin_unlock(&l);
	printk_capture_stop(&cap);

	KUNIT_EXPECT_EQ(test, spin_bug_count, bugs + 1);
	KUNIT_EXPECT_TRUE(test, strstr(report, "BUG: spinlock already unlocked"));
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&l));
	spin_lock(&l);		/* and the lock still works */
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&l));
	spin_unlock(&l);
}
#else
static void unbalanced_preempt_enable(struct kunit *test)
{
	kunit_skip(test, "needs CONFIG_DEBUG_PREEMPT (the debug build)");
}

static void unbalanced_spin_unlock(struct kunit *test)
{
	kunit_skip(test, "needs CONFIG_DEBUG_PREEMPT (the debug build)");
}
#endif

/* pagefault_enable() at depth 0: a warning; faults are still served. */
static void unbalanced_pagefault_enable(struct kunit *test)
{
	struct printk_capture cap;

	KUNIT_ASSERT_EQ(test, current->pagefault_disabled, 0);
	printk_capture_start(&cap, report, sizeof(report));
	pagefault_enable();
	printk_capture_stop(&cap);
	KUNIT_EXPECT_EQ(test, current->pagefault_disabled, 0);
	KUNIT_EXPECT_FALSE(test, pagefault_disabled());
}

/* A put from 0 saturates: no later get/put can free the object again. */
static void unbalanced_refcount_put(struct kunit *test)
{
	refcount_t r = REFCOUNT_INIT(1);
	struct printk_capture cap;
	unsigned long warns = warn_count;
	bool freed_again;

	KUNIT_EXPECT_TRUE(test, refcount_dec_and_test(&r));	/* the last put */
	printk_capture_start(&cap, report, sizeof(report));
	freed_again = refcount_dec_and_test(&r);		/* one too many */
	printk_capture_stop(&cap);

	KUNIT_EXPECT_FALSE(test, freed_again);
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);
	if (warn_count != warns)
		KUNIT_EXPECT_TRUE(test, strstr(report, "refcount_t: underflow; use-after-free."));
}

/* An increment from 0 (use after free) saturates too. */
static void unbalanced_refcount_inc_from_zero(struct kunit *test)
{
	refcount_t r = REFCOUNT_INIT(0);
	struct printk_capture cap;

	printk_capture_start(&cap, report, sizeof(report));
	refcount_inc(&r);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);
}

/* cpu_hotplug_enable() without a disable leaves hotplug enabled. */
static void unbalanced_cpu_hotplug_enable(struct kunit *test)
{
	struct printk_capture cap;

	printk_capture_start(&cap, report, sizeof(report));
	cpu_hotplug_enable();
	printk_capture_stop(&cap);
	/* enabled: cpu_up() of an online CPU is -EINVAL, not -EBUSY */
	KUNIT_EXPECT_EQ(test, cpu_up(0), -EINVAL);
	cpu_hotplug_disable();
	KUNIT_EXPECT_EQ(test, cpu_up(0), -EBUSY);
	cpu_hotplug_enable();
	KUNIT_EXPECT_EQ(test, cpu_up(0), -EINVAL);
}

static struct kunit_case unbalanced_cases[] = {
	KUNIT_CASE(unbalanced_migrate_enable),
	KUNIT_CASE(unbalanced_preempt_enable),
	KUNIT_CASE(unbalanced_spin_unlock),
	KUNIT_CASE(unbalanced_pagefault_enable),
	KUNIT_CASE(unbalanced_refcount_put),
	KUNIT_CASE(unbalanced_refcount_inc_from_zero),
	KUNIT_CASE(unbalanced_cpu_hotplug_enable),
	{}
};

static struct kunit_suite unbalanced_suite = {
	.name = "unbalanced",
	.test_cases = unbalanced_cases,
};
kunit_test_suite(unbalanced_suite);
