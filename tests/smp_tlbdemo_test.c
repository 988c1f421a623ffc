// SPDX-License-Identifier: GPL-2.0
/*
 * The cross-CPU stale-TLB demonstration as a test
 * (teaching/tlbdemo/tlbdemo_smp.c): CPU A changes a global kernel PTE and
 * runs invlpg on itself only, CPU B still reads the old page; after the
 * shootdown (flush_tlb_kernel_range()'s IPI) it reads the new one.
 *
 * Asserted on every engine: B's first read sees A, A sees B after its own
 * invlpg, B sees B after the shootdown. Per engine (docs/tlbdemo.md): the
 * stale read on B -- every trial on the emulators, most on a real TLB.
 * Named smp_* so that the two-CPU runs that select smp* (bochs-smp2) run
 * it too; with one CPU online every case skips.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <kmaplab/tlbdemo.h>

#define TRIALS 50

static struct tlbdemo_smp_result res;
static int run_err;

static int smp_tlbdemo_suite_init(struct kunit_suite *suite)
{
	run_err = tlbdemo_smp_run(&res, TRIALS);
	return run_err == -ENODEV ? 0 : run_err;
}

static void need_run(struct kunit *test)
{
	if (run_err == -ENODEV)
		kunit_skip(test, "one CPU online: the demonstration needs two");
	KUNIT_ASSERT_EQ(test, res.trials, TRIALS);
}

static void smp_tlbdemo_remote_first_read_sees_a(struct kunit *test)
{
	need_run(test);
	KUNIT_EXPECT_EQ(test, res.remote_first_a, TRIALS);
}

static void smp_tlbdemo_local_invlpg_shows_b(struct kunit *test)
{
	need_run(test);
	KUNIT_EXPECT_EQ(test, res.local_after_b, TRIALS);
}

/* Without the shootdown CPU B reads the old page, as this engine caches. */
static void smp_tlbdemo_remote_stale_as_engine_does(struct kunit *test)
{
	enum tlbdemo_expect e = tlbdemo_expect_remote_stale(&res);

	need_run(test);
	if (e == TLBDEMO_ANY)
		kunit_skip(test, "no expectation for engine %s", res.engine);
	KUNIT_EXPECT_TRUE_MSG(test, tlbdemo_meets(e, res.remote_stale_a, TRIALS),
			      "%s: CPU %d read the old page in %u of %u trials, expected %s",
			      res.engine, res.cpu_b, res.remote_stale_a, TRIALS,
			      tlbdemo_expect_name(e));
}

static void smp_tlbdemo_shootdown_shows_b(struct kunit *test)
{
	need_run(test);
	KUNIT_EXPECT_EQ(test, res.remote_after_shootdown_b, TRIALS);
}

static void smp_tlbdemo_report_what_was_seen(struct kunit *test)
{
	need_run(test);
	tlbdemo_smp_report(&res);
}

static struct kunit_case smp_tlbdemo_cases[] = {
	KUNIT_CASE(smp_tlbdemo_remote_first_read_sees_a),
	KUNIT_CASE(smp_tlbdemo_local_invlpg_shows_b),
	KUNIT_CASE(smp_tlbdemo_remote_stale_as_engine_does),
	KUNIT_CASE(smp_tlbdemo_shootdown_shows_b),
	KUNIT_CASE(smp_tlbdemo_report_what_was_seen),
	{}
};

static struct kunit_suite smp_tlbdemo_suite = {
	.name = "smp_tlbdemo",
	.suite_init = smp_tlbdemo_suite_init,
	.test_cases = smp_tlbdemo_cases,
};
kunit_test_suite(smp_tlbdemo_suite);
