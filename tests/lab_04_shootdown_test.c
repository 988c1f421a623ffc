// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 04 (docs/labs/04-shootdown.md): the SMP shootdown.
 *
 * A kernel mapping is global: every CPU may cache it. Changing it
 * therefore means flushing every CPU's TLB, which only an IPI can ask
 * for -- flush_everywhere() in arch/x86/mm/tlb.c. The cases run a reader
 * on CPU 1 while CPU 0 changes the mapping (make lab-test boots 2 CPUs).
 *
 * kmaplab-lint: allow kmap kunmap -- kmap()'s pool is what needs shootdowns
 */
#include "kmap_test_common.h"
#include "smp_test_common.h"
#include <linux/kthread.h>
#include <linux/delay.h>

struct lab4_reader {
	volatile u32 *addr;
	volatile bool cached, look, done;
	bool mapped;
	u32 seen;
};

/* On CPU 1: read until the TLB holds the address, wait, look again. */
static int lab4_reader_fn(void *data)
{
	struct lab4_reader *r = data;
	u32 sum = 0;
	int i;

	for (i = 0; i < 10000; i++)
		sum += *r->addr;
	r->cached = true;
	while (!READ_ONCE(r->look))
		cpu_relax();
	r->mapped = kt_mapped((const void *)r->addr);
	if (r->mapped)
		r->seen = *r->addr;
	(void)sum;
	r->done = true;
	return 0;
}

/*
 * CPU 1 caches page's kmap() address; CPU 0 drops it and has the pool
 * reclaim it (one flush of the whole pool). Returns whether CPU 1 can
 * still read through the address afterwards.
 */
static bool lab4_stale_on_cpu1(struct kunit *test, struct page *page, u32 *seen)
{
	static struct lab4_reader r;
	struct task_struct *t;
	u32 *v;

	memset(&r, 0, sizeof(r));
	kmap_flush_unused();
	v = kmap(page);
	*v = 0x5eed1234;
	r.addr = v;
	t = kthread_run_on_cpu(lab4_reader_fn, &r, 1, "lab4-reader/%u");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	while (!READ_ONCE(r.cached))
		msleep(1);
	kunmap(page);
	kmap_flush_unused();	/* PTE cleared, TLBs flushed */
	KUNIT_EXPECT_FALSE(test, kt_mapped(v));		/* this CPU: gone */
	r.look = true;
	while (!READ_ONCE(r.done))
		msleep(1);
	*seen = r.seen;
	return r.mapped;
}

/* After the flush, CPU 1 must not reach the page through the old address. */
static void lab4_other_cpu_forgets(struct kunit *test)
{
	struct page *page;
	u32 seen = 0;
	bool stale;

	need_cpus(test, 2);
	page = kt_alloc_highpage(test);
	stale = lab4_stale_on_cpu1(test, page, &seen);
	KUNIT_EXPECT_FALSE_MSG(test, stale, "CPU 1 still read %#x through the unmapped "
			       "address: its TLB entry was never flushed", seen);
	__free_page(page);
}

static unsigned long lab4_sum(size_t off)
{
	unsigned long n = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		n += *(unsigned long *)((char *)&per_cpu(tlb_stats, cpu) + off);
	return n;
}

#define LAB4_SUM(field) lab4_sum(offsetof(struct tlb_stats, field))

/* One shootdown: one IPI per other CPU, each one taken; one full flush. */
static void lab4_counts(struct kunit *test)
{
	unsigned long sd, sent, recv, all;
	unsigned int others = num_online_cpus() - 1;

	need_cpus(test, 2);
	sd = LAB4_SUM(shootdowns);
	sent = LAB4_SUM(shootdown_sent);
	recv = LAB4_SUM(shootdown_received);
	all = LAB4_SUM(flush_all);
	flush_tlb_all();
	KUNIT_EXPECT_EQ_MSG(test, LAB4_SUM(shootdowns) - sd, 1UL, "shootdowns sent");
	KUNIT_EXPECT_EQ_MSG(test, LAB4_SUM(shootdown_sent) - sent, (unsigned long)others,
			    "flush IPIs sent");
	/*
	 * At least: a receiver counts before it acks, but under host load
	 * tcg-smp4 once saw one receive more than was sent (not yet traced
	 * down); the sends above are the exact check.
	 */
	KUNIT_EXPECT_GE_MSG(test, LAB4_SUM(shootdown_received) - recv, (unsigned long)others,
			    "flush IPIs taken by the other CPUs");
	KUNIT_EXPECT_EQ_MSG(test, LAB4_SUM(flush_all) - all, 1UL,
			    "full flushes counted (by the CPU that asked)");
}

/* tlb.shootdown=0 (the monitor's "tlbdemo" uses it): local only, counted. */
static void lab4_switch_off(struct kunit *test)
{
	bool saved = tlb_shootdown_enabled;
	unsigned long skipped, recv;
	struct page *page;
	u32 seen = 0;
	bool stale;

	need_cpus(test, 2);
	skipped = LAB4_SUM(shootdown_skipped);
	recv = LAB4_SUM(shootdown_received);
	tlb_shootdown_enabled = false;
	flush_tlb_all();
	tlb_shootdown_enabled = saved;
	KUNIT_EXPECT_EQ_MSG(test, LAB4_SUM(shootdown_skipped) - skipped, 1UL,
			    "flushes kept local because shootdowns are off");
	KUNIT_EXPECT_EQ(test, LAB4_SUM(shootdown_received), recv);

	/* And the stale entry it leaves, seen from CPU 1. */
	page = kt_alloc_highpage(test);
	tlb_shootdown_enabled = false;
	stale = lab4_stale_on_cpu1(test, page, &seen);
	tlb_shootdown_enabled = saved;
	kunit_info(test, "shootdowns off: CPU 1 %s\n", stale ?
		   "still reads the page through the unmapped address" :
		   "happened to drop its entry anyway");
	__free_page(page);
}

static struct kunit_case lab4_cases[] = {
	KUNIT_CASE(lab4_other_cpu_forgets),
	KUNIT_CASE(lab4_counts),
	KUNIT_CASE(lab4_switch_off),
	{}
};

static struct kunit_suite lab4_suite = {
	.name = "lab_04_shootdown",
	.test_cases = lab4_cases,
};
kunit_test_suite(lab4_suite);
