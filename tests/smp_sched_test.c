// SPDX-License-Identifier: GPL-2.0
/*
 * smp, the scheduler cases (the suite is in smp_test.c, docs/smp.md):
 *
 *  - migrate_disable() (and so a live kmap_local mapping) pins a task:
 *    preempted many times, asked to move, it stays; unpinned, it moves;
 *  - cpu_down() waits for a task holding a kmap_local mapping there.
 */
#include <kmaplab/smp.h>
#include <kmaplab/kthread.h>
#include "smp_test_common.h"

/* --- pinning ------------------------------------------------------------ */

struct pin_ctx {
	bool use_kmap;			/* pinned by a kmap_local mapping */
	struct page *page;
	volatile bool pinned, go;
	int cpu, cpu_after;
	unsigned long moved, preempted;
	struct completion done;
};

static int hog(void *data)
{
	while (!kthread_should_stop())
		cpu_relax();
	return 0;
}

static int pin_thread(void *data)
{
	struct pin_ctx *c = data;
	unsigned long nivcsw0, end, limit;
	void *v = NULL;

	if (c->use_kmap)
		v = kmap_local_page(c->page);	/* pins, as migrate_disable() */
	else
		migrate_disable();
	c->cpu = smp_processor_id();
	nivcsw0 = current->nivcsw;
	c->pinned = true;
	while (!READ_ONCE(c->go))
		cpu_relax();
	/*
	 * Half a second, and at least 3 preemptions however long the
	 * slices are (sched_slice=, hz=); 30 s at most, then the test says
	 * how few there were.
	 */
	end = jiffies + HZ / 2;
	limit = jiffies + 30 * HZ;
	while ((time_before(jiffies, end) || current->nivcsw - nivcsw0 <= 2) &&
	       time_before(jiffies, limit))
		if (raw_smp_processor_id() != c->cpu)
			c->moved++;
	c->preempted = current->nivcsw - nivcsw0;
	if (c->use_kmap)
		kunmap_local(v);		/* may move right here */
	else
		migrate_enable();
	cond_resched();
	c->cpu_after = raw_smp_processor_id();
	complete(&c->done);
	return 0;
}

static void pin_case(struct kunit *test, bool use_kmap)
{
	static struct pin_ctx c;
	struct task_struct *t, *h;
	cpumask_t others;

	need_cpus(test, 2);
	memset(&c, 0, sizeof(c));
	c.use_kmap = use_kmap;
	if (use_kmap)
		c.page = kt_alloc_highpage(test);
	init_completion(&c.done);
	t = kthread_create(pin_thread, &c, "pinned");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);
	kthread_bind(t, 1);
	t->cpus_mask = *cpu_online_mask;	/* start on CPU 1, free to go */
	wake_up_process(t);
	while (!READ_ONCE(c.pinned))
		msleep(1);
	/* A hog on its CPU preempts it; its affinity says: go elsewhere. */
	h = kthread_run_on_cpu(hog, NULL, c.cpu, "hog/%u");
	KUNIT_ASSERT_FALSE(test, IS_ERR(h));
	cpumask_copy(&others, cpu_online_mask);
	cpumask_clear_cpu(c.cpu, &others);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, &others), 0);
	c.go = true;
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&c.done, WAIT_LIMIT), 0UL);
	kthread_stop(h);

	kunit_info(test, "pinned on CPU %d: preempted %lu times, seen elsewhere %lu times; "
		   "unpinned, it went to CPU %d (%lu migrations)\n", c.cpu, c.preempted,
		   c.moved, c.cpu_after, t->nr_migrations);
	KUNIT_EXPECT_EQ(test, c.moved, 0UL);
	KUNIT_EXPECT_GT(test, c.preempted, 2UL);
	/* Without the pin the same request moves it at once. */
	KUNIT_EXPECT_NE(test, c.cpu_after, c.cpu);
	KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(c.cpu_after, &others));
	kthread_join_put(t);
	if (use_kmap)
		__free_page(c.page);
}

void smp_migrate_disable_pins(struct kunit *test)
{
	pin_case(test, false);
}

void smp_kmap_local_pins(struct kunit *test)
{
	pin_case(test, true);
}

/* --- cpu_down waits for a local mapping --------------------------------- */

struct hold_ctx {
	struct page *page;
	volatile bool mapped, release;
	struct completion done;
};

static int holder(void *data)
{
	struct hold_ctx *c = data;
	void *v = kmap_local_page(c->page);

	c->mapped = true;
	while (!READ_ONCE(c->release))
		msleep(2);		/* sleeping with a local mapping is fine */
	kunmap_local(v);
	complete(&c->done);
	return 0;
}

struct down_ctx {
	unsigned int cpu;
	int ret;
	struct completion done;
};

static int downer(void *data)
{
	struct down_ctx *d = data;

	d->ret = cpu_down(d->cpu);
	complete(&d->done);
	return 0;
}

void smp_cpu_down_waits_for_kmap_local(struct kunit *test)
{
	static struct hold_ctx c;
	static struct down_ctx d;
	unsigned long saved = cpu_down_timeout_ms;
	unsigned int cpu = num_online_cpus() - 1;

	need_cpus(test, 2);
	memset(&c, 0, sizeof(c));
	c.page = kt_alloc_highpage(test);
	init_completion(&c.done);
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(holder, &c, cpu, "holder/%u")));
	while (!READ_ONCE(c.mapped))
		msleep(1);

	/* With a short timeout: refused, the holder named in the log. */
	cpu_down_timeout_ms = 100;
	KUNIT_EXPECT_EQ(test, cpu_down(cpu), -EBUSY);
	KUNIT_EXPECT_TRUE(test, cpu_online(cpu));
	cpu_down_timeout_ms = saved;

	/* Normally it waits, and completes once the mapping is gone. */
	d.cpu = cpu;
	init_completion(&d.done);
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(downer, &d, 0, "downer/%u")));
	msleep(200);
	KUNIT_EXPECT_FALSE(test, completion_done(&d.done));
	KUNIT_EXPECT_TRUE(test, cpu_online(cpu));
	c.release = true;
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&c.done, WAIT_LIMIT), 0UL);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&d.done, WAIT_LIMIT), 0UL);
	KUNIT_EXPECT_EQ(test, d.ret, 0);
	KUNIT_EXPECT_FALSE(test, cpu_online(cpu));
	KUNIT_EXPECT_EQ(test, cpu_up(cpu), 0);
	KUNIT_EXPECT_TRUE(test, cpu_online(cpu));
	__free_page(c.page);
}
