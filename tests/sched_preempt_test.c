// SPDX-License-Identifier: GPL-2.0
/*
 * Preemption is real: busy threads that never yield all make progress,
 * preempt_disable() holds off the scheduler across ticks, interrupts run
 * in interrupt context, and might_sleep() names atomic callers.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/interrupt.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/processor.h>
#include <asm/page.h>
#include <kmaplab/kthread.h>
#include <kmaplab/printk.h>
#include <kmaplab/interrupt.h>

#define NR_SPINNERS 2

/* Counts as fast as it can until told to stop; never sleeps or yields. */
static int spinner(void *data)
{
	volatile unsigned long *count = data;

	while (!kthread_should_stop())
		(*count)++;
	return 0;
}

static void start_spinners(struct kunit *test, struct task_struct **t,
			   volatile unsigned long *count, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		count[i] = 0;
		/* On the case's own CPU (SMP): they must compete with it. */
		t[i] = kthread_create(spinner, (void *)&count[i], "spinner/%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
		kthread_bind(t[i], raw_smp_processor_id());
		wake_up_process(t[i]);
	}
}

static void stop_spinners(struct task_struct **t, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kthread_stop(t[i]);
}

/* The case's own task busy-waits too: everybody must get the CPU. */
static void sched_busy_threads_progress(struct kunit *test)
{
	static volatile unsigned long count[NR_SPINNERS];
	struct task_struct *t[NR_SPINNERS];
	unsigned long before[NR_SPINNERS], nivcsw[NR_SPINNERS];
	int i;

	start_spinners(test, t, count, NR_SPINNERS);
	mdelay(20);
	for (i = 0; i < NR_SPINNERS; i++)
		before[i] = count[i];
	/* ~8 slices of busy waiting, no yielding: 100 ms at the default */
	mdelay(max(100U, 8 * jiffies_to_msecs(sched_slice_ticks)));
	for (i = 0; i < NR_SPINNERS; i++)
		nivcsw[i] = t[i]->nivcsw;
	stop_spinners(t, NR_SPINNERS);

	for (i = 0; i < NR_SPINNERS; i++) {
		KUNIT_EXPECT_GT(test, count[i], before[i]);
		KUNIT_EXPECT_GT(test, nivcsw[i], 0);
	}
}

/* Busy across several slices with preemption off: never switched out. */
static void sched_preempt_disable_holds(struct kunit *test)
{
	static volatile unsigned long count[1];
	struct task_struct *t[1];
	unsigned long s0, s1, s2, j0, spun0, spun1, nivcsw0;
	bool resched;

	start_spinners(test, t, count, 1);
	msleep(10);		/* let the spinner get going */

	preempt_disable();
	nivcsw0 = current->nivcsw;
	s0 = nr_context_switches();
	spun0 = count[0];
	j0 = jiffies;
	while (jiffies - j0 < 3 * sched_slice_ticks + 2)
		cpu_relax();
	s1 = nr_context_switches();
	spun1 = count[0];
	resched = need_resched();
	preempt_enable();	/* the pending reschedule happens here */
	s2 = nr_context_switches();

	stop_spinners(t, 1);
	KUNIT_EXPECT_EQ(test, s1, s0);
	KUNIT_EXPECT_EQ(test, spun1, spun0);
	KUNIT_EXPECT_TRUE(test, resched);
	KUNIT_EXPECT_GT(test, s2, s1);
	KUNIT_EXPECT_GT(test, current->nivcsw, nivcsw0);
}

struct irq_ctx {
	bool in_interrupt, in_irq, in_task, preemptible, in_atomic;
	bool irqs_disabled;
	unsigned int hardirq;
	struct task_struct *task;
};

static void record_ctx(void *arg)
{
	struct irq_ctx *c = arg;

	c->in_interrupt = in_interrupt();
	c->in_irq = in_irq();
	c->in_task = in_task();
	c->preemptible = preemptible();
	c->in_atomic = in_atomic();
	c->irqs_disabled = irqs_disabled();
	c->hardirq = hardirq_count();
	c->task = current;
}

static void sched_irq_context(struct kunit *test)
{
	struct irq_ctx c = { 0 };

	KUNIT_EXPECT_TRUE(test, in_task());
	KUNIT_EXPECT_FALSE(test, in_interrupt());
	KUNIT_EXPECT_TRUE(test, preemptible());
	run_in_hardirq(record_ctx, &c);
	KUNIT_EXPECT_TRUE(test, c.in_interrupt);
	KUNIT_EXPECT_TRUE(test, c.in_irq);
	KUNIT_EXPECT_FALSE(test, c.in_task);
	KUNIT_EXPECT_FALSE(test, c.preemptible);
	KUNIT_EXPECT_TRUE(test, c.in_atomic);
	KUNIT_EXPECT_TRUE(test, c.irqs_disabled);
	KUNIT_EXPECT_EQ(test, c.hardirq, HARDIRQ_OFFSET);
	KUNIT_EXPECT_PTR_EQ(test, c.task, current);	/* on the interrupted task */
	KUNIT_EXPECT_TRUE(test, preemptible());
}

static char report[4096];

static bool captured(const char *s)
{
	return strstr(report, s) != NULL;
}

static void might_sleep_in_irq(void *unused)
{
	might_sleep();
}

/* The report is printed, captured here, and the run goes on. */
static void sched_might_sleep_atomic(struct kunit *test)
{
	struct printk_capture cap;
	char who[64];
	unsigned long flags;

	if (!IS_ENABLED(CONFIG_DEBUG_ATOMIC_SLEEP))
		kunit_skip(test, "might_sleep() reports with CONFIG_DEBUG_ATOMIC_SLEEP (the debug build)");

	snprintf(who, sizeof(who), "pid: %d, name: %s", current->pid, current->comm);

	printk_capture_start(&cap, report, sizeof(report));
	might_sleep();		/* fine here: nothing printed */
	printk_capture_stop(&cap);
	KUNIT_EXPECT_EQ(test, cap.len, 0);

	printk_capture_start(&cap, report, sizeof(report));
	preempt_disable();
	might_sleep();
	preempt_enable();
	printk_capture_stop(&cap);
	KUNIT_EXPECT_TRUE(test, captured("BUG: sleeping function called from invalid context at "
					 __FILE__ ":"));
	KUNIT_EXPECT_TRUE(test, captured("in_atomic(): 1, irqs_disabled(): 0, "));
	KUNIT_EXPECT_TRUE(test, captured(who));
	KUNIT_EXPECT_TRUE(test, captured("Call Trace:"));
	KUNIT_EXPECT_TRUE(test, captured("sched_might_sleep_atomic"));

	printk_capture_start(&cap, report, sizeof(report));
	local_irq_save(flags);
	might_sleep();
	local_irq_restore(flags);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_TRUE(test, captured("in_atomic(): 0, irqs_disabled(): 1, "));

	printk_capture_start(&cap, report, sizeof(report));
	run_in_hardirq(might_sleep_in_irq, NULL);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_TRUE(test, captured("BUG: sleeping function called from invalid context"));
	KUNIT_EXPECT_TRUE(test, captured("in_atomic(): 1, irqs_disabled(): 1, "));
	KUNIT_EXPECT_TRUE(test, captured("preempt_count: 10000, expected: 0"));
}

struct ctx_flags {
	bool pagefault_disabled;
	int migration_disabled;
	int preempt_count;
};

static int read_own_flags(void *data)
{
	struct ctx_flags *f = data;

	f->pagefault_disabled = pagefault_disabled();
	f->migration_disabled = current->migration_disabled;
	f->preempt_count = preempt_count();
	return 0;
}

/* pagefault_disable() and migrate_disable() belong to the task. */
static void sched_per_task_counts(struct kunit *test)
{
	struct ctx_flags f = { true, -1, -1 };
	struct task_struct *t;
	long dummy, ret;

	pagefault_disable();
	migrate_disable();
	t = kthread_create(read_own_flags, &f, "flags");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	get_task_struct(t);
	wake_up_process(t);
	msleep(5);		/* it runs while we are still disabled */
	KUNIT_EXPECT_TRUE(test, pagefault_disabled());
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 1);
	/* A fault on an unmapped address is fixed up, not resolved. */
	ret = copy_from_kernel_nofault(&dummy, (void *)(PAGE_OFFSET - 4096), sizeof(dummy));
	migrate_enable();
	pagefault_enable();
	kthread_join_put(t);

	KUNIT_EXPECT_EQ(test, ret, -EFAULT);
	KUNIT_EXPECT_FALSE(test, f.pagefault_disabled);
	KUNIT_EXPECT_EQ(test, f.migration_disabled, 0);
	KUNIT_EXPECT_EQ(test, f.preempt_count, 0);
	KUNIT_EXPECT_FALSE(test, pagefault_disabled());
}

static struct kunit_case sched_preempt_cases[] = {
	KUNIT_CASE(sched_busy_threads_progress),
	KUNIT_CASE(sched_preempt_disable_holds),
	KUNIT_CASE(sched_irq_context),
	KUNIT_CASE(sched_might_sleep_atomic),
	KUNIT_CASE(sched_per_task_counts),
	{}
};

static struct kunit_suite sched_preempt_suite = {
	.name = "sched_preempt",
	.test_cases = sched_preempt_cases,
};
kunit_test_suite(sched_preempt_suite);
