// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 07 (docs/labs/07-cow.md): copy-on-write with copy_user_highpage().
 *
 * After dup_mmap() (fork) both address spaces share every private page
 * read-only; the first write to one goes to do_wp_page() in mm/memory.c,
 * which must give the writer a copy -- or, when nobody else holds the
 * page any more, the page itself.
 */
#include "lab_user_mm.h"

/* a: one page of 'pattern' bytes; b: a fork of a. */
static void lab7_fork(struct kunit *test, struct mm_struct **a,
		      struct mm_struct **b)
{
	static u8 buf[PAGE_SIZE];
	int i;

	*a = lab_mm(test, 2, VM_READ | VM_WRITE);
	*b = mm_alloc();
	KUNIT_ASSERT_NOT_NULL(test, *b);
	kthread_use_mm(*a);
	for (i = 0; i < PAGE_SIZE; i++)
		buf[i] = (u8)(i * 7 + 3);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)LAB_BASE, buf, PAGE_SIZE), 0UL);
	KUNIT_ASSERT_EQ(test, dup_mmap(*b, *a), 0);
}

/* The writer gets its own page, a full copy, with its write in it. */
static void lab7_write_copies(struct kunit *test)
{
	static u8 buf[PAGE_SIZE];
	struct mm_struct *a, *b;
	struct page *pa, *pb;
	bool wa = false;
	int i, wrong = 0;

	lab7_fork(test, &a, &b);
	KUNIT_EXPECT_EQ_MSG(test, put_user('W', (char __user *)(LAB_BASE + 100)), 0,
			    "a write to a shared copy-on-write page");
	pa = lab_page(a, LAB_BASE, &wa);
	pb = lab_page(b, LAB_BASE, NULL);
	KUNIT_EXPECT_TRUE(test, pa && pb);
	KUNIT_EXPECT_PTR_NE_MSG(test, pa, pb, "the writer still shares the page");
	KUNIT_EXPECT_TRUE_MSG(test, wa, "the writer's entry is still read-only");
	if (pa && totalhigh_pages())
		KUNIT_EXPECT_TRUE_MSG(test, PageHighMem(pa), "the copy is a lowmem page");
	if (pa)
		put_page(pa);
	if (pb)
		put_page(pb);
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void __user *)LAB_BASE, PAGE_SIZE), 0UL);
	for (i = 0; i < PAGE_SIZE; i++)
		wrong += buf[i] != (i == 100 ? 'W' : (u8)(i * 7 + 3));
	KUNIT_EXPECT_EQ_MSG(test, wrong, 0, "bytes of the copy that differ from the original");
	mmput(b);
	lab_mm_put(a);
}

/* The other side keeps the original, untouched and still shared-safe. */
static void lab7_other_side_unchanged(struct kunit *test)
{
	struct mm_struct *a, *b;
	bool wb = true;
	struct page *pb;

	lab7_fork(test, &a, &b);
	KUNIT_EXPECT_EQ(test, put_user('W', (char __user *)(LAB_BASE + 100)), 0);
	KUNIT_EXPECT_EQ(test, lab_peek(b, LAB_BASE + 100), (char)(100 * 7 + 3));
	KUNIT_EXPECT_EQ(test, lab_peek(b, LAB_BASE + 101), (char)(101 * 7 + 3));
	pb = lab_page(b, LAB_BASE, &wb);
	if (pb)
		put_page(pb);
	KUNIT_EXPECT_FALSE_MSG(test, wb, "the other side's entry became writable");
	mmput(b);
	lab_mm_put(a);
}

/* The other side gone, a write takes the page back without a copy. */
static void lab7_last_owner_reuses(struct kunit *test)
{
	struct mm_struct *a, *b;
	struct page *before, *after;
	bool w = false;

	lab7_fork(test, &a, &b);
	mmput(b);
	before = lab_page(a, LAB_BASE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, before);
	put_page(before);	/* our reference would make it look shared */
	KUNIT_EXPECT_EQ(test, put_user('W', (char __user *)LAB_BASE), 0);
	after = lab_page(a, LAB_BASE, &w);
	KUNIT_EXPECT_PTR_EQ_MSG(test, before, after,
				"the only owner's page was copied instead of reused");
	KUNIT_EXPECT_TRUE(test, w);
	if (after)
		put_page(after);
	KUNIT_EXPECT_EQ(test, lab_peek(a, LAB_BASE), 'W');
	lab_mm_put(a);
}

/* Every page back after both sides wrote and went: none lost, none
 * freed twice. */
static void lab7_no_page_lost(struct kunit *test)
{
	unsigned long before = 0;
	struct mm_struct *a, *b;
	int round;

	for (round = 0; round < 2; round++) {	/* the first warms the slabs */
		before = nr_free_pages();
		lab7_fork(test, &a, &b);
		KUNIT_EXPECT_EQ(test, put_user('a', (char __user *)LAB_BASE), 0);
		kthread_unuse_mm(a);
		kthread_use_mm(b);
		KUNIT_EXPECT_EQ(test, put_user('b', (char __user *)LAB_BASE), 0);
		KUNIT_EXPECT_EQ(test, lab_peek(a, LAB_BASE), 'a');
		KUNIT_EXPECT_EQ(test, lab_peek(b, LAB_BASE), 'b');
		kthread_unuse_mm(b);
		mmput(b);
		kthread_use_mm(a);
		lab_mm_put(a);
	}
	KUNIT_EXPECT_EQ_MSG(test, nr_free_pages(), before, "free pages after both mmput()s");
}

static struct kunit_case lab7_cases[] = {
	KUNIT_CASE(lab7_write_copies),
	KUNIT_CASE(lab7_other_side_unchanged),
	KUNIT_CASE(lab7_last_owner_reuses),
	KUNIT_CASE(lab7_no_page_lost),
	{}
};

static struct kunit_suite lab7_suite = {
	.name = "lab_07_cow",
	.test_cases = lab7_cases,
};
kunit_test_suite(lab7_suite);
