// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 06 (docs/labs/06-demand-paging.md): demand paging from highmem.
 *
 * A user page is allocated on its first touch, by do_anonymous_page() in
 * mm/memory.c. The cases touch a small address space the way a system
 * call does and look at what the fault left behind.
 */
#include "lab_user_mm.h"

/* The first touch gives the address a page; the write lands in it. */
static void lab6_first_touch_maps_a_page(struct kunit *test)
{
	struct mm_struct *mm = lab_mm(test, 4, VM_READ | VM_WRITE);
	struct page *page;

	kthread_use_mm(mm);
	KUNIT_EXPECT_NULL(test, lab_page(mm, LAB_BASE + PAGE_SIZE, NULL));
	KUNIT_EXPECT_EQ_MSG(test, put_user('x', (char __user *)(LAB_BASE + PAGE_SIZE + 5)), 0,
			    "a write to a fresh page of a writable VMA");
	page = lab_page(mm, LAB_BASE + PAGE_SIZE, NULL);
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		put_page(page);
	KUNIT_EXPECT_EQ(test, lab_peek(mm, LAB_BASE + PAGE_SIZE + 5), 'x');
	KUNIT_EXPECT_EQ_MSG(test, mm->rss, 1UL, "pages the mm holds (rss)");
	KUNIT_EXPECT_NULL_MSG(test, lab_page(mm, LAB_BASE, NULL),
			      "only the touched page is there");
	lab_mm_put(mm);
}

/* What a process reads from a page it never wrote is zero: never the
 * last owner's data. */
static void lab6_new_pages_are_zero(struct kunit *test)
{
	struct mm_struct *mm = lab_mm(test, 16, VM_READ | VM_WRITE);
	static u8 buf[PAGE_SIZE];
	unsigned long addr;
	int i, nonzero = 0;

	kthread_use_mm(mm);
	lab_dirty_free_pages();
	for (addr = LAB_BASE; addr < LAB_BASE + 16 * PAGE_SIZE; addr += PAGE_SIZE) {
		memset(buf, 0x5a, sizeof(buf));
		KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void __user *)addr, PAGE_SIZE), 0UL);
		for (i = 0; i < PAGE_SIZE; i++)
			nonzero += buf[i] != 0;
	}
	KUNIT_EXPECT_EQ_MSG(test, nonzero, 0,
			    "bytes not zero in 16 freshly faulted pages");
	lab_mm_put(mm);
}

/* User pages come from highmem when there is any: lowmem is for the kernel. */
static void lab6_pages_from_highmem(struct kunit *test)
{
	struct mm_struct *mm = lab_mm(test, 8, VM_READ | VM_WRITE);
	unsigned long addr;
	int low = 0, none = 0;

	if (!totalhigh_pages())
		kunit_skip(test, "no highmem (boot with lowmem=32M)");
	kthread_use_mm(mm);
	for (addr = LAB_BASE; addr < LAB_BASE + 8 * PAGE_SIZE; addr += PAGE_SIZE) {
		struct page *page;

		KUNIT_EXPECT_EQ(test, put_user(1, (int __user *)addr), 0);
		page = lab_page(mm, addr, NULL);
		if (!page) {
			none++;
			continue;
		}
		low += !PageHighMem(page);
		put_page(page);
	}
	KUNIT_EXPECT_EQ_MSG(test, none, 0, "touched pages without a page");
	KUNIT_EXPECT_EQ_MSG(test, low, 0, "user pages taken from lowmem");
	lab_mm_put(mm);
}

/* The new entry allows what the VMA allows, no more. */
static void lab6_entry_follows_the_vma(struct kunit *test)
{
	struct mm_struct *ro = lab_mm(test, 1, VM_READ);
	struct mm_struct *rw;
	struct page *page;
	bool writable = true;
	u32 v = 7;

	kthread_use_mm(ro);
	KUNIT_EXPECT_EQ_MSG(test, get_user(v, (u32 __user *)LAB_BASE), 0,
			    "a read of a read-only VMA's fresh page");
	KUNIT_EXPECT_EQ(test, v, 0U);
	KUNIT_EXPECT_EQ(test, put_user(v, (u32 __user *)LAB_BASE), -EFAULT);
	page = lab_page(ro, LAB_BASE, &writable);
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		put_page(page);
	KUNIT_EXPECT_FALSE_MSG(test, writable, "a read-only VMA got a writable entry");
	lab_mm_put(ro);

	rw = lab_mm(test, 1, VM_READ | VM_WRITE);
	kthread_use_mm(rw);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)LAB_BASE), 0);
	page = lab_page(rw, LAB_BASE, &writable);
	if (page)
		put_page(page);
	KUNIT_EXPECT_TRUE_MSG(test, page && writable,
			      "a writable VMA's page, faulted in by a read, is writable");
	lab_mm_put(rw);
}

/* Everything the faults took comes back when the mm goes. */
static void lab6_no_page_lost(struct kunit *test)
{
	unsigned long before = 0, addr;
	struct mm_struct *mm;
	int round;

	for (round = 0; round < 2; round++) {	/* the first warms the slabs */
		before = nr_free_pages();
		mm = lab_mm(test, 64, VM_READ | VM_WRITE);
		kthread_use_mm(mm);
		for (addr = LAB_BASE; addr < LAB_BASE + 64 * PAGE_SIZE; addr += 4 * PAGE_SIZE)
			KUNIT_EXPECT_EQ(test, put_user(1, (int __user *)addr), 0);
		KUNIT_EXPECT_EQ(test, mm->rss, 16UL);
		lab_mm_put(mm);
	}
	KUNIT_EXPECT_EQ_MSG(test, nr_free_pages(), before, "free pages after mmput()");
}

static struct kunit_case lab6_cases[] = {
	KUNIT_CASE(lab6_first_touch_maps_a_page),
	KUNIT_CASE(lab6_new_pages_are_zero),
	KUNIT_CASE(lab6_pages_from_highmem),
	KUNIT_CASE(lab6_entry_follows_the_vma),
	KUNIT_CASE(lab6_no_page_lost),
	{}
};

static struct kunit_suite lab6_suite = {
	.name = "lab_06_demand_paging",
	.test_cases = lab6_cases,
};
kunit_test_suite(lab6_suite);
