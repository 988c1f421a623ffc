// SPDX-License-Identifier: GPL-2.0
/*
 * mm_alloc: the buddy page allocator. Every order; running out (NULL,
 * no panic) and getting it all back; a freed page being the next one
 * handed out; which zone the GFP flags lead to; __GFP_ZERO in both
 * zones; and misuse -- double free, freeing what was never allocated,
 * the wrong order -- named by a WARN without disturbing the allocator.
 */
#include <linux/vmalloc.h>
#include <linux/preempt.h>
#include "mm_test.h"
#include "../mm/internal.h"

static void mm_alloc_every_order(struct kunit *test)
{
	unsigned long before = nr_free_pages();
	unsigned int order;

	for (order = 0; order <= MAX_PAGE_ORDER; order++) {
		bool have = false;
		struct page *page;
		unsigned long pfn;
		unsigned int o;

		/* A small lowmem= may leave no block this big: then NULL it is. */
		for (o = order; o <= MAX_PAGE_ORDER; o++)
			have |= zones[ZONE_NORMAL].free_area[o].nr_free != 0;
		page = alloc_pages(GFP_KERNEL | (have ? 0 : __GFP_NOWARN), order);
		if (!have) {
			KUNIT_EXPECT_NULL_MSG(test, page, "order %u", order);
			continue;
		}
		KUNIT_ASSERT_NOT_NULL_MSG(test, page, "order %u", order);
		pfn = page_to_pfn(page);
		/* Buddy blocks are naturally aligned. */
		KUNIT_EXPECT_EQ_MSG(test, pfn & ((1UL << order) - 1), 0UL, "order %u", order);
		KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
		KUNIT_EXPECT_FALSE(test, PageHighMem(page));
		KUNIT_EXPECT_EQ(test, nr_free_pages(), before - (1UL << order));
		/* The whole block is usable memory. */
		memset(page_address(page), 0x5a, PAGE_SIZE << order);
		__free_pages(page, order);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
	}
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_PAGE_ORDER + 1));
}

/* All of lowmem taken: NULL, not a panic; one page back is the next out. */
static void mm_alloc_exhaust_lowmem(struct kunit *test)
{
	unsigned long before, high_before;
	unsigned long n;
	struct page *page, *again;
	LIST_HEAD(held);
	unsigned int order;

	/*
	 * No other task may run while memory is gone (a dying kthread
	 * freeing its stack would make the counts move under us).
	 */
	preempt_disable();
	before = nr_free_pages();
	high_before = nr_free_highpages();
	for (order = MAX_PAGE_ORDER + 1; order-- > 0;)
		mm_grab_all(&held, GFP_KERNEL, order);
	KUNIT_EXPECT_EQ(test, nr_free_buffer_pages(), 0UL);
	KUNIT_EXPECT_NULL(test, alloc_page(GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_NULL(test, (void *)__get_free_page(GFP_KERNEL | __GFP_NOWARN));
	/* GFP_KERNEL never touches highmem, however empty lowmem is. */
	KUNIT_EXPECT_EQ(test, nr_free_highpages(), high_before);

	/* Freed memory is reused: the one free page is the next one out. */
	page = list_first_entry(&held, struct page, lru);
	list_del(&page->lru);
	n = PAGE_FIELD_GET(page, PAGE_ORDER);
	put_page(page);
	again = alloc_pages(GFP_KERNEL | __GFP_NOWARN, n);
	KUNIT_EXPECT_PTR_EQ(test, again, page);
	if (again)
		list_add(&again->lru, &held);

	mm_release_all(&held);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
	preempt_enable();
}

/* GFP_HIGHUSER prefers highmem and falls back to lowmem when it is gone. */
static void mm_alloc_highmem_fallback(struct kunit *test)
{
	unsigned long before, low_before;
	bool fell_back, preferred;
	struct page *page, *next;
	LIST_HEAD(held);
	unsigned int order;

	if (!totalhigh_pages())
		kunit_skip(test, "no highmem (boot with lowmem=32M)");
	/* As above: nobody else frees or allocates meanwhile. */
	preempt_disable();
	before = nr_free_pages();
	low_before = nr_free_buffer_pages();
	page = alloc_page(GFP_HIGHUSER);
	KUNIT_EXPECT_TRUE(test, page && PageHighMem(page));
	KUNIT_EXPECT_TRUE(test, page && page_zonenum(page) == ZONE_HIGHMEM);
	KUNIT_EXPECT_EQ(test, nr_free_buffer_pages(), low_before);
	if (page)
		__free_page(page);

	/* Take everything: highmem first, then lowmem, then nothing is left. */
	for (order = MAX_PAGE_ORDER + 1; order-- > 0;)
		mm_grab_all(&held, GFP_HIGHUSER, order);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 0UL);

	/* Give lowmem back, keep highmem: GFP_HIGHUSER falls back to lowmem. */
	list_for_each_entry_safe(page, next, &held, lru) {
		if (!PageHighMem(page)) {
			list_del(&page->lru);
			put_page(page);
		}
	}
	KUNIT_EXPECT_EQ(test, nr_free_highpages(), 0UL);
	KUNIT_EXPECT_GT(test, nr_free_buffer_pages(), 0UL);
	page = alloc_page(GFP_HIGHUSER);
	fell_back = page && !PageHighMem(page);
	if (page)
		__free_page(page);

	/* One highmem block back: it is preferred to all that free lowmem. */
	page = list_first_entry_or_null(&held, struct page, lru);
	if (page) {
		list_del(&page->lru);
		put_page(page);
	}
	page = alloc_page(GFP_HIGHUSER);
	preferred = page && PageHighMem(page);
	if (page)
		__free_page(page);

	mm_release_all(&held);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
	preempt_enable();
	KUNIT_EXPECT_TRUE_MSG(test, fell_back, "GFP_HIGHUSER with highmem empty must give lowmem");
	KUNIT_EXPECT_TRUE_MSG(test, preferred, "GFP_HIGHUSER must prefer a free highmem page");
}

static void mm_alloc_gfp_kernel_is_lowmem(struct kunit *test)
{
	struct page *pages[64];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		KUNIT_EXPECT_FALSE(test, PageHighMem(pages[i]));
		KUNIT_EXPECT_LT(test, page_to_pfn(pages[i]), max_low_pfn);
	}
	for (i = 0; i < ARRAY_SIZE(pages); i++)
		__free_page(pages[i]);
}

static bool page_is_zero(struct page *page)
{
	void *v = vmap(&page, 1, VM_MAP, PAGE_KERNEL);
	bool zero;

	if (!v)
		return false;
	zero = !memchr_inv(v, 0, PAGE_SIZE);
	vunmap(v);
	return zero;
}

static void dirty_page(struct page *page)
{
	void *v = vmap(&page, 1, VM_MAP, PAGE_KERNEL);

	if (v) {
		memset(v, 0xa5, PAGE_SIZE);
		vunmap(v);
	}
}

static void mm_alloc_gfp_zero(struct kunit *test)
{
	struct page *page;
	unsigned int order = 2;
	unsigned long addr;

	/* Dirty a block, free it, ask again with __GFP_ZERO (LIFO: same block). */
	page = alloc_pages(GFP_KERNEL, order);
	KUNIT_ASSERT_NOT_NULL(test, page);
	memset(page_address(page), 0xa5, PAGE_SIZE << order);
	__free_pages(page, order);
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_NULL(test, memchr_inv(page_address(page), 0, PAGE_SIZE << order));
	__free_pages(page, order);

	addr = get_zeroed_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, addr, 0UL);
	KUNIT_EXPECT_NULL(test, memchr_inv((void *)addr, 0, PAGE_SIZE));
	free_page(addr);
}

/* Highmem is zeroed through a temporary mapping. */
static void mm_alloc_gfp_zero_highmem(struct kunit *test)
{
	struct page *page;
	unsigned int i;

	page = mm_alloc_highpage(test, 0);
	dirty_page(page);
	KUNIT_EXPECT_FALSE(test, page_is_zero(page));
	__free_page(page);
	page = mm_alloc_highpage(test, __GFP_ZERO);
	KUNIT_EXPECT_TRUE(test, page_is_zero(page));
	__free_page(page);
	for (i = 0; i < 2; i++) {
		page = alloc_pages(GFP_HIGHUSER | __GFP_ZERO, 1);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_TRUE(test, page_is_zero(page) && page_is_zero(page + 1));
		__free_pages(page, 1);
	}
}

static void mm_alloc_double_free(struct kunit *test)
{
	unsigned long before = nr_free_pages(), pfn;
	struct mm_warn_check w;
	struct page *page = alloc_page(GFP_KERNEL);
	char pfn_text[24];

	KUNIT_ASSERT_NOT_NULL(test, page);
	pfn = page_to_pfn(page);
	snprintf(pfn_text, sizeof(pfn_text), "pfn %#lx", pfn);
	__free_page(page);

	mm_warn_begin(&w);
	__free_page(page);
	mm_warn_end(test, &w, "double free");
	KUNIT_EXPECT_NOT_NULL(test, strstr(mm_warn_buf, pfn_text));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);

	/* Freed twice after its block merged with its buddies: still caught. */
	page = alloc_pages(GFP_KERNEL, 3);
	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 3);
	mm_warn_begin(&w);
	__free_page(page + 5);
	mm_warn_end(test, &w, "double free");
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static void mm_alloc_free_never_allocated(struct kunit *test)
{
	unsigned long before = nr_free_pages();
	struct mm_warn_check w;
	struct page *page;

	/* The kernel image is reserved: never given out. */
	mm_warn_begin(&w);
	__free_page(virt_to_page(_text));
	mm_warn_end(test, &w, "never allocated");
	KUNIT_EXPECT_NOT_NULL(test, strstr(mm_warn_buf, "kernel image"));

	/* A tail page of an order-2 block was not allocated by itself. */
	page = alloc_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);
	mm_warn_begin(&w);
	__free_page(page + 1);
	mm_warn_end(test, &w, "never allocated by itself");

	/* The wrong order is refused, and the block stays allocated. */
	mm_warn_begin(&w);
	__free_pages(page, 1);
	mm_warn_end(test, &w, "allocated with order 2 but is freed with order 1");
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	__free_pages(page, 2);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

/* get_page()/put_page(): the last reference frees. */
static void mm_alloc_refcount(struct kunit *test)
{
	unsigned long before = nr_free_pages();
	struct page *page = alloc_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, page);
	get_page(page);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 2);
	put_page(page);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before - 1);
	put_page(page);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static struct kunit_case mm_alloc_cases[] = {
	KUNIT_CASE(mm_alloc_every_order),
	KUNIT_CASE(mm_alloc_exhaust_lowmem),
	KUNIT_CASE(mm_alloc_highmem_fallback),
	KUNIT_CASE(mm_alloc_gfp_kernel_is_lowmem),
	KUNIT_CASE(mm_alloc_gfp_zero),
	KUNIT_CASE(mm_alloc_gfp_zero_highmem),
	KUNIT_CASE(mm_alloc_double_free),
	KUNIT_CASE(mm_alloc_free_never_allocated),
	KUNIT_CASE(mm_alloc_refcount),
	{}
};

static struct kunit_suite mm_alloc_suite = {
	.name = "mm_alloc",
	.test_cases = mm_alloc_cases,
};
kunit_test_suite(mm_alloc_suite);
