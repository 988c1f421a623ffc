// SPDX-License-Identifier: GPL-2.0
/*
 * Time: the PIT drives jiffies (IRQ 0 at HZ, CPU 0 only); the
 * scheduler tick on every CPU is its local APIC timer, calibrated
 * against the PIT (arch/x86/kernel/apic.c; lapic_timer=0: the PIT's). The TSC, once
 * calibrated against that tick, gives nanoseconds (ktime_get_ns) and the
 * busy waits (udelay). Under QEMU's -icount the TSC counts instructions,
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
 * Count TSC cycles across a whole number of ticks, starting on a tick
 * edge so the window is exact to within the interrupt latency.
 */
static unsigned long tsc_window_khz(unsigned long ticks, u64 *end)
{
	unsigned long start = jiffies;
	u64 t0;

	while (jiffies == start)
		cpu_relax();
	t0 = rdtsc();
	start = jiffies;
	while (jiffies - start < ticks)
		cpu_relax();
	*end = rdtsc();
	return (unsigned long)div_u64((*end - t0) * HZ, ticks * 1000);
}

/*
 * The median of five windows of about 20 ms: under an emulator on a busy
 * host one window can be stretched or squeezed (a timer interrupt
 * delivered late); the median ignores such a window.
 */
void tsc_calibrate(void)
{
	unsigned long khz[5], ticks = max(1U, HZ / 50);
	int i, j;
	u64 t1;

	if (!boot_cpu_data.has_tsc) {
		pr_warn("time: no TSC; udelay and ktime use jiffies\n");
		return;
	}
	for (i = 0; i < 5; i++) {
		khz[i] = tsc_window_khz(ticks, &t1);
		for (j = i; j > 0 && khz[j - 1] > khz[j]; j--)
			swap(khz[j - 1], khz[j]);
	}
	tsc_khz = max(1UL, khz[2]);
	ns_mult = (u32)div_u64((u64)1000000 << NS_SHIFT, tsc_khz);
	/* ktime counts from boot: back-date the base by the ticks so far. */
	tsc_base = t1 - div_u64((u64)jiffies * tsc_khz * 1000, HZ);
	pr_info("tsc: calibrated against the PIT: %lu.%03lu MHz (windows %lu..%lu kHz)\n",
		tsc_khz / 1000, tsc_khz % 1000, khz[0], khz[4]);
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
