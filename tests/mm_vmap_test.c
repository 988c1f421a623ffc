// SPDX-License-Identifier: GPL-2.0
/*
 * mm_vmap: vmap()/vunmap() and vmalloc()/vfree(). Pages (highmem ones
 * included) appear contiguously in the vmalloc area with their own
 * contents; a guard page follows every area; after vunmap() the range is
 * gone (faults) and was flushed from the TLB.
 */
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <asm/tlbflush.h>
#include "mm_test.h"

#define NR 4

/* Highmem where there is some, lowmem for the rest. */
static void get_pages(struct kunit *test, struct page **pages, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		pages[i] = alloc_page(i % 2 ? GFP_KERNEL : GFP_HIGHUSER);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
}

static void put_pages(struct page **pages, unsigned int n)
{
	while (n--)
		__free_page(pages[n]);
}

static void mm_vmap_contiguous(struct kunit *test)
{
	struct page *pages[NR];
	unsigned long invlpg, va;
	unsigned int i;
	u8 *v, b;

	get_pages(test, pages, NR);
	v = vmap(pages, NR, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	va = (unsigned long)v;
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(v));
	KUNIT_EXPECT_EQ(test, offset_in_page(v), 0UL);
	for (i = 0; i < NR; i++) {
		KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page(v + i * PAGE_SIZE), pages[i]);
		memset(v + i * PAGE_SIZE, 'A' + i, PAGE_SIZE);
	}
	/* One write across a page boundary lands in two different pages. */
	memcpy(v + PAGE_SIZE - 2, "wxyz", 4);
	vunmap(v);

	/* The contents are in the pages themselves: map them again, reversed. */
	for (i = 0; i < NR / 2; i++)
		swap(pages[i], pages[NR - 1 - i]);
	v = vmap(pages, NR, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_EXPECT_EQ(test, v[0], 'A' + NR - 1);
	KUNIT_EXPECT_EQ(test, v[(NR - 1) * PAGE_SIZE], 'A');
	KUNIT_EXPECT_MEMEQ(test, v + (NR - 2) * PAGE_SIZE, "yz", 2);
	KUNIT_EXPECT_MEMEQ(test, v + NR * PAGE_SIZE - 2, "wx", 2);
	if (!PageHighMem(pages[0]))	/* lowmem: the same bytes through the direct map */
		KUNIT_EXPECT_EQ(test, *(u8 *)page_address(pages[0]), 'A' + NR - 1);

	invlpg = this_cpu_read(tlb_stats.invlpg);
	va = (unsigned long)v;
	vunmap(v);
	/* Gone: every page faults, and each was invlpg'ed (NR <= ceiling). */
	KUNIT_EXPECT_EQ(test, this_cpu_read(tlb_stats.invlpg), invlpg + NR);
	for (i = 0; i < NR; i++)
		KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, (u8 *)va + i * PAGE_SIZE), -EFAULT);
	KUNIT_EXPECT_NULL(test, find_vm_area((void *)va));
	put_pages(pages, NR);
}

static void mm_vmap_guard_page(struct kunit *test)
{
	struct page *pages[NR];
	u8 *a, *b, c;

	get_pages(test, pages, NR);
	a = vmap(pages, 2, VM_MAP, PAGE_KERNEL);
	b = vmap(pages + 2, 2, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, find_vm_area(a)->size, 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(c, a + 2 * PAGE_SIZE - 1), 0);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(c, a + 2 * PAGE_SIZE), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(c, b + 2 * PAGE_SIZE), -EFAULT);
	/* No area starts in another's guard page. */
	KUNIT_EXPECT_TRUE(test, b >= a + 3 * PAGE_SIZE || a >= b + 3 * PAGE_SIZE);
	vunmap(a);
	vunmap(b);
	put_pages(pages, NR);
}

static void mm_vmalloc_basic(struct kunit *test)
{
	unsigned long before, size = 5 * PAGE_SIZE + 100;
	u8 *v, b;
	struct vm_struct *area;

	/* Warm up: the first use of a table slot allocates a page table for good. */
	vfree(vmalloc(size));
	before = nr_free_pages();
	v = vmalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, v);
	area = find_vm_area(v + PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, area);
	KUNIT_EXPECT_PTR_EQ(test, area->addr, (void *)v);
	KUNIT_EXPECT_EQ(test, area->nr_pages, 6U);
	KUNIT_EXPECT_TRUE(test, area->flags & VM_ALLOC);
	memset(v, 0x3c, size);
	KUNIT_EXPECT_EQ(test, v[size - 1], 0x3c);
	KUNIT_EXPECT_LT(test, nr_free_pages(), before);
	vfree(v);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, v), -EFAULT);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);

	v = vzalloc(3 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_EXPECT_NULL(test, memchr_inv(v, 0, 3 * PAGE_SIZE));
	vfree(v);
	KUNIT_EXPECT_NULL(test, vmalloc(0));
}

/* Unmapping more than the ceiling is one full flush, not many invlpg. */
static void mm_vmap_big_unmap_flushes_all(struct kunit *test)
{
	unsigned long n = tlb_single_page_flush_ceiling + 7;
	unsigned long all;
	void *v = vmalloc(n * PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, v);
	all = this_cpu_read(tlb_stats.flush_all);
	vfree(v);
	KUNIT_EXPECT_EQ(test, this_cpu_read(tlb_stats.flush_all), all + 1);
}

static void mm_vmap_bad_unmap(struct kunit *test)
{
	struct mm_warn_check w;
	void *p = kmalloc(16, GFP_KERNEL);

	mm_warn_begin(&w);
	vunmap(p);
	mm_warn_end(test, &w, "nonexistent vm area");
	kfree(p);
	KUNIT_EXPECT_NULL(test, vmap(NULL, 0, VM_MAP, PAGE_KERNEL));
}

/* VM_MAP_PUT_PAGES: vfree() gives back the pages and the array. */
static void mm_vmap_put_pages(struct kunit *test)
{
	unsigned long before;
	struct page **pages;
	unsigned int i;
	void *v;

	vfree(vmalloc(NR * PAGE_SIZE));	/* page tables, once and for all */
	before = nr_free_pages();
	pages = kcalloc(NR, sizeof(*pages), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pages);
	for (i = 0; i < NR; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
	v = vmap(pages, NR, VM_MAP | VM_MAP_PUT_PAGES, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	vfree(v);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static struct kunit_case mm_vmap_cases[] = {
	KUNIT_CASE(mm_vmap_contiguous),
	KUNIT_CASE(mm_vmap_guard_page),
	KUNIT_CASE(mm_vmalloc_basic),
	KUNIT_CASE(mm_vmap_big_unmap_flushes_all),
	KUNIT_CASE(mm_vmap_bad_unmap),
	KUNIT_CASE(mm_vmap_put_pages),
	{}
};

static struct kunit_suite mm_vmap_suite = {
	.name = "mm_vmap",
	.test_cases = mm_vmap_cases,
};
kunit_test_suite(mm_vmap_suite);
