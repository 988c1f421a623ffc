// SPDX-License-Identifier: GPL-2.0
/*
 * kmap_debug suite: the debug build names the kmap_local misuse that
 * would otherwise be a bare page-fault Oops or a misleading report
 * (mm/kmap_slot_debug.c), and kmap() from an interrupt gets its own
 * message. Each case provokes the mistake once, inside a bracket
 * (kunit_catch_oops() or a printk capture), and checks the words.
 *
 * kmaplab-lint: allow kmap kunmap -- provokes kmap() from interrupt context
 */
#include "kmap_test_common.h"
#include <linux/kthread.h>
#include <linux/interrupt.h>
#include <linux/string.h>
#include <kmaplab/kthread.h>
#include <kmaplab/printk.h>
#include <kmaplab/interrupt.h>

static char log[4096];

static void skip_unless_debug(struct kunit *test)
{
#ifndef CONFIG_DEBUG_KMAP_LOCAL
	kunit_skip(test, "the slot records are in the debug build only");
#endif
}

static int exit_holding_two(void *arg)
{
	struct page **pages = arg;

	kmap_local_page(pages[0]);
	kmap_local_page(pages[1]);
	return 0;		/* wrong: exits with both still mapped */
}

/* The exit report counts mappings, not the debug build's doubled slots. */
static void kmap_debug_exit_counts_mappings(struct kunit *test)
{
	struct page *pages[2] = { kt_alloc_highpage(test), kt_alloc_highpage(test) };
	struct printk_capture cap;
	struct task_struct *t;

	printk_capture_start(&cap, log, sizeof(log));
	t = kthread_run_get(exit_holding_two, pages, "kmap-leak");
	if (!IS_ERR(t))
		kthread_join_put(t);
	printk_capture_stop(&cap);
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "exited holding 2 kmap_local mapping(s)"));
	__free_page(pages[0]);
	__free_page(pages[1]);
}

struct double_ctx {
	struct page *pages[2];
	int idx_after;
};

static void unmap_top_twice(void *arg)
{
	struct double_ctx *c = arg;
	void *a = kmap_local_page(c->pages[0]);
	void *b = kmap_local_page(c->pages[1]);

	kunmap_local(b);
	kunmap_local(b);	/* wrong: b is gone, a is still held */
	c->idx_after = current->kmap_ctrl.idx;
	kunmap_local(a);	/* right, and must still work */
}

/*
 * A second kunmap_local() of a slot while another mapping is held is
 * named as such, and does not take the other mapping down.
 */
static void kmap_debug_double_unmap_named(struct kunit *test)
{
	static struct double_ctx c;
	struct printk_capture cap;
	const char *oops;

	skip_unless_debug(test);
	c.pages[0] = kt_alloc_highpage(test);
	c.pages[1] = kt_alloc_highpage(test);
	printk_capture_start(&cap, log, sizeof(log));
	oops = kunit_catch_oops(test, unmap_top_twice, &c);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NULL(test, oops);
	KUNIT_EXPECT_EQ(test, c.idx_after, KM_INCR);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "unmapped twice?"));
	KUNIT_EXPECT_NULL(test, strstr(log, "reverse order"));
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	__free_page(c.pages[0]);
	__free_page(c.pages[1]);
}

struct uaf_ctx {
	struct page *page;
	char comm[TASK_COMM_LEN];
};

static noinline void use_after_unmap(void *arg)
{
	struct uaf_ctx *c = arg;
	u32 *v = kmap_local_page(c->page);

	strscpy(c->comm, current->comm, sizeof(c->comm));
	kunmap_local(v);
	(void)READ_ONCE(*v);	/* wrong: the slot is empty now */
}

/* A use after kunmap_local(): the fault names slot, task, pfn, where. */
static void kmap_debug_use_after_unmap_named(struct kunit *test)
{
	static struct uaf_ctx c;
	struct printk_capture cap;
	char want[64];
	const char *oops;

	skip_unless_debug(test);
	c.page = kt_alloc_highpage(test);
	printk_capture_start(&cap, log, sizeof(log));
	oops = kunit_catch_oops(test, use_after_unmap, &c);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test, oops);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "a use after kunmap_local()"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "unmapped at use_after_unmap+"));
	snprintf(want, sizeof(want), "pfn %#lx, last held by task '%s'",
		 page_to_pfn(c.page), c.comm);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(log, want), "want \"%s\"", want);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	__free_page(c.page);
}

static void read_past_end(void *arg)
{
	u8 *v = kmap_local_page(arg);

	(void)READ_ONCE(v[PAGE_SIZE]);	/* wrong: one byte past the page */
}

/* Running off the end of a mapping hits a guard slot, named as one. */
static void kmap_debug_guard_slot_named(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	struct printk_capture cap;
	const char *oops;

	skip_unless_debug(test);
	printk_capture_start(&cap, log, sizeof(log));
	oops = kunit_catch_oops(test, read_past_end, page);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test, oops);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "ran off the end of the mapping in slot"));
	/* the oops left the mapping held, consistent: release it */
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, KM_INCR);
	if (current->kmap_ctrl.idx)
		kunmap_local((void *)__fix_to_virt(FIX_KMAP_BEGIN +
						   current->kmap_ctrl.idx - 1));
	__free_page(page);
}

static void kmap_in_irq(void *arg)
{
	kmap(arg);	/* wrong: kmap() may sleep */
	kunmap(arg);
}

/* kmap() from an interrupt handler: its own message, not only might_sleep's. */
static void kmap_debug_kmap_from_irq_named(struct kunit *test)
{
	/* a lowmem page: kmap() returns its address, the pool is untouched */
	struct page *page = alloc_page(GFP_KERNEL);
	struct printk_capture cap;

	KUNIT_ASSERT_NOT_NULL(test, page);
	printk_capture_start(&cap, log, sizeof(log));
	run_in_hardirq(kmap_in_irq, page);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "kmap() from interrupt context (hardirq)"));
	__free_page(page);
}

static struct kunit_case kmap_debug_cases[] = {
	KUNIT_CASE(kmap_debug_exit_counts_mappings),
	KUNIT_CASE(kmap_debug_double_unmap_named),
	KUNIT_CASE(kmap_debug_use_after_unmap_named),
	KUNIT_CASE(kmap_debug_guard_slot_named),
	KUNIT_CASE(kmap_debug_kmap_from_irq_named),
	{}
};

static struct kunit_suite kmap_debug_suite = {
	.name = "kmap_debug",
	.test_cases = kmap_debug_cases,
};
kunit_test_suite(kmap_debug_suite);
