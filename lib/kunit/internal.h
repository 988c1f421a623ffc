/* SPDX-License-Identifier: GPL-2.0 */
/* Shared between the KUnit core (test.c) and the boot executor (executor.c). */
#ifndef _KERNEL_KUNIT_INTERNAL_H
#define _KERNEL_KUNIT_INTERNAL_H

#include <kunit/test.h>

struct kunit_result_stats {
	unsigned long passed;
	unsigned long skipped;
	unsigned long failed;
	unsigned long total;
};

/* kunit.stats_enabled=: 0 never, 1 for more than one subtest, 2 always. */
extern int kunit_stats_enabled;

/*
 * Run the cases of suite whose name matches case_glob (all if NULL) as
 * KTAP subtest number suite_num. Adds every result (parameters counted
 * one by one) to *totals and returns the suite's status.
 */
enum kunit_status kunit_run_suite(struct kunit_suite *suite, unsigned int suite_num,
				  const char *case_glob,
				  struct kunit_result_stats *totals);

/* Cases of suite that case_glob (NULL: any) selects. */
size_t kunit_suite_count_cases(struct kunit_suite *suite, const char *case_glob);

#endif /* _KERNEL_KUNIT_INTERNAL_H */
