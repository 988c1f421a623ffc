/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_USER_MM_COMMON_H
#define _TESTS_USER_MM_COMMON_H
/*
 * A small address space for a test thread to borrow with
 * kthread_use_mm(), as a system call works in its process's: one VMA,
 * nothing present until touched. Shared by the suites on user memory
 * (mm_user, mm_user_fault, trace) and the labs' tests/lab_user_mm.h.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/mutex.h>

/* An mm with one VMA of that many pages at base, flags as given. */
static inline struct mm_struct *test_mm_alloc(struct kunit *test, unsigned long base,
					      unsigned long pages, unsigned long flags)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	vma = vma_alloc(mm, base, base + pages * PAGE_SIZE, flags);
	KUNIT_ASSERT_NOT_NULL(test, vma);
	KUNIT_ASSERT_EQ(test, insert_vm_struct(mm, vma), 0);
	return mm;
}

/* After kthread_use_mm(mm): give it back and drop mm_alloc()'s reference. */
static inline void test_mm_put(struct mm_struct *mm)
{
	kthread_unuse_mm(mm);	/* drops the use's reference */
	mmput(mm);		/* and mm_alloc()'s */
}

/* The page at addr (a reference the caller puts), or NULL. */
static inline struct page *test_mm_page(struct mm_struct *mm, unsigned long addr,
					bool *writable)
{
	struct page *page;

	mutex_lock(&mm->mmap_lock);
	page = follow_page(mm, addr, writable);
	mutex_unlock(&mm->mmap_lock);
	return page;
}

static inline bool test_mm_present(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = test_mm_page(mm, addr, NULL);

	if (page)
		put_page(page);
	return page;
}

/* The byte at addr of mm, read through a local mapping (0: no page). */
static inline char test_mm_peek(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = test_mm_page(mm, addr, NULL);
	char *kaddr, c;

	if (!page)
		return 0;
	kaddr = kmap_local_page(page);
	c = kaddr[addr & ~PAGE_MASK];
	kunmap_local(kaddr);
	put_page(page);
	return c;
}

#endif /* _TESTS_USER_MM_COMMON_H */
