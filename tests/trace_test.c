// SPDX-License-Identifier: GPL-2.0
/*
 * Trace events (kernel/trace/): a task's local slot seen over time --
 * mapped, emptied when the task is switched out, taken by another task
 * at the same address for another page, refilled when the first comes
 * back -- in order and with the right fields; the ring buffer keeping
 * the newest events and counting the lost ones; each CPU writing only
 * its own buffer; the ftrace line format; nothing recorded when off.
 */
#include "kmap_test_common.h"
#include "trace_test_common.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/smp.h>

#define WAIT_LIMIT (10 * HZ)

struct switch_ctx {
	struct page *pa, *pb;
	unsigned long pfn_a, pfn_b;
	pid_t pid_a, pid_b;
	struct completion a_mapped, b_done, a_done;
};

static int task_a(void *arg)
{
	struct switch_ctx *c = arg;
	void *va;

	c->pid_a = current->pid;
	va = kmap_local_page(c->pa);
	complete(&c->a_mapped);
	wait_for_completion(&c->b_done);	/* switched out holding va */
	kunmap_local(va);
	complete(&c->a_done);
	return 0;
}

static int task_b(void *arg)
{
	struct switch_ctx *c = arg;
	void *vb;

	c->pid_b = current->pid;
	wait_for_completion(&c->a_mapped);
	vb = kmap_local_page(c->pb);
	kunmap_local(vb);
	complete(&c->b_done);
	return 0;
}

/*
 * A maps a highmem page and sleeps holding it while B, on the same CPU
 * 0, maps and unmaps another; then A unmaps. Tracing is off after.
 */
static void switch_run(struct kunit *test, struct switch_ctx *c)
{
	memset(c, 0, sizeof(*c));
	c->pa = kt_alloc_highpage(test);
	c->pb = kt_alloc_highpage(test);
	c->pfn_a = page_to_pfn(c->pa);
	c->pfn_b = page_to_pfn(c->pb);
	init_completion(&c->a_mapped);
	init_completion(&c->b_done);
	init_completion(&c->a_done);
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(task_a, c, 0, "tr-a/%u")));
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(task_b, c, 0, "tr-b/%u")));
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&c->a_done, WAIT_LIMIT), 0UL);
	trace_off();
	__free_page(c->pa);
	__free_page(c->pb);
}

struct switch_step {
	enum trace_event_id type;
	pid_t pid;		/* who ran (for sched_switch: prev_pid) */
	unsigned long pfn;	/* 0: not checked */
};

/* Index of the first entry from i on matching s, or -1. */
static int find_step(const struct trace_entry *e, int n, int i,
		     const struct switch_step *s, unsigned long addr)
{
	for (; i < n; i++) {
		if (e[i].type != s->type)
			continue;
		if (s->type == TRACE_SCHED_SWITCH) {
			if (e[i].args[0] == s->pid)
				return i;
			continue;
		}
		if (e[i].pid == s->pid && e[i].args[2] == s->pfn &&
		    (!addr || e[i].args[1] == addr))
			return i;
	}
	return -1;
}

static void trace_kmap_local_switch(struct kunit *test)
{
	static struct switch_ctx c;
	struct trace_entry *e;
	unsigned long addr = 0, pa, pb, lost;
	int n, i = 0, k, slot = -1;

	trace_set_event("kmap_local_*", true);
	trace_set_event("sched_switch", true);
	switch_run(test, &c);
	pa = c.pfn_a;
	pb = c.pfn_b;

	e = trace_read_lost(test, 0, &n, &lost);
	KUNIT_ASSERT_EQ(test, lost, 0UL);
	{
		const struct switch_step steps[] = {
			{ TRACE_KMAP_LOCAL_MAP, c.pid_a, pa },
			{ TRACE_SCHED_SWITCH, c.pid_a, 0 },
			{ TRACE_KMAP_LOCAL_SCHED_OUT, c.pid_a, pa },
			{ TRACE_KMAP_LOCAL_MAP, c.pid_b, pb },
			{ TRACE_KMAP_LOCAL_UNMAP, c.pid_b, pb },
			{ TRACE_KMAP_LOCAL_SCHED_IN, c.pid_a, pa },
			{ TRACE_KMAP_LOCAL_UNMAP, c.pid_a, pa },
		};

		for (k = 0; k < ARRAY_SIZE(steps); k++) {
			i = find_step(e, n, i, &steps[k], addr);
			KUNIT_ASSERT_GE_MSG(test, i, 0, "step %d (%s) not found in order",
					    k, trace_event_name(steps[k].type));
			KUNIT_EXPECT_EQ(test, (int)e[i].cpu, 0);
			if (steps[k].type == TRACE_SCHED_SWITCH) {
				/* A blocked: not runnable, not preempted */
				KUNIT_EXPECT_EQ(test, e[i].args[1], (unsigned long)TASK_UNINTERRUPTIBLE);
				KUNIT_EXPECT_EQ(test, e[i].args[3], 0UL);
				continue;
			}
			if (!addr) {
				addr = e[i].args[1];
				slot = e[i].args[0];
			}
			/* one slot, one address, for both tasks' pages */
			KUNIT_EXPECT_EQ(test, (int)e[i].args[0], slot);
			if (steps[k].type == TRACE_KMAP_LOCAL_MAP ||
			    steps[k].type == TRACE_KMAP_LOCAL_UNMAP)
				KUNIT_EXPECT_EQ(test, e[i].args[3], 1UL);	/* highmem */
		}
	}
}

/* How many of the events are of type id, by task pid, for page pfn. */
static int count_events(const struct trace_entry *e, int n,
			enum trace_event_id id, pid_t pid, unsigned long pfn)
{
	int i, found = 0;

	for (i = 0; i < n; i++)
		if (e[i].type == id && e[i].pid == pid && e[i].args[2] == pfn)
			found++;
	return found;
}

static int count_type(const struct trace_entry *e, int n, enum trace_event_id id)
{
	int i, found = 0;

	for (i = 0; i < n; i++)
		found += e[i].type == id;
	return found;
}

/*
 * The switch's key (trace_switch_key) is on with sched_switch or with
 * kmap_local_sched_out alone, and its probe records only the one
 * chosen; kmap_local_sched_in has its own hook, with its own key.
 */
static void trace_switch_events_alone(struct kunit *test)
{
	static struct switch_ctx c;
	struct trace_entry *e;
	unsigned long lost;
	int n;

	trace_set_event("kmap_local_sched_out", true);
	switch_run(test, &c);
	e = trace_read_lost(test, 0, &n, &lost);
	KUNIT_EXPECT_GE(test, count_events(e, n, TRACE_KMAP_LOCAL_SCHED_OUT,
					   c.pid_a, c.pfn_a), 1);
	KUNIT_EXPECT_EQ(test, count_type(e, n, TRACE_SCHED_SWITCH), 0);
	KUNIT_EXPECT_EQ(test, count_type(e, n, TRACE_KMAP_LOCAL_SCHED_IN), 0);

	trace_clear();
	trace_set_event("sched_switch", true);
	trace_set_event("kmap_local_sched_in", true);
	switch_run(test, &c);
	e = trace_read_lost(test, 0, &n, &lost);
	KUNIT_EXPECT_GE(test, count_type(e, n, TRACE_SCHED_SWITCH), 1);
	KUNIT_EXPECT_GE(test, count_events(e, n, TRACE_KMAP_LOCAL_SCHED_IN,
					   c.pid_a, c.pfn_a), 1);
	KUNIT_EXPECT_EQ(test, count_type(e, n, TRACE_KMAP_LOCAL_SCHED_OUT), 0);
}

/* A full buffer keeps the newest events and counts the overwritten ones. */
static void trace_buffer_overwrites_oldest(struct kunit *test)
{
	unsigned int size = trace_buf_entries(), cpu, j;
	struct trace_entry *e;
	unsigned long lost;
	int n;

	trace_set_event("kmap_high_wrap", true);
	migrate_disable();
	cpu = smp_processor_id();
	for (j = 0; j < size + 10; j++)
		trace_record(TRACE_KMAP_HIGH_WRAP, j, 0, 0, 0, NULL);
	migrate_enable();
	trace_off();
	e = trace_read_lost(test, cpu, &n, &lost);
	KUNIT_ASSERT_EQ(test, n, (int)size);
	KUNIT_EXPECT_EQ(test, lost, 10UL);
	for (j = 0; j < size; j++)
		if (e[j].args[0] != j + 10)
			break;
	KUNIT_EXPECT_EQ_MSG(test, j, size, "event %u is out of place", j);
	KUNIT_EXPECT_LE(test, e[0].ts, e[size - 1].ts);
}

struct cpu_ctx {
	struct completion done;
};

static int record_on_cpu1(void *arg)
{
	struct cpu_ctx *c = arg;
	int j;

	for (j = 0; j < 5; j++)
		trace_record(TRACE_KMAP_HIGH_WRAP, j, 0xc1, 0, 0, NULL);
	complete(&c->done);
	return 0;
}

/* Each CPU writes its own buffer: CPU 1's events are not in CPU 0's. */
static void trace_buffers_are_per_cpu(struct kunit *test)
{
	static struct cpu_ctx c;
	struct trace_entry *e0, *e1;
	unsigned long lost;
	int n0, n1, j;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs 2 CPUs (-smp 2)");
	init_completion(&c.done);
	trace_set_event("kmap_high_wrap", true);
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(record_on_cpu1, &c, 1, "tr-c1/%u")));
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&c.done, WAIT_LIMIT), 0UL);
	trace_off();
	e0 = trace_read_lost(test, 0, &n0, &lost);
	e1 = trace_read_lost(test, 1, &n1, &lost);
	KUNIT_EXPECT_EQ(test, n1, 5);
	for (j = 0; j < n1; j++) {
		KUNIT_EXPECT_EQ(test, (int)e1[j].cpu, 1);
		KUNIT_EXPECT_EQ(test, e1[j].args[1], 0xc1UL);
		KUNIT_EXPECT_EQ(test, e1[j].args[0], (unsigned long)j);
	}
	for (j = 0; j < n0; j++)
		KUNIT_EXPECT_NE(test, e0[j].args[1], 0xc1UL);
}

/* Off, a hook records nothing. */
static void trace_off_records_nothing(struct kunit *test)
{
	struct page *p = kt_alloc_highpage(test);
	struct trace_entry *e;
	unsigned long lost;
	unsigned int cpu;
	void *v;
	int n;

	trace_off();
	migrate_disable();
	cpu = smp_processor_id();
	v = kmap_local_page(p);
	kunmap_local(v);
	migrate_enable();
	__free_page(p);
	e = trace_read_lost(test, cpu, &n, &lost);
	KUNIT_EXPECT_EQ(test, n, 0);
	KUNIT_EXPECT_PTR_NE(test, e, NULL);
}

/* The names and globs of trace_event= and the monitor's `trace on`. */
static void trace_event_globs(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, trace_set_event("kmap_high_*", true), 5);
	KUNIT_EXPECT_EQ(test, trace_set_event("sched_switch", true), 1);
	KUNIT_EXPECT_EQ(test, trace_set_event("nosuchevent", true), 0);
	KUNIT_EXPECT_EQ(test, trace_set_event("*", false), (int)TRACE_NR_EVENTS);
	KUNIT_EXPECT_STREQ(test, trace_event_name(TRACE_TLB_FLUSH), "tlb_flush");
}

/* Lines as in Linux's trace file: comm-pid [cpu] flags secs.usecs: event: fields */
static void trace_line_format(struct kunit *test)
{
	struct trace_entry e = {
		.ts = 12345678901234ULL, .type = TRACE_KMAP_LOCAL_MAP, .cpu = 1,
		.flags = TRACE_FLAG_IRQS_OFF | TRACE_FLAG_HARDIRQ, .preempt = 1,
		.pid = 42, .comm = "kt-a", .args = { 3, 0xffbfe000, 0x3a000, 1 },
	};
	char buf[200];

	trace_format_entry(buf, sizeof(buf), &e);
	KUNIT_EXPECT_STREQ(test, buf,
		"            kt-a-42      [001] d.h1. 12345.678901: kmap_local_map: slot=3 addr=ffbfe000 pfn=3a000 highmem");
	e.type = TRACE_SCHED_SWITCH;
	e.flags = 0;
	e.preempt = 0;
	e.args[0] = 42;
	e.args[1] = TASK_UNINTERRUPTIBLE;
	e.args[2] = 7;
	e.args[3] = 0;
	strcpy(e.str, "tr-b/0");
	trace_format_entry(buf, sizeof(buf), &e);
	KUNIT_EXPECT_STREQ(test, buf,
		"            kt-a-42      [001] ..... 12345.678901: sched_switch: prev_comm=kt-a prev_pid=42 prev_prio=120 prev_state=D ==> next_comm=tr-b/0 next_pid=7 next_prio=120");
}

static struct kunit_case trace_cases[] = {
	KUNIT_CASE(trace_kmap_local_switch),
	KUNIT_CASE(trace_switch_events_alone),
	KUNIT_CASE(trace_buffer_overwrites_oldest),
	KUNIT_CASE(trace_buffers_are_per_cpu),
	KUNIT_CASE(trace_off_records_nothing),
	KUNIT_CASE(trace_event_globs),
	KUNIT_CASE(trace_line_format),
	{}
};

static struct kunit_suite trace_suite = {
	.name = "trace",
	.init = trace_suite_init,
	.exit = trace_suite_exit,
	.test_cases = trace_cases,
};
kunit_test_suite(trace_suite);
