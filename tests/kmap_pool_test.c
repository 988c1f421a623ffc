// SPDX-License-Identifier: GPL-2.0
/*
 * 7. kmap()'s global pool: shared slots with refcounts, lazy unmapping
 * with exactly one global TLB flush per wrap, and sleeping when full.
 *
 * kmaplab-lint: allow kmap -- tests kmap()'s global pkmap pool
 */
#include "kmap_test_common.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>

#define NPAGES (LAST_PKMAP + 64)

static struct page *pages[NPAGES];
static int npages;

static int pool_init(struct kunit *test)
{
	npages = kt_alloc_highpages(pages, NPAGES);
	return 0;
}

static void pool_exit(struct kunit *test)
{
	kt_free_highpages(pages, &npages);
}

static void need_pages(struct kunit *test)
{
	if (npages < NPAGES)
		kunit_skip(test, "needs %d free highmem pages, got %d (boot with lowmem=)",
			   NPAGES, npages);
}

/* The same page twice: one slot, one address, two users. */
static void kmap_same_page_same_address(struct kunit *test)
{
	struct kt_counters before, after;
	void *a, *b;
	int used;

	need_pages(test);
	kmap_flush_unused();	/* pages[0] must not linger in the pool */
	used = pkmap_slots_in_use();
	kt_counters(&before);
	a = kmap(pages[0]);
	b = kmap(pages[0]);
	kt_counters(&after);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
	KUNIT_EXPECT_PTR_EQ(test, page_address(pages[0]), a);
	KUNIT_EXPECT_PTR_EQ(test, kmap_to_page(a), pages[0]);
	KUNIT_EXPECT_EQ(test, after.kmap.pkmap_hit, before.kmap.pkmap_hit + 1);
	KUNIT_EXPECT_EQ(test, pkmap_slots_in_use(), used + 1);
	kunmap(pages[0]);
	KUNIT_EXPECT_EQ(test, pkmap_slots_in_use(), used + 1);
	kunmap(pages[0]);
	KUNIT_EXPECT_EQ(test, pkmap_slots_in_use(), used);
	/* Lazy: unused, but still mapped until the pool wraps. */
	KUNIT_EXPECT_PTR_EQ(test, page_address(pages[0]), a);
	KUNIT_EXPECT_TRUE(test, kt_mapped(a));
	kmap_flush_unused();
	KUNIT_EXPECT_NULL(test, page_address(pages[0]));
	KUNIT_EXPECT_FALSE(test, kt_mapped(a));
}

static void map_unmap(struct page *p)
{
	kmap(p);
	kunmap(p);
}

/* 512 distinct kmap/kunmap, then one more: exactly one global flush. */
static void kmap_pool_wrap_flushes_once(struct kunit *test)
{
	struct kt_counters before, mid, after;
	int i, j;

	need_pages(test);
	/* First get to a known position: just after a wrap. */
	kmap_flush_unused();
	for (j = 0; j <= LAST_PKMAP; j++) {
		kt_counters(&before);
		map_unmap(pages[j]);
		kt_counters(&after);
		if (after.kmap.pkmap_wraps != before.kmap.pkmap_wraps)
			break;
	}
	KUNIT_ASSERT_LE(test, j, LAST_PKMAP);

	/* Slot 0 holds pages[j]; slots 1..511 are free: no wrap yet. */
	kt_counters(&before);
	for (i = 1; i < LAST_PKMAP; i++)
		map_unmap(pages[(j + i) % NPAGES]);
	kt_counters(&mid);
	KUNIT_EXPECT_EQ(test, mid.kmap.pkmap_map, before.kmap.pkmap_map + LAST_PKMAP - 1);
	KUNIT_EXPECT_EQ(test, mid.flush_all, before.flush_all);
	KUNIT_EXPECT_EQ(test, mid.kmap.pkmap_wraps, before.kmap.pkmap_wraps);

	/* 512 pages now sit unused in the pool; one more wraps it. */
	map_unmap(pages[(j + LAST_PKMAP) % NPAGES]);
	kt_counters(&after);
	KUNIT_EXPECT_EQ(test, after.kmap.pkmap_wraps, mid.kmap.pkmap_wraps + 1);
	KUNIT_EXPECT_EQ(test, after.flush_all, mid.flush_all + 1);
	/* The reclaimed pages lost their addresses. */
	KUNIT_EXPECT_NULL(test, page_address(pages[(j + 1) % NPAGES]));
}

struct waiter_ctx {
	struct page *page;
	int bad;
	bool mapped;
	struct completion done;
};

static int kmap_waiter(void *arg)
{
	struct waiter_ctx *c = arg;
	void *v = kmap(c->page);	/* sleeps: the pool is full */

	WRITE_ONCE(c->mapped, true);
	kt_fill(v, 77);
	c->bad = kt_check(v, 77);
	kunmap(c->page);
	complete(&c->done);
	return 0;
}

/* All 512 slots held: the next kmap() sleeps until a kunmap(). */
static void kmap_full_pool_sleeps(struct kunit *test)
{
	static struct waiter_ctx c;
	struct kt_counters before, after;
	int i;

	need_pages(test);
	kmap_flush_unused();	/* no page of ours lingers in the pool */
	KUNIT_ASSERT_EQ(test, pkmap_slots_in_use(), 0);
	for (i = 0; i < LAST_PKMAP; i++)
		kmap(pages[i]);
	KUNIT_EXPECT_EQ(test, pkmap_slots_in_use(), LAST_PKMAP);

	memset(&c, 0, sizeof(c));
	c.page = pages[LAST_PKMAP];
	c.bad = -2;
	init_completion(&c.done);
	kt_counters(&before);
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(kmap_waiter, &c, "kt-kmap-wait")));
	msleep(50);
	kt_counters(&after);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(c.mapped));
	KUNIT_EXPECT_EQ(test, after.kmap.pkmap_sleeps, before.kmap.pkmap_sleeps + 1);

	kunmap(pages[7]);		/* one slot becomes reclaimable */
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&c.done, 10 * HZ), 0UL);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(c.mapped));
	KUNIT_EXPECT_EQ(test, c.bad, -1);
	for (i = 0; i < LAST_PKMAP; i++)
		if (i != 7)
			kunmap(pages[i]);
	KUNIT_EXPECT_EQ(test, pkmap_slots_in_use(), 0);
}

static struct kunit_case kmap_pool_cases[] = {
	KUNIT_CASE(kmap_same_page_same_address),
	KUNIT_CASE(kmap_pool_wrap_flushes_once),
	KUNIT_CASE(kmap_full_pool_sleeps),
	{}
};

static struct kunit_suite kmap_pool_suite = {
	.name = "kmap_pool",
	.init = pool_init,
	.exit = pool_exit,
	.test_cases = kmap_pool_cases,
};
kunit_test_suite(kmap_pool_suite);
