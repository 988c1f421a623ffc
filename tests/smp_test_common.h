/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the files of the smp suite: smp_test.c (the suite and the
 * order of its cases), smp_kmap_test.c and smp_sched_test.c (the cases).
 */
#ifndef _TESTS_SMP_TEST_COMMON_H
#define _TESTS_SMP_TEST_COMMON_H

#include "kmap_test_common.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/smp.h>
#include <linux/cpumask.h>

#define WAIT_LIMIT (20 * HZ)

static inline void need_cpus(struct kunit *test, unsigned int n)
{
	if (num_online_cpus() < n)
		kunit_skip(test, "needs %u online CPUs, has %u (run with -smp 4)",
			   n, num_online_cpus());
}

/* smp_kmap_test.c */
void smp_kmap_local_slots_per_cpu(struct kunit *test);
void smp_kmap_wrap_shootdown(struct kunit *test);
void smp_kmap_torture_all_cpus(struct kunit *test);

/* smp_sched_test.c */
void smp_migrate_disable_pins(struct kunit *test);
void smp_kmap_local_pins(struct kunit *test);
void smp_cpu_down_waits_for_kmap_local(struct kunit *test);

#endif /* _TESTS_SMP_TEST_COMMON_H */
