// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 02 (docs/labs/02-unmap-order.md): kunmap_local()'s order check.
 *
 * kmap_local mappings are a stack; unmapping anything but the most
 * recent one is a bug that kunmap_local_indexed() in mm/highmem.c must
 * report: count it in kmap_stats.unmap_order_errors and WARN_ONCE naming
 * both addresses. `make lab-reset LAB=02` removes that check; this suite
 * fails until it is written back.
 */
#include "kmap_test_common.h"
#include <linux/printk.h>
#include <kmaplab/printk.h>

struct lab2_pages {
	struct page *a, *b;
};

static void lab2_get(struct kunit *test, struct lab2_pages *p)
{
	p->a = kt_alloc_highpage(test);
	p->b = alloc_page(GFP_HIGHUSER);
	if (!p->b || !PageHighMem(p->b)) {
		if (p->b)
			__free_page(p->b);
		__free_page(p->a);
		kunit_skip(test, "need two highmem pages (boot with lowmem=32M)");
	}
}

static void lab2_put(struct lab2_pages *p)
{
	__free_page(p->a);
	__free_page(p->b);
}

/* The right order is not an error. */
static void lab2_lifo_is_quiet(struct kunit *test)
{
	struct kt_counters before, after;
	struct lab2_pages p;
	u8 *va, *vb;

	lab2_get(test, &p);
	kt_counters(&before);
	va = kmap_local_page(p.a);
	vb = kmap_local_page(p.b);
	kunmap_local(vb + 100);		/* any address inside the page will do */
	kunmap_local(va);
	kt_counters(&after);
	KUNIT_EXPECT_EQ(test, after.kmap.unmap_order_errors,
			before.kmap.unmap_order_errors);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	lab2_put(&p);
}

/* Each wrong unmap is counted, and the first one of the boot is named. */
static void lab2_wrong_order_is_counted(struct kunit *test)
{
	struct kt_counters before, after;
	struct printk_capture cap;
	static char log[2048];
	struct lab2_pages p;
	char want[64];
	void *va, *vb;

	lab2_get(test, &p);
	kt_counters(&before);
	va = kmap_local_page(p.a);
	vb = kmap_local_page(p.b);
	printk_capture_start(&cap, log, sizeof(log));
	kunmap_local(va);		/* wrong: vb is the most recent */
	printk_capture_stop(&cap);
	kt_counters(&after);
	KUNIT_EXPECT_EQ(test, after.kmap.unmap_order_errors,
			before.kmap.unmap_order_errors + 1);
	if (before.kmap.unmap_order_errors == 0) {
		/* WARN_ONCE: only the first misuse of a boot prints. */
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(log, "WARNING"),
					  "want a WARNING; printed: \"%s\"", log);
		snprintf(want, sizeof(want), "%08lx", (unsigned long)va);
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(log, want),
					  "want the unmapped address %s; printed: \"%s\"",
					  want, log);
		snprintf(want, sizeof(want), "%08lx", (unsigned long)vb);
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(log, want),
					  "want the most recent mapping %s; printed: \"%s\"",
					  want, log);
	}
	kunmap_local(vb);		/* wrong again: va is on top now */
	kt_counters(&after);
	KUNIT_EXPECT_EQ(test, after.kmap.unmap_order_errors,
			before.kmap.unmap_order_errors + 2);
	lab2_put(&p);
}

/* Reporting must not break the stack: two maps, two unmaps, nothing left. */
static void lab2_stack_stays_sound(struct kunit *test)
{
	struct lab2_pages p;
	void *va, *vb;

	lab2_get(test, &p);
	va = kmap_local_page(p.a);
	vb = kmap_local_page(p.b);
	kunmap_local(va);
	kunmap_local(vb);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 0);
	KUNIT_EXPECT_FALSE(test, kt_mapped(va));
	KUNIT_EXPECT_FALSE(test, kt_mapped(vb));
	lab2_put(&p);
}

static struct kunit_case lab2_cases[] = {
	KUNIT_CASE(lab2_lifo_is_quiet),
	KUNIT_CASE(lab2_wrong_order_is_counted),
	KUNIT_CASE(lab2_stack_stays_sound),
	{}
};

static struct kunit_suite lab2_suite = {
	.name = "lab_02_unmap_order",
	.test_cases = lab2_cases,
};
kunit_test_suite(lab2_suite);
