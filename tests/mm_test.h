/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_MM_TEST_H
#define _TESTS_MM_TEST_H

/*
 * Helpers shared by the mm_* suites: catching an expected WARN and its
 * text, getting a highmem page (or skipping), and holding on to many
 * pages at once (chained through page->lru, which the owner may use).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/printk.h>
#include <kunit/test.h>
#include <kmaplab/printk.h>
#include <kmaplab/bug.h>

struct mm_warn_check {
	struct printk_capture cap;
	unsigned long warns;
};

static char mm_warn_buf[2048] __maybe_unused;

static inline void mm_warn_begin(struct mm_warn_check *w)
{
	w->warns = warn_count;
	printk_capture_start(&w->cap, mm_warn_buf, sizeof(mm_warn_buf));
}

/* Exactly one WARN since mm_warn_begin(), and its text contains needle. */
#define mm_warn_end(test, w, needle) do {					\
	printk_capture_stop(&(w)->cap);						\
	KUNIT_EXPECT_EQ(test, warn_count, (w)->warns + 1);			\
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(mm_warn_buf, needle),		\
				  "expected \"%s\" in the warning", needle);	\
} while (0)

/* A free highmem page, or the case is skipped. */
static inline struct page *mm_alloc_highpage(struct kunit *test, gfp_t extra)
{
	struct page *page;

	if (!nr_free_highpages())
		kunit_skip(test, "no free highmem (boot with lowmem=32M or more RAM)");
	page = alloc_page(GFP_HIGHUSER | extra);
	KUNIT_ASSERT_NOT_NULL(test, page);
	if (!PageHighMem(page)) {
		__free_page(page);
		KUNIT_FAIL(test, "GFP_HIGHUSER gave a lowmem page with highmem free");
		return NULL;
	}
	return page;
}

/* Take blocks of 'order' until the allocator says no; return how many. */
static inline unsigned long mm_grab_all(struct list_head *held, gfp_t gfp,
					unsigned int order)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
		list_add(&page->lru, held);
		n++;
	}
	return n;
}

/* Give back everything mm_grab_all() took (orders in PG_head's field). */
static inline void mm_release_all(struct list_head *held)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, held, lru) {
		list_del(&page->lru);
		put_page(page);
	}
}

#endif /* _TESTS_MM_TEST_H */
