// SPDX-License-Identifier: GPL-2.0
/*
 * The lecture scenarios of docs/trace.md: each case sets up one story,
 * traces it, prints the trace ("trace scenario: NAME", then the ftrace
 * dump) for `make trace SCENARIO=NAME` to draw (scripts/trace/), and
 * checks the sequence of events that makes the story true
 * (story(), tests/trace_test_common.h).
 *
 * Here, the stories of one CPU's kmap_local stack:
 *
 *   preempt_local      two threads preempting each other on one CPU, each
 *                      holding a kmap_local mapping at the same address
 *   irq_on_task        an interrupt's mapping on top of a task's
 *   wrong_order_unmap  kunmap_local() of the older of two mappings
 *
 * and in tests/trace_scenarios_mm_test.c, those that reach beyond it:
 *
 *   pool_wrap          kmap()'s pool wrapping: one flush, IPIs to every
 *                      other CPU (best on 4: the tcg-trace-scenarios run)
 *   fault_in_local     a copy_to_user() from a kmap_local mapping that
 *                      faults (what read() does, mm/filemap.c)
 *   fault_sleeps_in_local  the same with the fault made to sleep
 *                      (fault_sleep_ms): the slot saved and put back
 *
 * One suite, trace_scenarios (at the end), runs them in docs/trace.md's
 * order.
 */
#include "kmap_test_common.h"
#include "trace_test_common.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <asm/desc.h>
#include <kmaplab/interrupt.h>
#include <kmaplab/printk.h>

#define WAIT_LIMIT (10 * HZ)

static bool preempted(const struct trace_entry *e, const void *arg)
{
	return e->args[3];		/* sched_switch: prev was preempted */
}

/* --- preempt_local ------------------------------------------------------ */

struct preempt_ctx {
	struct page *page[2];
	pid_t pid[2];
	int rounds[2];
	int bad;
	struct completion done[2];
};

struct preempt_arg {
	struct preempt_ctx *c;
	int me;
};

#define ROUNDS 3

/* Spin until the other thread's round is at least r (or time is up). */
static void wait_round(struct preempt_ctx *c, int other, int r, unsigned long end)
{
	while (READ_ONCE(c->rounds[other]) < r && time_before(jiffies, end))
		cpu_relax();
}

/*
 * Map, then spin until the other thread has done its round: only the
 * timer's preemption lets it run (both are pinned to CPU 0). A maps
 * first; after each preemption the page must still be ours, at our
 * address, though the other mapped its own page there meanwhile.
 */
static int preempt_thread(void *arg)
{
	struct preempt_ctx *c = ((struct preempt_arg *)arg)->c;
	int me = ((struct preempt_arg *)arg)->me, r;
	unsigned long end = jiffies + WAIT_LIMIT;
	u32 *v;

	c->pid[me] = current->pid;
	if (me)
		wait_round(c, 0, 1, end);	/* A has mapped */
	v = kmap_local_page(c->page[me]);
	for (r = 1; r <= ROUNDS; r++) {
		WRITE_ONCE(*v, 0x1000 * me + r);
		WRITE_ONCE(c->rounds[me], r);
		wait_round(c, !me, r + me, end);
		if (READ_ONCE(*v) != 0x1000 * me + r)
			WRITE_ONCE(c->bad, 1);
	}
	WRITE_ONCE(c->rounds[me], ROUNDS + 2);
	wait_round(c, !me, ROUNDS + 2, end);
	kunmap_local(v);
	complete(&c->done[me]);
	return 0;
}

static void preempt_local(struct kunit *test)
{
	static struct preempt_ctx c;
	static struct preempt_arg args[2];
	unsigned long pfn[2];
	const struct trace_entry *e;
	int at[8], k;

	memset(&c, 0, sizeof(c));
	for (k = 0; k < 2; k++) {
		c.page[k] = kt_alloc_highpage(test);
		pfn[k] = page_to_pfn(c.page[k]);
		init_completion(&c.done[k]);
		args[k] = (struct preempt_arg){ &c, k };
	}
	trace_set_event("kmap_local_*", true);
	trace_set_event("sched_switch", true);
	trace_set_event("irq_vector_*", true);
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(preempt_thread, &args[0], 0, "tr-a/%u")));
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(preempt_thread, &args[1], 0, "tr-b/%u")));
	for (k = 0; k < 2; k++)
		KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&c.done[k], WAIT_LIMIT), 0UL);
	KUNIT_EXPECT_EQ(test, c.bad, 0);
	KUNIT_EXPECT_EQ(test, c.rounds[0] + c.rounds[1], 2 * (ROUNDS + 2));
	{
		const struct step steps[] = {
			{ TRACE_KMAP_LOCAL_MAP, c.pid[0], pfn_is, &pfn[0] },
			{ TRACE_SCHED_SWITCH, c.pid[0], preempted },
			{ TRACE_KMAP_LOCAL_SCHED_OUT, c.pid[0], pfn_is, &pfn[0] },
			{ TRACE_KMAP_LOCAL_MAP, c.pid[1], pfn_is, &pfn[1] },
			{ TRACE_SCHED_SWITCH, c.pid[1], preempted },
			{ TRACE_KMAP_LOCAL_SCHED_OUT, c.pid[1], pfn_is, &pfn[1] },
			{ TRACE_KMAP_LOCAL_SCHED_IN, c.pid[0], pfn_is, &pfn[0] },
			{ TRACE_KMAP_LOCAL_SCHED_IN, c.pid[1], pfn_is, &pfn[1] },
		};

		e = story(test, "preempt_local", 0, steps, ARRAY_SIZE(steps), at);
	}
	/* one slot, one address, two pages */
	KUNIT_EXPECT_EQ(test, e[at[0]].args[0], e[at[3]].args[0]);
	KUNIT_EXPECT_EQ(test, e[at[0]].args[1], e[at[3]].args[1]);
	KUNIT_EXPECT_EQ(test, e[at[6]].args[1], e[at[0]].args[1]);
	__free_page(c.page[0]);
	__free_page(c.page[1]);
}

/* --- irq_on_task --------------------------------------------------------- */

static void irq_maps(void *page)
{
	u32 *v = kmap_local_page(page);

	WRITE_ONCE(*v, 0x1c);
	kunmap_local(v);
}


/*
 * The task maps slot k; an interrupt on its CPU maps on top (k + 1, or
 * k + 2 in the debug build, whose guard slot sits between) and unmaps
 * before it returns; then the task unmaps k. One stack, two users.
 */
static void irq_on_task(struct kunit *test)
{
	struct page *task_page = kt_alloc_highpage(test);
	struct page *irq_page = kt_alloc_highpage(test);
	unsigned long pt = page_to_pfn(task_page), pi = page_to_pfn(irq_page);
	unsigned long vec = IRQ_WORK_VECTOR;
	const struct trace_entry *e;
	unsigned int cpu;
	int at[6];
	void *v;

	trace_set_event("kmap_local_*", true);
	trace_set_event("irq_vector_*", true);
	migrate_disable();
	cpu = smp_processor_id();
	v = kmap_local_page(task_page);
	run_in_hardirq(irq_maps, irq_page);
	kunmap_local(v);
	migrate_enable();
	{
		const struct step steps[] = {
			{ TRACE_KMAP_LOCAL_MAP, current->pid, pfn_is, &pt },
			{ TRACE_IRQ_VECTOR_ENTRY, -1, arg0_is, &vec },
			{ TRACE_KMAP_LOCAL_MAP, -1, pfn_is, &pi },
			{ TRACE_KMAP_LOCAL_UNMAP, -1, pfn_is, &pi },
			{ TRACE_IRQ_VECTOR_EXIT, -1, arg0_is, &vec },
			{ TRACE_KMAP_LOCAL_UNMAP, current->pid, pfn_is, &pt },
		};

		e = story(test, "irq_on_task", cpu, steps, ARRAY_SIZE(steps), at);
	}
	KUNIT_EXPECT_GT(test, e[at[2]].args[0], e[at[0]].args[0]);	/* on top */
	KUNIT_EXPECT_TRUE(test, e[at[2]].flags & TRACE_FLAG_HARDIRQ);
	KUNIT_EXPECT_EQ(test, e[at[3]].args[0], e[at[2]].args[0]);
	KUNIT_EXPECT_TRUE(test, arg0_is(&e[at[5]], &e[at[0]].args[0]));	/* slot k */
	__free_page(task_page);
	__free_page(irq_page);
}

/* --- wrong_order_unmap --------------------------------------------------- */

/*
 * kunmap_local(a) while b, mapped after it, is still there. The stack
 * can only pop its top: the trace shows b's slot and pfn unmapped, not
 * a's -- the code asked for one thing, the kernel did another. The
 * debug build says so (a WARNING, once a boot, naming both addresses;
 * caught here so the run stays clean) and counts it.
 */
static void wrong_order_unmap(struct kunit *test)
{
	struct page *pa = kt_alloc_highpage(test), *pb = kt_alloc_highpage(test);
	unsigned long a = page_to_pfn(pa), b = page_to_pfn(pb);
	struct kt_counters before, after;
	struct printk_capture cap;
	static char log[2048];
	const struct trace_entry *e;
	unsigned int cpu;
	char *said, *nl;
	void *va, *vb;
	int at[4];

	trace_set_event("kmap_local_*", true);
	kt_counters(&before);
	migrate_disable();
	cpu = smp_processor_id();
	va = kmap_local_page(pa);
	vb = kmap_local_page(pb);
	printk_capture_start(&cap, log, sizeof(log));
	kunmap_local(va);		/* wrong: vb is the most recent */
	printk_capture_stop(&cap);
	kunmap_local(vb);		/* wrong again: va's slot is the top now */
	migrate_enable();
	kt_counters(&after);
	KUNIT_EXPECT_EQ(test, after.kmap.unmap_order_errors,
			before.kmap.unmap_order_errors + 2);
	said = strstr(log, "kunmap_local: unmapping");
	if (said) {
		nl = strchr(said, '\n');
		kunit_info(test, "the debug build said: %.*s",
			   nl ? (int)(nl - said) : 80, said);
	}
	{
		const struct step steps[] = {
			{ TRACE_KMAP_LOCAL_MAP, current->pid, pfn_is, &a },
			{ TRACE_KMAP_LOCAL_MAP, current->pid, pfn_is, &b },
			{ TRACE_KMAP_LOCAL_UNMAP, current->pid, pfn_is, &b },	/* asked: a */
			{ TRACE_KMAP_LOCAL_UNMAP, current->pid, pfn_is, &a },	/* asked: b */
		};

		e = story(test, "wrong_order_unmap", cpu, steps, ARRAY_SIZE(steps), at);
	}
	KUNIT_EXPECT_EQ(test, e[at[2]].args[1], (unsigned long)vb);	/* b's address */
	KUNIT_EXPECT_EQ(test, e[at[3]].args[1], (unsigned long)va);
	__free_page(pa);
	__free_page(pb);
}

static struct kunit_case trace_scenarios_cases[] = {
	KUNIT_CASE(preempt_local),
	KUNIT_CASE(irq_on_task),
	KUNIT_CASE(pool_wrap),
	KUNIT_CASE(wrong_order_unmap),
	KUNIT_CASE(fault_in_local),
	KUNIT_CASE(fault_sleeps_in_local),
	{}
};

static struct kunit_suite trace_scenarios_suite = {
	.name = "trace_scenarios",
	.init = trace_suite_init,
	.exit = trace_suite_exit,
	.test_cases = trace_scenarios_cases,
};
kunit_test_suite(trace_scenarios_suite);
