// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping and waking: msleep() sleeps at least as long as asked and
 * lets others run; wait queues, timeouts and completions hand off.
 * Threads only record what they saw; the case checks it after joining.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <kmaplab/kthread.h>
#include <kmaplab/interrupt.h>

/*
 * msleep() is timed by the tick, so "at least as long as asked" is
 * checked in jiffies, exactly. The TSC only has to agree roughly: under
 * an emulator on a busy host the ticks arrive late and in bursts, and
 * then jiffies and the TSC can disagree by a good part of a sleep.
 */
static void sched_msleep_at_least(struct kunit *test)
{
	static const unsigned int ms[] = { 1, 7, 30, 50 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ms); i++) {
		unsigned long j0 = jiffies, dj;
		u64 t0 = ktime_get_ns(), dt;

		msleep(ms[i]);
		dt = ktime_get_ns() - t0;
		dj = jiffies - j0;
		kunit_info(test, "msleep(%u): %lu jiffies, %llu us by the TSC",
			   ms[i], dj, div_u64(dt, 1000));
		/*
		 * The tick in progress counts for nothing: one more is slept.
		 * No upper bound: how much longer depends on the host (a
		 * loaded host runs the emulated CPU late), and the project
		 * asserts no timing; the line above shows it.
		 */
		KUNIT_EXPECT_GE(test, dj, msecs_to_jiffies(ms[i]) + 1);
		KUNIT_EXPECT_GE(test, dt * 2, (u64)ms[i] * NSEC_PER_MSEC);
	}
}

static int counter_thread(void *data)
{
	volatile unsigned long *count = data;

	while (!kthread_should_stop())
		(*count)++;
	return 0;
}

static void sched_msleep_lets_others_run(struct kunit *test)
{
	static volatile unsigned long count;
	unsigned long before, nvcsw = current->nvcsw;
	struct task_struct *t;

	count = 0;
	t = kthread_run(counter_thread, (void *)&count, "counter");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	msleep(5);
	before = count;
	msleep(40);
	KUNIT_EXPECT_GT(test, count, before);
	KUNIT_EXPECT_GE(test, current->nvcsw, nvcsw + 2);	/* slept twice */
	kthread_stop(t);
}

struct waiter {
	struct wait_queue_head *wq;
	volatile int *flag;
	int seen;
	unsigned long woke;
};

static int wait_for_flag(void *data)
{
	struct waiter *w = data;

	wait_event(*w->wq, READ_ONCE(*w->flag));
	w->seen = READ_ONCE(*w->flag);
	w->woke = jiffies;
	return 0;
}

#define NR_WAITERS 3

static void sched_wait_event_wake_up(struct kunit *test)
{
	static DECLARE_WAIT_QUEUE_HEAD(wq);
	static volatile int flag;
	struct waiter w[NR_WAITERS];
	struct task_struct *t[NR_WAITERS];
	unsigned int state[NR_WAITERS];
	unsigned long set_at;
	int i;

	flag = 0;
	for (i = 0; i < NR_WAITERS; i++) {
		w[i] = (struct waiter){ .wq = &wq, .flag = &flag };
		t[i] = kthread_run_get(wait_for_flag, &w[i], "waiter/%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	msleep(20);
	for (i = 0; i < NR_WAITERS; i++)
		state[i] = READ_ONCE(t[i]->__state);
	wake_up_all(&wq);	/* condition still false: they sleep on */
	msleep(10);
	set_at = jiffies;
	WRITE_ONCE(flag, 1);
	wake_up_all(&wq);
	for (i = 0; i < NR_WAITERS; i++) {
		KUNIT_EXPECT_EQ(test, kthread_join_put(t[i]), 0);
		KUNIT_EXPECT_EQ(test, state[i], TASK_UNINTERRUPTIBLE);
		KUNIT_EXPECT_EQ(test, w[i].seen, 1);
		KUNIT_EXPECT_GE(test, w[i].woke, set_at);
	}
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&wq));
}

static int set_flag_later(void *data)
{
	struct waiter *w = data;

	msleep(5);
	WRITE_ONCE(*w->flag, 1);
	wake_up(w->wq);
	return 0;
}

static void sched_wait_event_timeout(struct kunit *test)
{
	static DECLARE_WAIT_QUEUE_HEAD(wq);
	static volatile int flag;
	struct waiter w = { .wq = &wq, .flag = &flag };
	struct task_struct *t;
	unsigned long j0 = jiffies;
	long ret;

	flag = 0;
	ret = wait_event_timeout(wq, READ_ONCE(flag), 10);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_GE(test, jiffies - j0, 10);

	t = kthread_run_get(set_flag_later, &w, "setter");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	ret = wait_event_timeout(wq, READ_ONCE(flag), 10 * HZ);
	KUNIT_EXPECT_GT(test, ret, 0);
	KUNIT_EXPECT_EQ(test, flag, 1);
	kthread_join_put(t);
}

struct handoff {
	struct completion done;
	int value;
};

static int produce(void *data)
{
	struct handoff *h = data;

	msleep(10);
	h->value = 42;
	complete(&h->done);
	return 0;
}

static void complete_from_irq(void *data)
{
	complete(data);
}

static int produce_in_irq(void *data)
{
	msleep(5);
	run_in_hardirq(complete_from_irq, data);
	return 0;
}

static int consume(void *data)
{
	wait_for_completion(data);
	return 7;
}

static void sched_completion_handoff(struct kunit *test)
{
	struct handoff h = { .value = 0 };
	struct task_struct *t[3];
	unsigned long j0;
	int i;

	/* A value handed over by a thread. */
	init_completion(&h.done);
	t[0] = kthread_run_get(produce, &h, "producer");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[0]);
	wait_for_completion(&h.done);
	KUNIT_EXPECT_EQ(test, h.value, 42);
	KUNIT_EXPECT_FALSE(test, completion_done(&h.done));
	kthread_join_put(t[0]);

	/* complete() from hard-IRQ context wakes a sleeper. */
	reinit_completion(&h.done);
	t[0] = kthread_run_get(produce_in_irq, &h.done, "irq-producer");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[0]);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&h.done, 10 * HZ), 0);
	kthread_join_put(t[0]);

	/* Nobody completes: the timed wait gives up after the timeout. */
	reinit_completion(&h.done);
	j0 = jiffies;
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&h.done, 5), 0);
	KUNIT_EXPECT_GE(test, jiffies - j0, 5);

	/* complete_all() releases every waiter. */
	for (i = 0; i < 3; i++) {
		t[i] = kthread_run_get(consume, &h.done, "consumer/%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	msleep(10);
	complete_all(&h.done);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, kthread_join_put(t[i]), 7);
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&h.done));
}

static int sleep_long(void *data)
{
	long *left = data;

	*left = schedule_timeout_interruptible(10 * HZ);
	return 0;
}

/* An early wake-up ends the sleep and reports the time that was left. */
static void sched_schedule_timeout_early_wake(struct kunit *test)
{
	long left = -1;
	struct task_struct *t = kthread_run_get(sleep_long, &left, "sleeper");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	msleep(10);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->__state), TASK_INTERRUPTIBLE);
	wake_up_process(t);
	kthread_join_put(t);
	KUNIT_EXPECT_GT(test, left, 9 * HZ);
}

static struct kunit_case sched_sleep_cases[] = {
	KUNIT_CASE(sched_msleep_at_least),
	KUNIT_CASE(sched_msleep_lets_others_run),
	KUNIT_CASE(sched_wait_event_wake_up),
	KUNIT_CASE(sched_wait_event_timeout),
	KUNIT_CASE(sched_completion_handoff),
	KUNIT_CASE(sched_schedule_timeout_early_wake),
	{}
};

static struct kunit_suite sched_sleep_suite = {
	.name = "sched_sleep",
	.test_cases = sched_sleep_cases,
};
kunit_test_suite(sched_sleep_suite);
