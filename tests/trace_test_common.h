/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_TRACE_TEST_COMMON_H
#define _TESTS_TRACE_TEST_COMMON_H
/*
 * Shared by the trace suites: recording paused and emptied around each
 * case, a CPU's events read into a test-owned array, a search for the
 * next event of a type (and task) from a position on, and the lecture
 * scenarios' stories: a list of steps found in order in one CPU's trace.
 */
#include "kmap_test_common.h"
#include <linux/slab.h>
#include <kmaplab/trace.h>

static u32 trace_saved_events;

static inline int trace_suite_init(struct kunit *test)
{
	if (!trace_buf_entries())
		kunit_skip(test, "no trace buffers");
	trace_saved_events = trace_pause();
	trace_clear();
	return 0;
}

static inline void trace_suite_exit(struct kunit *test)
{
	trace_off();
	trace_clear();
	trace_resume(trace_saved_events);
}

/*
 * CPU cpu's events, oldest first, in a test-owned array; *lost (unless
 * lost is NULL): how many the buffer overwrote.
 */
static inline struct trace_entry *trace_read_lost(struct kunit *test,
						  unsigned int cpu, int *n,
						  unsigned long *lost)
{
	int max = trace_buf_entries();
	struct trace_entry *e = kunit_kmalloc_array(test, max, sizeof(*e), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, e);
	*n = trace_read_cpu(cpu, e, max, lost);
	return e;
}

static inline struct trace_entry *trace_read(struct kunit *test, unsigned int cpu,
					     int *n)
{
	return trace_read_lost(test, cpu, n, NULL);
}

/* The first event from i on of type (and by pid, unless pid < 0), or -1. */
static inline int trace_find(const struct trace_entry *e, int n, int i,
			     enum trace_event_id type, pid_t pid)
{
	for (; i < n; i++)
		if (e[i].type == type && (pid < 0 || e[i].pid == pid))
			return i;
	return -1;
}

/* A step of a story: an event of type, by pid (-1: anyone), and a test. */
struct step {
	enum trace_event_id type;
	pid_t pid;
	bool (*ok)(const struct trace_entry *e, const void *arg);
	const void *arg;
};

/*
 * Find the steps in e[0..n) in order; at[k] (unless at is NULL): where
 * step k is. Returns the first step not found, or nsteps when all are.
 */
static inline int trace_find_steps(const struct trace_entry *e, int n,
				   const struct step *steps, int nsteps, int *at)
{
	int i = 0, k;

	for (k = 0; k < nsteps; k++, i++) {
		for (; (i = trace_find(e, n, i, steps[k].type, steps[k].pid)) >= 0; i++)
			if (!steps[k].ok || steps[k].ok(&e[i], steps[k].arg))
				break;
		if (i < 0)
			return k;
		if (at)
			at[k] = i;
	}
	return nsteps;
}

/* Print the dump for the pictures, then find the steps in order. */
static inline const struct trace_entry *story(struct kunit *test, const char *name,
					      unsigned int cpu, const struct step *steps,
					      int nsteps, int *at)
{
	const struct trace_entry *e;
	int n, k;

	trace_off();
	pr_info("trace scenario: %s\n", name);
	trace_show();
	e = trace_read(test, cpu, &n);
	k = trace_find_steps(e, n, steps, nsteps, at);
	KUNIT_ASSERT_EQ_MSG(test, k, nsteps, "%s: step %d (%s) not found in order on CPU %u",
			    name, k, k < nsteps ? trace_event_name(steps[k].type) : "",
			    cpu);
	return e;
}

/* Tests of a step: args[2] (a map's pfn), args[0] equal *arg. */
static inline bool pfn_is(const struct trace_entry *e, const void *pfn)
{
	return e->args[2] == *(const unsigned long *)pfn;
}

static inline bool arg0_is(const struct trace_entry *e, const void *v)
{
	return e->args[0] == *(const unsigned long *)v;
}

/*
 * fn(test, pages) with LAST_PKMAP + 1 highmem pages, one more than
 * kmap()'s pool has slots; the case is skipped (the pages given back)
 * when there are not so many free.
 */
static inline void trace_with_pool_pages(struct kunit *test,
					 void (*fn)(struct kunit *test,
						    struct page **pages))
{
	struct page **pages = kunit_kcalloc(test, LAST_PKMAP + 1, sizeof(*pages),
					    GFP_KERNEL);
	int got;
	bool enough;

	KUNIT_ASSERT_NOT_NULL(test, pages);
	got = kt_alloc_highpages(pages, LAST_PKMAP + 1);
	enough = got > LAST_PKMAP;
	if (enough)
		fn(test, pages);
	kt_free_highpages(pages, &got);
	if (!enough)
		kunit_skip(test, "needs %d free highmem pages (boot with lowmem=)",
			   LAST_PKMAP + 1);
}

/* The lecture scenarios (suite trace_scenarios) in their second file. */
void pool_wrap(struct kunit *test);
void fault_in_local(struct kunit *test);
void fault_sleeps_in_local(struct kunit *test);

#endif /* _TESTS_TRACE_TEST_COMMON_H */
