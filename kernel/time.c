// SPDX-License-Identifier: GPL-2.0
/*
 * Time: the PIT drives jiffies (IRQ 0 at HZ, CPU 0 only); the
 * scheduler tick on every CPU is its local APIC timer, calibrated
 * against the PIT (arch/x86/kernel/apic.c; lapic_timer=0: the PIT's).
 * The TSC, calibrated against a one-shot count of the PIT's channel 2,
 * gives nanoseconds (ktime_get_ns) and the busy waits (udelay). Under QEMU's -icount the TSC counts instructions,
 * which the benchmarks rely on; wall-clock figures are then meaningless.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/math64.h>
#include <asm/io.h>
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/apic.h>
#include <kmaplab/params.h>
#include <kmaplab/kunit.h>

#define PIT_FREQ 1193182
#define PIT_CH0 0x40
#define PIT_CMD 0x43

unsigned int kmaplab_hz = KMAPLAB_DEFAULT_HZ;
volatile unsigned long jiffies = INITIAL_JIFFIES;
static volatile u64 jiffies_64;
/*
 * jiffies_64 is two 32-bit words, written by CPU 0's timer interrupt and
 * read from any CPU: a sequence count (odd while an update is under way)
 * lets a reader detect a torn read and retry, as Linux's jiffies_lock.
 */
static volatile unsigned int jiffies_seq;
unsigned long tsc_khz;
static u64 tsc_base;		/* TSC at calibration: ktime 0 is boot */
static u32 ns_mult;		/* ns = cycles * ns_mult >> NS_SHIFT */
#define NS_SHIFT 22

/*
 * For tests: when set, called from the timer interrupt on every tick, in
 * hard-IRQ context (the kmap torture test maps pages from here).
 */
void (*timer_tick_hook)(void);

static int __init hz_setup(char *str)
{
	unsigned int hz;

	/*
	 * Linux's range of HZ, 100 to 1000: a jiffy is never shorter than
	 * a millisecond (msecs_to_jiffies(1) == 1, as in every Linux build)
	 * nor longer than the 10 ms the scheduler tests' waits allow for.
	 */
	if (kstrtouint(str, 10, &hz) || hz < KMAPLAB_HZ_MIN || hz > KMAPLAB_HZ_MAX) {
		setup_kept("hz=%u (%u..%u)", kmaplab_hz,
			   KMAPLAB_HZ_MIN, KMAPLAB_HZ_MAX);
		return 0;
	}
	kmaplab_hz = hz;
	return 1;
}
__setup("hz=", hz_setup);

u64 get_jiffies_64(void)
{
	unsigned int seq;
	u64 j;

	do {
		seq = jiffies_seq;
		smp_rmb();
		j = jiffies_64;
		smp_rmb();
	} while ((seq & 1) || seq != jiffies_seq);
	return j;
}

static irqreturn_t timer_interrupt(int irq, void *dev)
{
	jiffies_seq++;
	smp_wmb();
	jiffies_64++;
	smp_wmb();
	jiffies_seq++;
	jiffies++;
	if (timer_tick_hook)
		timer_tick_hook();
	/* With the LAPIC timer on, each CPU's own timer calls it. */
	if (!lapic_timer_on)
		scheduler_tick();
	return IRQ_HANDLED;
}

void time_init(void)
{
	unsigned int div = (PIT_FREQ + HZ / 2) / HZ;

	outb(0x34, PIT_CMD);		/* channel 0, lo/hi byte, rate generator */
	outb(div & 0xff, PIT_CH0);
	outb(div >> 8, PIT_CH0);
	request_irq(0, timer_interrupt, 0, "timer", NULL);
	pr_info("time: PIT at %u Hz (divisor %u)\n", HZ, div);
}

/*
 * One window: PIT channel 2 counts down once (mode 0) for about 20 ms,
 * and we count TSC cycles until its output goes high. This is Linux's
 * pit_calibrate_tsc(). Counting timer interrupts instead is not safe
 * under an emulator on a busy host: QEMU drops PIT ticks that fall due
 * while its vCPU thread is not running, and one lost tick makes the
 * TSC look twice as fast. The one-shot's output is computed from the
 * clock when it is read, so nothing is lost; a window whose start or end
 * we saw late (our vCPU was descheduled just then) is not clean.
 */
#define PIT_CH2 0x42
#define PIT_GATE 0x61			/* bit 0: ch2 gate, 1: speaker, 5: ch2 out */
#define CAL_LATCH (PIT_FREQ / 50)	/* 20 ms */

static unsigned long tsc_pit_window_khz(u64 *end, bool *clean)
{
	u64 before, t0, last, now;

	outb((inb(PIT_GATE) & ~0x02) | 0x01, PIT_GATE);	/* gate on, speaker off */
	outb(0xb0, PIT_CMD);		/* channel 2, lo/hi byte, mode 0 */
	outb(CAL_LATCH & 0xff, PIT_CH2);
	before = rdtsc();
	outb(CAL_LATCH >> 8, PIT_CH2);	/* counting starts here */
	t0 = rdtsc();
	/* The count ran out after the last read that saw it running began. */
	for (last = t0;; last = now) {
		now = rdtsc();
		if (inb(PIT_GATE) & 0x20)
			break;
	}
	*end = rdtsc();
	/*
	 * A long pause in the middle does no harm: the TSC and the PIT both
	 * went on counting. Only the ends matter: the count started between
	 * before and t0, and ran out between last and end. Each interval must
	 * be under 1/64 of the window.
	 */
	*clean = t0 - before <= (*end - t0) / 64 &&
		 *end - last <= (*end - t0) / 64;
	return (unsigned long)div_u64((*end - t0) * (PIT_FREQ / 1000),
				      CAL_LATCH);
}

/*
 * An engine without a working channel 2 (its output never rises) would
 * hang the loop above: a short check rules that out first.
 */
static bool pit_ch2_works(void)
{
	unsigned long i;

	outb((inb(PIT_GATE) & ~0x02) | 0x01, PIT_GATE);
	outb(0xb0, PIT_CMD);
	outb(1, PIT_CH2);		/* a count of 1: out rises at once */
	outb(0, PIT_CH2);
	for (i = 0; i < 1000000; i++)
		if (inb(PIT_GATE) & 0x20)
			return true;
	return false;
}

static void sort_insert(unsigned long *v, int n)
{
	for (; n > 0 && v[n - 1] > v[n]; n--)
		swap(v[n - 1], v[n]);
}

/*
 * The median of five clean windows (of fewer, if 50 tries give fewer);
 * on a host so busy that none is clean, of the last five windows.
 */
void tsc_calibrate(void)
{
	unsigned long khz[5], raw[5], w;
	int n = 0, tries = 0;
	bool clean;
	u64 t1;

	if (!boot_cpu_data.has_tsc) {
		pr_warn("time: no TSC; udelay and ktime use jiffies\n");
		return;
	}
	if (!pit_ch2_works()) {
		pr_warn("time: PIT channel 2 does not count; no TSC clock\n");
		return;
	}
	while (n < 5 && tries < 50) {
		w = tsc_pit_window_khz(&t1, &clean);
		raw[tries++ % 5] = w;
		if (clean) {
			khz[n] = w;
			sort_insert(khz, n++);
		}
	}
	if (!n) {
		pr_warn("time: no clean TSC window in 50 (a busy host): the median of the last five\n");
		for (n = 0; n < 5; n++) {
			khz[n] = raw[n];
			sort_insert(khz, n);
		}
	}
	tsc_khz = max(1UL, khz[n / 2]);
	ns_mult = (u32)div_u64((u64)1000000 << NS_SHIFT, tsc_khz);
	/* ktime counts from boot: back-date the base by the ticks so far. */
	tsc_base = t1 - div_u64((u64)jiffies * tsc_khz * 1000, HZ);
	pr_info("tsc: calibrated against the PIT: %lu.%03lu MHz (windows %lu..%lu kHz, %d thrown away)\n",
		tsc_khz / 1000, tsc_khz % 1000, khz[0], khz[n - 1], tries - n);
}

u64 ktime_get_ns(void)
{
	if (!tsc_khz)
		return div_u64(get_jiffies_64() * NSEC_PER_SEC, HZ);
	return mul_u64_u32_shr(rdtsc() - tsc_base, ns_mult, NS_SHIFT);
}

u64 local_clock(void)
{
	return ktime_get_ns();
}

static void tsc_delay(u64 cycles)
{
	u64 start = rdtsc();

	while (rdtsc() - start < cycles)
		cpu_relax();
}

void udelay(unsigned long usecs)
{
	unsigned long end;

	if (tsc_khz) {
		tsc_delay(div_u64((u64)usecs * tsc_khz + 999, 1000));
		return;
	}
	/* Before calibration: whole ticks, rounded up. */
	end = jiffies + usecs_to_jiffies(usecs) + 1;
	while (time_before(jiffies, end))
		cpu_relax();
}

void ndelay(unsigned long nsecs)
{
	udelay(DIV_ROUND_UP(nsecs, 1000));
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
