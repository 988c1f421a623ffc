// SPDX-License-Identifier: GPL-2.0
/*
 * mm_kmalloc: kmalloc()/kzalloc()/kcalloc()/kfree(). Size classes and
 * alignment, big requests as whole pages, memory returned to the page
 * allocator when freed, and -- in the debug build -- the poison of freed
 * objects, a write after free, a double kfree and a kfree of something
 * that was never kmalloc()ed, each named.
 */
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include "mm_test.h"

static void mm_kmalloc_size_classes(struct kunit *test)
{
	static const size_t sizes[] = { 1, 7, 8, 9, 24, 64, 65, 96, 100, 192, 200,
					256, 500, 1024, 1500, 2048 };
	static const size_t want[] = { 8, 8, 8, 16, 32, 64, 96, 96, 128, 192, 256,
				       256, 512, 1024, 2048, 2048 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ_MSG(test, ksize(p), want[i], "kmalloc(%zu)", sizes[i]);
		KUNIT_EXPECT_EQ_MSG(test, (unsigned long)p % 8, 0UL, "kmalloc(%zu)", sizes[i]);
		KUNIT_EXPECT_TRUE(test, virt_addr_valid(p));
		memset(p, 0x11, sizes[i]);
		kfree(p);
	}
	/* kmalloc(0) is not NULL but must never be used; kfree takes both. */
	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
}

static void mm_kmalloc_large(struct kunit *test)
{
	unsigned long before = nr_free_pages();
	u8 *p = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, offset_in_page(p), 0UL);
	page = virt_to_page(p);
	KUNIT_EXPECT_TRUE(test, PageLargeKmalloc(page));
	KUNIT_EXPECT_EQ(test, ksize(p), 4 * PAGE_SIZE);	/* order 2 */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before - 4);
	memset(p, 0x22, 3 * PAGE_SIZE);
	kfree(p);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
	KUNIT_EXPECT_NULL(test, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN));
}

/* Everything kmalloc took goes back: a leak test can trust nr_free_pages(). */
static void mm_kmalloc_no_leak(struct kunit *test)
{
	unsigned long before = nr_free_pages();
	void *p[200];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(p); i++) {
		p[i] = kmalloc(16 << (i % 8), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
	}
	KUNIT_EXPECT_LT(test, nr_free_pages(), before);
	for (i = 0; i < ARRAY_SIZE(p); i++)
		kfree(p[i]);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static void mm_kmalloc_zeroing(struct kunit *test)
{
	u8 *p = kmalloc(200, GFP_KERNEL);
	u32 *a;

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xee, 200);
	kfree(p);
	p = kzalloc(200, GFP_KERNEL);		/* most likely the same object */
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_NULL(test, memchr_inv(p, 0, 200));
	kfree(p);

	a = kcalloc(100, sizeof(*a), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_NULL(test, memchr_inv(a, 0, 100 * sizeof(*a)));
	kfree(a);
	/* n * size overflowing is refused, not wrapped into a small buffer. */
	KUNIT_EXPECT_NULL(test, kcalloc(0x40000000, 8, GFP_KERNEL));
}

static void mm_kmalloc_reuse(struct kunit *test)
{
	void *a = kmalloc(64, GFP_KERNEL), *b;

	KUNIT_ASSERT_NOT_NULL(test, a);
	kfree(a);
	b = kmalloc(64, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, b, a);	/* the freelist is LIFO */
	kfree(b);
}

/*
 * Two objects of one slab: 'keep' holds the slab while 'p' is freed, so
 * the freed object stays slab memory (an empty slab goes back to the
 * page allocator at once).
 */
static void kmalloc_pair(struct kunit *test, size_t size, u8 **keep, u8 **p)
{
	u8 *a = kmalloc(size, GFP_KERNEL), *b;

	KUNIT_ASSERT_NOT_NULL(test, a);
	for (;;) {
		b = kmalloc(size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, b);
		if (virt_to_page(a) == virt_to_page(b))
			break;
		kfree(a);
		a = b;
	}
	*keep = a;
	*p = b;
}

static void mm_kmalloc_poison(struct kunit *test)
{
	u8 *keep, *p;
	unsigned int i;

#ifndef CONFIG_DEBUG_VM
	kunit_skip(test, "poisoning is in the debug build (CONFIG_DEBUG_VM)");
#endif
	kmalloc_pair(test, 128, &keep, &p);
	memset(p, 0, 128);
	kfree(p);
	/* Freed: 0x6b everywhere but the freelist word, 0xa5 at the end. */
	for (i = sizeof(void *); i < 127; i++)
		if (p[i] != 0x6b)
			break;
	KUNIT_EXPECT_EQ(test, i, 127U);
	KUNIT_EXPECT_EQ(test, p[127], 0xa5);
	kfree(keep);
}

static void mm_kmalloc_use_after_free(struct kunit *test)
{
	struct mm_warn_check w;
	u8 *keep, *p, *again;

#ifndef CONFIG_DEBUG_VM
	kunit_skip(test, "poisoning is in the debug build (CONFIG_DEBUG_VM)");
#endif
	kmalloc_pair(test, 256, &keep, &p);
	kfree(p);
	p[40] = 0x42;				/* the bug being demonstrated */
	mm_warn_begin(&w);
	again = kmalloc(256, GFP_KERNEL);
	mm_warn_end(test, &w, "written after it was freed: byte 40 is 0x42");
	KUNIT_EXPECT_PTR_EQ(test, again, p);
	kfree(again);
	kfree(keep);
}

static void mm_kmalloc_double_kfree(struct kunit *test)
{
	struct mm_warn_check w;
	u8 *keep, *p;

#ifndef CONFIG_DEBUG_VM
	kunit_skip(test, "the freelist check is in the debug build (CONFIG_DEBUG_VM)");
#endif
	kmalloc_pair(test, 32, &keep, &p);
	kfree(p);
	mm_warn_begin(&w);
	kfree(p);
	mm_warn_end(test, &w, "double kfree");
	kfree(keep);
}

static void mm_kmalloc_bad_kfree(struct kunit *test)
{
	struct mm_warn_check w;
	struct page *page = alloc_page(GFP_KERNEL);
	char *p = kmalloc(64, GFP_KERNEL);
	void *v;

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_NOT_NULL(test, p);
	mm_warn_begin(&w);
	kfree(page_address(page));
	mm_warn_end(test, &w, "is not kmalloc memory");

	mm_warn_begin(&w);
	kfree(p + 8);
	mm_warn_end(test, &w, "not the start of a kmalloc-64 object");

	v = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, v);
	mm_warn_begin(&w);
	kfree(v);
	mm_warn_end(test, &w, "use vfree()");
	vfree(v);
	kfree(p);
	__free_page(page);
}

static struct kunit_case mm_kmalloc_cases[] = {
	KUNIT_CASE(mm_kmalloc_size_classes),
	KUNIT_CASE(mm_kmalloc_large),
	KUNIT_CASE(mm_kmalloc_no_leak),
	KUNIT_CASE(mm_kmalloc_zeroing),
	KUNIT_CASE(mm_kmalloc_reuse),
	KUNIT_CASE(mm_kmalloc_poison),
	KUNIT_CASE(mm_kmalloc_use_after_free),
	KUNIT_CASE(mm_kmalloc_double_kfree),
	KUNIT_CASE(mm_kmalloc_bad_kfree),
	{}
};

static struct kunit_suite mm_kmalloc_suite = {
	.name = "mm_kmalloc",
	.test_cases = mm_kmalloc_cases,
};
kunit_test_suite(mm_kmalloc_suite);
