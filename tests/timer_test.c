// SPDX-License-Identifier: GPL-2.0
/*
 * timer suite: the PIT tick (jiffies at HZ), the TSC clock (ktime) and
 * the busy waits built on it. Bounds are loose on purpose: under QEMU's
 * TCG a guest instruction can take wildly different host time, so the
 * tests catch a wrong clock (off by a factor), not jitter.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <asm/processor.h>
#include <kunit/test.h>
#include <kmaplab/params.h>

/* Give up waiting for a tick after this long by the TSC clock. */
#define TIMER_TEST_WAIT_NS (2 * NSEC_PER_SEC)

/* The tests that wait for ticks need interrupts on (the runner leaves them on). */
static void require_tick(struct kunit *test)
{
	if (irqs_disabled())
		kunit_skip(test, "interrupts are off: no tick");
}

/* Spin until jiffies moves past start, or the TSC says it never will. */
static bool wait_for_tick(unsigned long start)
{
	u64 t0 = ktime_get_ns();
	unsigned long spins = 0;

	while (jiffies == start) {
		cpu_relax();
		/* Bounded even if the TSC clock were broken too. */
		if (++spins > 500000000UL || ktime_get_ns() - t0 > TIMER_TEST_WAIT_NS)
			return false;
	}
	return true;
}

static void timer_test_jiffies_advance(struct kunit *test)
{
	unsigned long j0;

	require_tick(test);
	j0 = jiffies;
	KUNIT_ASSERT_TRUE_MSG(test, wait_for_tick(j0),
			      "jiffies stuck at %lu with interrupts on", j0);
	KUNIT_EXPECT_TRUE(test, time_after(jiffies, j0));
}

/* Ticks seen while the TSC measures about 100 ms. */
static unsigned long ticks_in_100ms(void)
{
	unsigned long j0;
	u64 t0;

	wait_for_tick(jiffies);
	j0 = jiffies;
	t0 = ktime_get_ns();
	while (ktime_get_ns() - t0 < 100 * NSEC_PER_MSEC)
		cpu_relax();
	return jiffies - j0;
}

/*
 * About 100 ms by the TSC should be about HZ / 10 ticks. An emulator
 * whose vCPU thread is starved by a busy host drops PIT ticks (QEMU
 * does not replay them), so a short count is retried, up to three
 * windows: a wrongly programmed PIT is wrong in every window.
 */
static void timer_test_tick_rate(struct kunit *test)
{
	unsigned long ticks = 0, want = HZ / 10;
	int i;

	require_tick(test);
	if (!tsc_khz)
		kunit_skip(test, "no calibrated TSC to compare the tick with");
	KUNIT_ASSERT_TRUE(test, wait_for_tick(jiffies));
	for (i = 0; i < 3; i++) {
		ticks = ticks_in_100ms();
		if (ticks >= want / 2)
			break;
		kunit_info(test, "window %d: %lu ticks for %lu wanted (HZ=%u)",
			   i + 1, ticks, want, HZ);
	}
	KUNIT_EXPECT_GE_MSG(test, ticks, want / 2, "HZ=%u", HZ);
	KUNIT_EXPECT_LE_MSG(test, ticks, want * 2 + 1, "HZ=%u", HZ);
}

static void timer_test_hz(struct kunit *test)
{
	const char *arg = cmdline_get("hz");
	unsigned int want = KMAPLAB_DEFAULT_HZ;

	/*
	 * The last hz= given wins if it was accepted; a rejected one left
	 * an earlier value or the default, which must still be in range.
	 */
	if (arg && (kstrtouint(arg, 10, &want) || want < KMAPLAB_HZ_MIN ||
		    want > KMAPLAB_HZ_MAX))
		want = HZ;
	KUNIT_EXPECT_EQ(test, HZ, want);
	KUNIT_EXPECT_GE(test, HZ, (unsigned int)KMAPLAB_HZ_MIN);
	KUNIT_EXPECT_LE(test, HZ, (unsigned int)KMAPLAB_HZ_MAX);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1000), (unsigned long)HZ);
	KUNIT_EXPECT_EQ(test, jiffies_to_msecs(HZ), 1000U);
	/* Rounds up: a timeout is never shorter than asked. */
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1), 1UL);
	KUNIT_EXPECT_EQ(test, usecs_to_jiffies(1), 1UL);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(0), 0UL);
}

/*
 * Issue 19, defect 3: a timeout too long for jiffies is "infinite"
 * (MAX_JIFFY_OFFSET), as in Linux -- cpu_down_timeout_ms=4294967295 gave
 * up after 1.5 ms when the product wrapped past time_after()'s range.
 */
static void timer_test_msecs_clamp(struct kunit *test)
{
	unsigned long now = jiffies;

	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(UINT_MAX),
			(unsigned long)MAX_JIFFY_OFFSET);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies((unsigned int)INT_MIN),
			(unsigned long)MAX_JIFFY_OFFSET);
	KUNIT_EXPECT_LE(test, msecs_to_jiffies(INT_MAX),
			(unsigned long)MAX_JIFFY_OFFSET);
	KUNIT_EXPECT_LE(test, usecs_to_jiffies(UINT_MAX),
			(unsigned long)MAX_JIFFY_OFFSET);
	/* the longest timeout still lies in the future */
	KUNIT_EXPECT_TRUE(test, time_after(now + msecs_to_jiffies(UINT_MAX), now));
	KUNIT_EXPECT_TRUE(test, time_after(now + msecs_to_jiffies(INT_MAX), now));
}

static void timer_test_time_after_wraps(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, time_after(5UL, ULONG_MAX - 10));
	KUNIT_EXPECT_FALSE(test, time_before(5UL, ULONG_MAX - 10));
	KUNIT_EXPECT_TRUE(test, time_after_eq(7UL, 7UL));
	KUNIT_EXPECT_FALSE(test, time_after(7UL, 7UL));
	KUNIT_EXPECT_TRUE(test, time_before(ULONG_MAX, 0UL));
}

static void timer_test_jiffies_64(struct kunit *test)
{
	u64 j64 = get_jiffies_64();
	unsigned long j = jiffies;

	/* Read back to back: at most a tick or two apart, low words equal-ish. */
	KUNIT_EXPECT_LE(test, j - (unsigned long)j64, 2UL);
	KUNIT_EXPECT_GE(test, get_jiffies_64(), j64);
}

static void timer_test_ktime_monotonic(struct kunit *test)
{
	u64 prev = ktime_get_ns(), now;
	int i;

	KUNIT_EXPECT_GT(test, prev, 0ULL);
	for (i = 0; i < 10000; i++) {
		now = ktime_get_ns();
		if (now < prev) {
			KUNIT_FAIL(test, "ktime went back: %llu then %llu", prev, now);
			return;
		}
		prev = now;
	}
	KUNIT_EXPECT_GE(test, (u64)ktime_to_ns(ktime_get()), prev);
}

static u64 time_delay_ns(void (*delay)(unsigned long), unsigned long arg)
{
	u64 t0 = ktime_get_ns();

	delay(arg);
	return ktime_get_ns() - t0;
}

static void timer_test_udelay(struct kunit *test)
{
	u64 ns;

	if (!tsc_khz)
		kunit_skip(test, "no calibrated TSC");
	ns = time_delay_ns(udelay, 1000);
	KUNIT_EXPECT_GE(test, ns, (u64)NSEC_PER_MSEC);	/* at least; no upper bound: the host decides */
	ns = time_delay_ns(udelay, 10);
	KUNIT_EXPECT_GE(test, ns, 10 * (u64)NSEC_PER_USEC);
}

static void timer_test_mdelay(struct kunit *test)
{
	unsigned long j0;
	int i;
	u64 ns;

	require_tick(test);
	if (!tsc_khz)
		kunit_skip(test, "no calibrated TSC");
	ns = time_delay_ns(mdelay, 20);
	KUNIT_EXPECT_GE(test, ns, 20 * (u64)NSEC_PER_MSEC);
	/*
	 * The tick keeps running during a busy wait (IRQs stay on). How
	 * many ticks fit in 20 ms is up to the host (a loaded one delivers
	 * the emulated timer late), so wait up to a second of mdelay()s for
	 * one: with IRQs off in mdelay() none would ever come.
	 */
	j0 = jiffies;
	for (i = 0; i < 50 && jiffies == j0; i++)
		mdelay(20);
	KUNIT_EXPECT_NE_MSG(test, jiffies, j0, "no tick during %d mdelay(20)s", i);
}

static void timer_test_tsc(struct kunit *test)
{
	if (!boot_cpu_data.has_tsc)
		kunit_skip(test, "CPU without a TSC");
	KUNIT_EXPECT_GT(test, tsc_khz, 0UL);
	/*
	 * Anything from 10 MHz to 100 GHz is a plausible calibration: Bochs
	 * runs its TSC at its instruction rate (ips=, 25 or 100 MHz here).
	 */
	KUNIT_EXPECT_GE(test, tsc_khz, 10000UL);
	KUNIT_EXPECT_LT(test, tsc_khz, 100000000UL);
}

static struct kunit_case timer_test_cases[] = {
	KUNIT_CASE(timer_test_jiffies_advance),
	KUNIT_CASE(timer_test_tick_rate),
	KUNIT_CASE(timer_test_hz),
	KUNIT_CASE(timer_test_time_after_wraps),
	KUNIT_CASE(timer_test_msecs_clamp),
	KUNIT_CASE(timer_test_jiffies_64),
	KUNIT_CASE(timer_test_ktime_monotonic),
	KUNIT_CASE(timer_test_udelay),
	KUNIT_CASE(timer_test_mdelay),
	KUNIT_CASE(timer_test_tsc),
	{}
};

static struct kunit_suite timer_test_suite = {
	.name = "timer",
	.test_cases = timer_test_cases,
};
kunit_test_suite(timer_test_suite);
