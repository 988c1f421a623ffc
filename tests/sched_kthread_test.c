// SPDX-License-Identifier: GPL-2.0
/*
 * Thread life cycle: creation, names and pids, return values through
 * kthread_stop(), threads stopped before they ran, the task list, and
 * reaping -- thousands of threads leave no memory behind.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/string.h>
#include <linux/errno.h>

static int return_arg(void *data)
{
	return (int)(long)data;
}

static void kthread_return_value(struct kunit *test)
{
	struct task_struct *t = kthread_create(return_arg, (void *)1234L,
					       "ktest/%d-%s", 7, "ret");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_STREQ(test, t->comm, "ktest/7-ret");
	KUNIT_EXPECT_GT(test, t->pid, 1);
	KUNIT_EXPECT_TRUE(test, t->flags & PF_KTHREAD);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->__state), TASK_UNINTERRUPTIBLE);
	KUNIT_EXPECT_PTR_EQ(test, kthread_data(t), (void *)1234L);
	get_task_struct(t);	/* it may end before we ask */
	wake_up_process(t);
	KUNIT_EXPECT_EQ(test, kthread_join_put(t), 1234);
}

static int must_not_run(void *data)
{
	*(bool *)data = true;
	return 0;
}

/* Stopped before it was ever woken: threadfn never runs. */
static void kthread_stop_before_start(struct kunit *test)
{
	bool ran = false;
	struct task_struct *t = kthread_create(must_not_run, &ran, "never");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
	KUNIT_EXPECT_FALSE(test, ran);
}

static int loop_until_stopped(void *data)
{
	int n = 0;

	while (!kthread_should_stop()) {
		msleep(1);
		n++;
	}
	return n;
}

static void kthread_should_stop_loop(struct kunit *test)
{
	struct task_struct *t = kthread_run(loop_until_stopped, NULL, "looper");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	msleep(30);
	KUNIT_EXPECT_GT(test, kthread_stop(t), 2);
}

static bool task_listed(struct task_struct *want, const char *comm)
{
	struct task_struct *p;
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p == want && !strcmp(p->comm, comm))
			found = true;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

static void kthread_task_list(struct kunit *test)
{
	unsigned long n0 = nr_threads();
	struct task_struct *t = kthread_run(loop_until_stopped, NULL, "listed");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_TRUE(test, task_listed(&init_task, "init"));
	KUNIT_EXPECT_TRUE(test, task_listed(idle_task(0), "swapper/0"));
	KUNIT_EXPECT_EQ(test, idle_task(0)->pid, 0);
	KUNIT_EXPECT_TRUE(test, task_listed(t, "listed"));
	KUNIT_EXPECT_EQ(test, nr_threads(), n0 + 1);
	kthread_stop(t);
	KUNIT_EXPECT_EQ(test, nr_threads(), n0);
}

/*
 * TEMPORARY: the scheduler's early arena counts, until mm/ has
 * nr_free_pages(); then this returns nr_free_pages().
 */
void sched_early_counts(unsigned long *free_objs, unsigned long *free_stacks);
static unsigned long free_memory(void)
{
	unsigned long objs, stacks;

	sched_early_counts(&objs, &stacks);
	return objs * 1000000 + stacks;
}

static int count_and_return(void *data)
{
	atomic_inc(data);
	return 1;
}

#define NR_LEAK_THREADS 3000
#define LEAK_BATCH 8

/* Create, run and reap thousands of threads; memory comes back. */
static void kthread_reap_no_leak(struct kunit *test)
{
	static atomic_t ran;
	struct task_struct *t[LEAK_BATCH];
	unsigned long free0, created0 = atomic_read(&kthreads_created);
	unsigned long reaped0 = atomic_read(&kthreads_reaped), n0 = nr_threads();
	int i, j, sum = 0, tries;

	atomic_set(&ran, 0);
	free0 = free_memory();
	for (i = 0; i < NR_LEAK_THREADS; i += LEAK_BATCH) {
		for (j = 0; j < LEAK_BATCH; j++) {
			t[j] = kthread_create(count_and_return, &ran, "leak/%d", i + j);
			if (IS_ERR(t[j]))
				break;
			get_task_struct(t[j]);
			wake_up_process(t[j]);
		}
		while (j--)
			sum += kthread_join_put(t[j]);
	}
	/* On one CPU a thread is gone before its stopper runs; allow SMP. */
	for (tries = 0; tries < 100 && free_memory() != free0; tries++)
		msleep(1);

	KUNIT_EXPECT_EQ(test, sum, NR_LEAK_THREADS);
	KUNIT_EXPECT_EQ(test, atomic_read(&ran), NR_LEAK_THREADS);
	KUNIT_EXPECT_EQ(test, atomic_read(&kthreads_created) - created0, NR_LEAK_THREADS);
	KUNIT_EXPECT_EQ(test, atomic_read(&kthreads_reaped) - reaped0, NR_LEAK_THREADS);
	KUNIT_EXPECT_EQ(test, nr_threads(), n0);
	KUNIT_EXPECT_EQ(test, free_memory(), free0);
}

static struct kunit_case sched_kthread_cases[] = {
	KUNIT_CASE(kthread_return_value),
	KUNIT_CASE(kthread_stop_before_start),
	KUNIT_CASE(kthread_should_stop_loop),
	KUNIT_CASE(kthread_task_list),
	KUNIT_CASE(kthread_reap_no_leak),
	{}
};

static struct kunit_suite sched_kthread_suite = {
	.name = "sched_kthread",
	.test_cases = sched_kthread_cases,
};
kunit_test_suite(sched_kthread_suite);
