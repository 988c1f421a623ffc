// SPDX-License-Identifier: GPL-2.0
/*
 * Thread life cycle: creation, names and pids, return values through
 * kthread_stop(), threads stopped before they ran, the task list, and
 * reaping -- thousands of threads leave no memory behind.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <kmaplab/kthread.h>

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
	int *n = data;

	while (!kthread_should_stop()) {
		msleep(1);
		WRITE_ONCE(*n, *n + 1);
	}
	return *n;
}

/* It loops until stopped: stop it after 3 rounds, whatever HZ is. */
static void kthread_should_stop_loop(struct kunit *test)
{
	static int n;
	struct task_struct *t;
	unsigned long end = jiffies + 10 * HZ;	/* at most */

	n = 0;
	t = kthread_run(loop_until_stopped, &n, "looper");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	while (READ_ONCE(n) < 3 && time_before(jiffies, end))
		msleep(1);
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
	static int rounds;	/* it may sleep and count before it is stopped */
	unsigned long n0 = nr_threads();
	struct task_struct *t = kthread_run(loop_until_stopped, &rounds, "listed");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_TRUE(test, task_listed(&init_task, "init"));
	KUNIT_EXPECT_TRUE(test, task_listed(idle_task(0), "swapper/0"));
	KUNIT_EXPECT_EQ(test, idle_task(0)->pid, 0);
	KUNIT_EXPECT_TRUE(test, task_listed(t, "listed"));
	KUNIT_EXPECT_EQ(test, nr_threads(), n0 + 1);
	kthread_stop(t);
	KUNIT_EXPECT_EQ(test, nr_threads(), n0);
}

/* Memory is back when free pages and vmalloc areas (stacks) are. */
static bool memory_back(unsigned long pages, unsigned int areas)
{
	return nr_free_pages() == pages && vmalloc_nr_areas() == areas;
}

static int count_and_return(void *data)
{
	atomic_inc(data);
	return 1;
}

#define NR_LEAK_THREADS 3000
#define LEAK_BATCH 8

/* Run n threads in batches of LEAK_BATCH; returns the sum of their results. */
static int run_batches(int n, atomic_t *ran)
{
	struct task_struct *t[LEAK_BATCH];
	int i, j, sum = 0;

	for (i = 0; i < n; i += LEAK_BATCH) {
		for (j = 0; j < LEAK_BATCH; j++) {
			t[j] = kthread_create(count_and_return, ran, "leak/%d", i + j);
			if (IS_ERR(t[j]))
				break;
			get_task_struct(t[j]);
			wake_up_process(t[j]);
		}
		while (j--)
			sum += kthread_join_put(t[j]);
	}
	return sum;
}

/*
 * Create, run and reap thousands of threads; memory comes back. One
 * batch first, unmeasured: the vmalloc area keeps the page tables its
 * stacks needed (never freed, by design), and that is not a leak.
 */
static void kthread_reap_no_leak(struct kunit *test)
{
	static atomic_t ran;
	unsigned long pages0, created0, reaped0, n0 = nr_threads();
	unsigned int areas0;
	int sum, tries;

	run_batches(LEAK_BATCH, &ran);
	/* On SMP the last of them may still be switching out: let it go. */
	for (tries = 0; tries < 100 &&
	     atomic_read(&kthreads_reaped) != atomic_read(&kthreads_created); tries++)
		msleep(1);
	atomic_set(&ran, 0);
	created0 = atomic_read(&kthreads_created);
	reaped0 = atomic_read(&kthreads_reaped);
	pages0 = nr_free_pages();
	areas0 = vmalloc_nr_areas();
	sum = run_batches(NR_LEAK_THREADS, &ran);
	/* On one CPU a thread is gone before its joiner runs; allow SMP. */
	for (tries = 0; tries < 100 && !memory_back(pages0, areas0); tries++)
		msleep(1);

	KUNIT_EXPECT_EQ(test, sum, NR_LEAK_THREADS);
	KUNIT_EXPECT_EQ(test, atomic_read(&ran), NR_LEAK_THREADS);
	KUNIT_EXPECT_EQ(test, atomic_read(&kthreads_created) - created0, NR_LEAK_THREADS);
	KUNIT_EXPECT_EQ(test, atomic_read(&kthreads_reaped) - reaped0, NR_LEAK_THREADS);
	KUNIT_EXPECT_EQ(test, nr_threads(), n0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages0);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas0);
}

/*
 * An expected-crash run (sched_test_overflow on the command line): a
 * thread recurses until its stack runs into the guard page below it; the
 * double-fault handler must name it ("kernel stack overflow in thread
 * 'overflow'") and panic. Skipped in ordinary runs.
 */
static bool overflow_requested;

static int __init sched_test_overflow_setup(char *str)
{
	overflow_requested = true;
	return 1;
}
__setup("sched_test_overflow", sched_test_overflow_setup);

static noinline int recurse(volatile int depth)
{
	volatile char frame[256];

	frame[0] = (char)depth;
	if (depth > 1000000)	/* never: 16 KiB end long before */
		return 0;
	return recurse(depth + 1) + frame[0];
}

static int overflow_thread(void *data)
{
	return recurse(0);
}

static void kthread_stack_overflow(struct kunit *test)
{
	struct task_struct *t;

	if (!overflow_requested)
		kunit_skip(test, "an expected-crash run: boot with sched_test_overflow");
	t = kthread_run(overflow_thread, NULL, "overflow");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	msleep(1000);
	KUNIT_FAIL(test, "the thread overflowed its stack and the kernel lived on");
}

static struct kunit_case sched_kthread_cases[] = {
	KUNIT_CASE(kthread_return_value),
	KUNIT_CASE(kthread_stop_before_start),
	KUNIT_CASE(kthread_should_stop_loop),
	KUNIT_CASE(kthread_task_list),
	KUNIT_CASE(kthread_reap_no_leak),
	KUNIT_CASE(kthread_stack_overflow),
	{}
};

static struct kunit_suite sched_kthread_suite = {
	.name = "sched_kthread",
	.test_cases = sched_kthread_cases,
};
kunit_test_suite(sched_kthread_suite);
