// SPDX-License-Identifier: GPL-2.0
/*
 * smp: what several CPUs change about the mappings (docs/smp.md).
 *
 *  - kmap_local slots are per CPU: every CPU maps at its own addresses,
 *    at the same time, and sees only its own page;
 *  - migrate_disable() (and so a live kmap_local mapping) pins a task:
 *    preempted many times, asked to move, it stays; unpinned, it moves;
 *  - kmap()'s pool wrap flushes every CPU's TLB (the IPI shootdown): a
 *    CPU that cached a pkmap address sees the new page after a wrap --
 *    and, with the shootdown switched off, the old one;
 *  - cpu_down() waits for a task holding a kmap_local mapping there;
 *  - the kmap torture, spread over every CPU.
 * Every case needs two CPUs or more (the tcg-smp4 run), and highmem.
 *
 * This file is the suite and the order of its cases; the mapping cases
 * are in smp_kmap_test.c, pinning and hotplug in smp_sched_test.c.
 */
#include "smp_test_common.h"

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(smp_kmap_local_slots_per_cpu),
	KUNIT_CASE(smp_migrate_disable_pins),
	KUNIT_CASE(smp_kmap_local_pins),
	KUNIT_CASE(smp_kmap_wrap_shootdown),
	KUNIT_CASE(smp_cpu_down_waits_for_kmap_local),
	KUNIT_CASE(smp_kmap_torture_all_cpus),
	{}
};

static struct kunit_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
};
kunit_test_suite(smp_suite);
