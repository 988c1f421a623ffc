// SPDX-License-Identifier: GPL-2.0
/*
 * The lecture scenarios that reach beyond one CPU's kmap_local stack
 * (the others, and the suite trace_scenarios, are in
 * tests/trace_scenarios_test.c):
 *
 *   pool_wrap          kmap()'s pool wrapping: one flush, IPIs to every
 *                      other CPU (best on 4: the tcg-trace-scenarios run)
 *   fault_in_local     a copy_to_user() from a kmap_local mapping that
 *                      faults (what read() does, mm/filemap.c)
 *   fault_sleeps_in_local  the same with the fault made to sleep
 *                      (fault_sleep_ms): the slot saved and put back
 *
 * kmaplab-lint: allow kmap -- the pool_wrap scenario is about kmap()
 */
#include "kmap_test_common.h"
#include "trace_test_common.h"
#include "user_mm_common.h"
#include <linux/smp.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <asm/trace/exceptions.h>
#include <kmaplab/fault.h>
#include <trace/events/ipi.h>

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
		{ TRACE_TLB_FLUSH, -1 },
		{ TRACE_IPI_EXIT, -1, flow_is, &flow },
	};
	const struct trace_entry *e;
	unsigned int cpu;
	int n, k;

	for_each_online_cpu(cpu) {
		if (cpu == me)
			continue;
		e = trace_read(test, cpu, &n);
		k = trace_find_steps(e, n, steps, ARRAY_SIZE(steps), NULL);
		KUNIT_ASSERT_EQ_MSG(test, k, (int)ARRAY_SIZE(steps),
				    "CPU %u: %s of flow %lu not found", cpu,
				    k < ARRAY_SIZE(steps) ? trace_event_name(steps[k].type) : "",
				    flow);
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
void pool_wrap(struct kunit *test)
{
	if (num_online_cpus() < 2)
		kunit_skip(test, "needs 2 CPUs (-smp 4 for the lecture)");
	trace_with_pool_pages(test, pool_wrap_traced);
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
	struct mm_struct *mm = test_mm_alloc(test, user_base, 1, VM_READ | VM_WRITE);
	unsigned int cpu, saved = fault_sleep_ms;
	char *v;

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
	test_mm_put(mm);
	return cpu;
}

void fault_in_local(struct kunit *test)
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

void fault_sleeps_in_local(struct kunit *test)
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
