// SPDX-License-Identifier: GPL-2.0
/*
 * 10. Misuse of the mapping APIs is named, not silent: each case provokes
 * one mistake and checks the diagnostic (a BUG caught with
 * kunit_catch_oops(), or a report captured from the console).
 *
 * kmaplab-lint: allow kmap kmap_atomic -- provokes misuse of every mapping API, the old ones included
 */
#include "kmap_test_common.h"
#include <linux/delay.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/interrupt.h>
#include <kmaplab/printk.h>
#include <kmaplab/interrupt.h>

static char log[4096];

struct overflow_ctx {
	struct page *page;
	void *addr[KM_MAX_IDX + 1];
	int mapped;
};

static void map_until_bug(void *arg)
{
	struct overflow_ctx *ctx = arg;

	for (;;)
		ctx->addr[ctx->mapped++] = kmap_local_page(ctx->page);
}

/* More nested mappings than slots: a BUG naming the limit. */
static void kmap_local_overflow_is_bug(struct kunit *test)
{
	static struct overflow_ctx ctx;
	struct printk_capture cap;
	const char *oops;

	ctx.page = kt_alloc_highpage(test);
	ctx.mapped = 0;
	printk_capture_start(&cap, log, sizeof(log));
	oops = kunit_catch_oops(test, map_until_bug, &ctx);
	printk_capture_stop(&cap);

	KUNIT_EXPECT_NOT_NULL(test, oops);
	/* The BUG fired on the attempt after the last slot was taken. */
	KUNIT_EXPECT_EQ(test, ctx.mapped - 1, KM_MAX_IDX / KM_INCR);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "nested kmap_local"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "KM_MAX_IDX"));
	/* Nothing was half done: the slots taken are all still good. */
	while (--ctx.mapped > 0)
		kunmap_local(ctx.addr[ctx.mapped - 1]);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 0);
	__free_page(ctx.page);
}

static void unmap_twice(void *arg)
{
	kunmap_local(arg);
	kunmap_local(arg);
}

/* Popping an empty stack: a BUG that says so. */
static void kmap_local_unmap_twice_is_bug(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	struct printk_capture cap;
	const char *oops;

	printk_capture_start(&cap, log, sizeof(log));
	oops = kunit_catch_oops(test, unmap_twice, kmap_local_page(page));
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test, oops);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "holds no kmap_local mapping"));
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	__free_page(page);
}

static void kunmap_unmapped(void *arg)
{
	kunmap(arg);
}

/* kunmap() of a page that kmap() never mapped. */
static void kunmap_unmapped_page_is_bug(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	struct printk_capture cap;
	const char *oops;

	printk_capture_start(&cap, log, sizeof(log));
	oops = kunit_catch_oops(test, kunmap_unmapped, page);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test, oops);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "is not mapped by kmap()"));
	__free_page(page);
}

/* kmap() may sleep: inside kmap_atomic that is reported. */
static void kmap_inside_kmap_atomic_reported(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test), *other = kt_alloc_highpage(test);
	struct printk_capture cap;
	void *a, *k;

	if (!IS_ENABLED(CONFIG_DEBUG_ATOMIC_SLEEP))
		kunit_skip(test, "might_sleep() reports with CONFIG_DEBUG_ATOMIC_SLEEP (the debug build)");

	printk_capture_start(&cap, log, sizeof(log));
	a = kmap_atomic(page);
	k = kmap(other);	/* the pool has room, so it does not really sleep */
	kunmap(other);
	kunmap_atomic(a);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test, k);
	KUNIT_EXPECT_NOT_NULL(test,
		strstr(log, "BUG: sleeping function called from invalid context"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "in_atomic(): 1"));
	__free_page(page);
	__free_page(other);
}

/* msleep() inside kmap_atomic: the same report. */
static void msleep_inside_kmap_atomic_reported(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	struct printk_capture cap;
	void *a;

	printk_capture_start(&cap, log, sizeof(log));
	a = kmap_atomic(page);
	msleep(1);
	kunmap_atomic(a);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test,
		strstr(log, "BUG: sleeping function called from invalid context"));
	__free_page(page);
}

static void *irq_leaked;

static void irq_forgets_unmap(void *arg)
{
	irq_leaked = kmap_local_page(arg);
}

/* An interrupt handler that returns still holding a mapping is named. */
static void irq_returning_with_mapping_warns(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	struct kt_counters before, after;
	struct printk_capture cap;

	kt_counters(&before);
	printk_capture_start(&cap, log, sizeof(log));
	run_in_hardirq(irq_forgets_unmap, page);
	printk_capture_stop(&cap);
	kt_counters(&after);
	KUNIT_EXPECT_EQ(test, after.kmap.irq_unbalanced, before.kmap.irq_unbalanced + 1);
	if (!before.kmap.irq_unbalanced)	/* WARN_ONCE: text the first time */
		KUNIT_EXPECT_NOT_NULL(test, strstr(log, "returned holding 1 kmap_local"));
	/* The mapping landed on this task's stack: release it from here. */
	KUNIT_ASSERT_EQ(test, current->kmap_ctrl.idx, KM_INCR);
	kunmap_local(irq_leaked);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	__free_page(page);
}

/* kunmap_local() of a kmap() address: named (debug build). */
static void kunmap_local_of_kmap_address_warns(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	struct kt_counters before, after;
	struct printk_capture cap;
	void *v;

#ifndef CONFIG_DEBUG_KMAP_LOCAL
	__free_page(page);
	kunit_skip(test, "the address check is in the debug build only");
#endif
	v = kmap(page);
	kt_counters(&before);
	printk_capture_start(&cap, log, sizeof(log));
	kunmap_local(v);		/* wrong: kmap() pairs with kunmap(page) */
	printk_capture_stop(&cap);
	kt_counters(&after);
	KUNIT_EXPECT_EQ(test, after.kmap.unmap_bad_addr, before.kmap.unmap_bad_addr + 1);
	if (!before.kmap.unmap_bad_addr)
		KUNIT_EXPECT_NOT_NULL(test, strstr(log, "a kmap() address"));
	/* Nothing was unmapped: the kmap() mapping still works. */
	KUNIT_EXPECT_TRUE(test, kt_mapped(v));
	kunmap(page);
	__free_page(page);
}

static void copy_past_end(void *arg)
{
	struct page *page = arg;

	memset_page(page, PAGE_SIZE - 8, 0, 16);
}

/* The helpers refuse a range that crosses the end of the page. */
static void helper_range_past_page_end_is_bug(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	const char *oops;

#ifndef CONFIG_DEBUG_VM
	__free_page(page);
	kunit_skip(test, "VM_BUG_ON checks are in the debug build only");
#endif
	oops = kunit_catch_oops(test, copy_past_end, page);
	KUNIT_EXPECT_NOT_NULL(test, oops);
	/*
	 * As in Linux the check follows the map, so the BUG left one mapping
	 * behind, consistent: release it the normal way.
	 */
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, KM_INCR);
	if (current->kmap_ctrl.idx)
		kunmap_local((void *)__fix_to_virt(FIX_KMAP_BEGIN +
						   current->kmap_ctrl.idx - 1));
	__free_page(page);
}

static struct kunit_case kmap_misuse_cases[] = {
	KUNIT_CASE(kmap_local_overflow_is_bug),
	KUNIT_CASE(kmap_local_unmap_twice_is_bug),
	KUNIT_CASE(kunmap_unmapped_page_is_bug),
	KUNIT_CASE(kmap_inside_kmap_atomic_reported),
	KUNIT_CASE(msleep_inside_kmap_atomic_reported),
	KUNIT_CASE(helper_range_past_page_end_is_bug),
	KUNIT_CASE(irq_returning_with_mapping_warns),
	KUNIT_CASE(kunmap_local_of_kmap_address_warns),
	{}
};

static struct kunit_suite kmap_misuse_suite = {
	.name = "kmap_misuse",
	.test_cases = kmap_misuse_cases,
};
kunit_test_suite(kmap_misuse_suite);
