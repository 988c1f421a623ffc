/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_TRACE_TEST_COMMON_H
#define _TESTS_TRACE_TEST_COMMON_H
/*
 * Shared by the trace suites: recording paused and emptied around each
 * case, a CPU's events read into a test-owned array, and a search for
 * the next event of a type (and task) from a position on.
 */
#include <kunit/test.h>
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

/* CPU cpu's events, oldest first, in a test-owned array. */
static inline struct trace_entry *trace_read(struct kunit *test, unsigned int cpu,
					     int *n)
{
	int max = trace_buf_entries();
	struct trace_entry *e = kunit_kmalloc_array(test, max, sizeof(*e), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, e);
	*n = trace_read_cpu(cpu, e, max, NULL);
	return e;
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

#endif /* _TESTS_TRACE_TEST_COMMON_H */
