// SPDX-License-Identifier: GPL-2.0
/*
 * The lecture scenarios of docs/trace.md: each case sets up one story,
 * traces it, prints the trace ("trace scenario: NAME", then the ftrace
 * dump) for `make trace SCENARIO=NAME` to draw (scripts/trace/), and
 * checks the sequence of events that makes the story true.
 *
 *   preempt_local      two threads preempting each other on one CPU, each
 *                      holding a kmap_local mapping at the same address
 *   irq_on_task        an interrupt's mapping on top of a task's
 *   pool_wrap          kmap()'s pool wrapping: one flush, IPIs to every
 *                      other CPU (best on 4: the tcg-trace-scenarios run)
 *   wrong_order_unmap  kunmap_local() of the older of two mappings
 *   fault_in_local     a copy_to_user() from a kmap_local mapping that
 *                      faults (what read() does, mm/filemap.c)
 *   fault_sleeps_in_local  the same with the fault made to sleep
 *                      (fault_sleep_ms): the slot saved and put back
 *
 * kmaplab-lint: allow kmap -- the pool_wrap scenario is about kmap()
 */
#include "kmap_test_common.h"
#include "trace_test_common.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/smp.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <asm/desc.h>
#include <asm/trace/exceptions.h>
#include <kmaplab/fault.h>
#include <kmaplab/interrupt.h>
#include <kmaplab/printk.h>
#include <trace/events/ipi.h>

#define WAIT_LIMIT (10 * HZ)

/* A step of a story: an event of type, by pid (-1: anyone), and a test. */
struct step {
	enum trace_event_id type;
	pid_t pid;
	bool (*ok)(const struct trace_entry *e, const void *arg);
	const void *arg;
};

/* Print the dump for the pictures, then find the steps in order. */
static const struct trace_entry *story(struct kunit *test, const char *name,
				       unsigned int cpu, const struct step *steps,
				       int nsteps, int *at)
{
	const struct trace_entry *e;
	int n, i = 0, k;

	trace_off();
	pr_info("trace scenario: %s\n", name);
	trace_show();
	e = trace_read(test, cpu, &n);
	for (k = 0; k < nsteps; k++, i++) {
		for (; (i = trace_find(e, n, i, steps[k].type, steps[k].pid)) >= 0; i++)
			if (!steps[k].ok || steps[k].ok(&e[i], steps[k].arg))
				break;
		KUNIT_ASSERT_GE_MSG(test, i, 0, "%s: step %d (%s) not found in order on CPU %u",
				    name, k, trace_event_name(steps[k].type), cpu);
		if (at)
			at[k] = i;
	}
	return e;
}

static bool pfn_is(const struct trace_entry *e, const void *pfn)
{
	return e->args[2] == *(const unsigned long *)pfn;
}

static bool arg0_is(const struct trace_entry *e, const void *v)
{
	return e->args[0] == *(const unsigned long *)v;
}

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

static bool slot_is(const struct trace_entry *e, const void *slot)
{
	return e->args[0] == *(const unsigned long *)slot;
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
	KUNIT_EXPECT_TRUE(test, slot_is(&e[at[5]], &e[at[0]].args[0]));
	__free_page(task_page);
	__free_page(irq_page);
}

/* --- pool_wrap ----------------------------------------------------------- */

#define WRAP_TRACED 12	/* the pool's last few maps before the wrap, traced */

static bool flow_is(const struct trace_entry *e, const void *flow)
{
	return e->args[1] == *(const unsigned long *)flow;
}

/* Every other CPU took the shootdown raised by flow, in its ipi_entry. */
static void check_receivers(struct kunit *test, unsigned int me, unsigned long flow)
{
	const struct step steps[] = {
		{ TRACE_IPI_ENTRY, -1, flow_is, &flow },
		{ TRACE_TLB_FLUSH },
		{ TRACE_IPI_EXIT, -1, flow_is, &flow },
	};
	const struct trace_entry *e;
	unsigned int cpu;
	int n, i, k;

	for_each_online_cpu(cpu) {
		if (cpu == me)
			continue;
		e = trace_read(test, cpu, &n);
		for (k = 0, i = 0; k < ARRAY_SIZE(steps); k++, i++) {
			for (; (i = trace_find(e, n, i, steps[k].type, -1)) >= 0; i++)
				if (!steps[k].ok || steps[k].ok(&e[i], steps[k].arg))
					break;
			KUNIT_ASSERT_GE_MSG(test, i, 0, "CPU %u: %s of flow %lu not found",
					    cpu, trace_event_name(steps[k].type), flow);
		}
	}
}

static unsigned long pool_wraps(void)
{
	struct kmap_stats st;

	kmap_stats_read(&st);
	return st.pkmap_wraps;
}

/*
 * Map and unmap pages[from], pages[from + 1], ... (around the array):
 * n of them, or until the pool wraps when n is 0. Returns the next index.
 */
static int map_pages(struct page **pages, int from, int n)
{
	unsigned long wraps = pool_wraps();
	int i = from, done = 0;

	while (n ? done < n : pool_wraps() == wraps) {
		kmap(pages[i]);
		kunmap(pages[i]);
		i = (i + 1) % (LAST_PKMAP + 1);
		done++;
	}
	return i;
}

static void pool_wrap_traced(struct kunit *test, struct page **pages)
{
	const struct trace_entry *e;
	unsigned int me;
	int i, at[3];

	migrate_disable();	/* the wrap's flush starts on this CPU */
	me = smp_processor_id();
	/*
	 * A first wrap puts the pool's search at slot 0: the next LAST_PKMAP
	 * new pages take slots 1 .. LAST_PKMAP - 1, then wrap again. Trace
	 * only the last few of them, the wrap, and two more.
	 */
	i = map_pages(pages, 0, 0);
	i = map_pages(pages, i, LAST_PKMAP - 1 - WRAP_TRACED);
	trace_set_event("kmap_high_*", true);
	trace_set_event("tlb_flush", true);
	trace_set_event("ipi_*", true);
	map_pages(pages, i, WRAP_TRACED + 3);
	migrate_enable();
	{
		const struct step steps[] = {
			{ TRACE_KMAP_HIGH_WRAP, current->pid },
			{ TRACE_IPI_RAISE, current->pid },
			{ TRACE_TLB_FLUSH, current->pid },
		};

		e = story(test, "pool_wrap", me, steps, ARRAY_SIZE(steps), at);
	}
	KUNIT_EXPECT_EQ(test, e[at[1]].args[0],
			cpumask_bits(cpu_online_mask)[0] & ~(1UL << me));
	KUNIT_EXPECT_EQ(test, (long)e[at[2]].args[0], -1L);	/* a full flush */
	check_receivers(test, me, e[at[1]].args[2]);
}

/*
 * LAST_PKMAP + 1 pages through kmap()/kunmap(): the last one wraps the
 * pool, which reclaims every unused slot with one global flush -- an
 * IPI to every other CPU, drawn as arrows. Needs 2 CPUs; best on 4.
 */
static void pool_wrap(struct kunit *test)
{
	struct page **pages = kunit_kcalloc(test, LAST_PKMAP + 1, sizeof(*pages),
					    GFP_KERNEL);
	int i, got;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs 2 CPUs (-smp 4 for the lecture)");
	KUNIT_ASSERT_NOT_NULL(test, pages);
	for (got = 0; got <= LAST_PKMAP; got++) {
		pages[got] = alloc_page(GFP_HIGHUSER);
		if (!pages[got] || !PageHighMem(pages[got]))
			break;
	}
	if (got > LAST_PKMAP)
		pool_wrap_traced(test, pages);
	for (i = 0; i <= got && i <= LAST_PKMAP; i++)
		if (pages[i])
			__free_page(pages[i]);
	if (got <= LAST_PKMAP)
		kunit_skip(test, "needs %d free highmem pages (boot with lowmem=)",
			   LAST_PKMAP + 1);
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

/* --- fault_in_local ------------------------------------------------------ */

/*
 * What read() does (mm/filemap.c): the page-cache page mapped with
 * kmap_local_page(), copy_to_user() into a buffer whose page is not
 * there yet. The copy faults while the mapping is held; the fault is
 * resolved (a zeroed page made present) and the copy goes on, the
 * mapping untouched. With sleep_ms (issue #14's fault_sleep_ms) the
 * fault sleeps first: the switch takes the slot down with the task
 * (kmap_local_sched_out) and puts it back when it runs again
 * (kmap_local_sched_in), all between the fault and its end.
 */
static const unsigned long user_base = 0x10000000UL;

static unsigned int fault_in_local_run(struct kunit *test, struct page *page,
				       unsigned int sleep_ms)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	unsigned int cpu, saved = fault_sleep_ms;
	char *v;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	vma = vma_alloc(mm, user_base, user_base + PAGE_SIZE, VM_READ | VM_WRITE);
	KUNIT_ASSERT_NOT_NULL(test, vma);
	KUNIT_ASSERT_EQ(test, insert_vm_struct(mm, vma), 0);
	kthread_use_mm(mm);
	trace_set_event("kmap_local_*", true);
	trace_set_event("page_fault_*", true);
	trace_set_event("sched_switch", true);
	WRITE_ONCE(fault_sleep_ms, sleep_ms);
	migrate_disable();
	cpu = smp_processor_id();
	v = kmap_local_page(page);
	memset(v, 'r', 64);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)user_base, v, 64), 0UL);
	kunmap_local(v);
	migrate_enable();
	WRITE_ONCE(fault_sleep_ms, saved);
	trace_off();
	kthread_unuse_mm(mm);
	mmput(mm);
	return cpu;
}

static void fault_in_local(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	unsigned long pfn = page_to_pfn(page), addr = user_base;
	unsigned int cpu = fault_in_local_run(test, page, 0);
	const struct step steps[] = {
		{ TRACE_KMAP_LOCAL_MAP, current->pid, pfn_is, &pfn },
		{ TRACE_PAGE_FAULT_KERNEL, current->pid, arg0_is, &addr },
		{ TRACE_PAGE_FAULT_EXIT, current->pid, arg0_is, &addr },
		{ TRACE_KMAP_LOCAL_UNMAP, current->pid, pfn_is, &pfn },
	};
	const struct trace_entry *e;
	int at[4];

	e = story(test, "fault_in_local", cpu, steps, ARRAY_SIZE(steps), at);
	KUNIT_EXPECT_EQ(test, e[at[2]].args[1], (unsigned long)PAGE_FAULT_RESOLVED);
	/* a write to a page not there: error code "write, not present" */
	KUNIT_EXPECT_EQ(test, e[at[1]].args[2] & 3, 2UL);
	__free_page(page);
}

static void fault_sleeps_in_local(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	unsigned long pfn = page_to_pfn(page), addr = user_base;
	unsigned int cpu = fault_in_local_run(test, page, 5);
	const struct step steps[] = {
		{ TRACE_KMAP_LOCAL_MAP, current->pid, pfn_is, &pfn },
		{ TRACE_PAGE_FAULT_KERNEL, current->pid, arg0_is, &addr },
		{ TRACE_KMAP_LOCAL_SCHED_OUT, current->pid, pfn_is, &pfn },
		{ TRACE_KMAP_LOCAL_SCHED_IN, current->pid, pfn_is, &pfn },
		{ TRACE_PAGE_FAULT_EXIT, current->pid, arg0_is, &addr },
		{ TRACE_KMAP_LOCAL_UNMAP, current->pid, pfn_is, &pfn },
	};
	const struct trace_entry *e;
	int at[6];

	e = story(test, "fault_sleeps_in_local", cpu, steps, ARRAY_SIZE(steps), at);
	KUNIT_EXPECT_EQ(test, e[at[4]].args[1], (unsigned long)PAGE_FAULT_RESOLVED);
	/* the slot came back where it was: the same address */
	KUNIT_EXPECT_EQ(test, e[at[3]].args[1], e[at[0]].args[1]);
	__free_page(page);
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
