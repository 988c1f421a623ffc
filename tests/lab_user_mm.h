/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the labs on user memory (05, 06, 07, 09): a small address
 * space the test thread borrows with kthread_use_mm(), as a system call
 * would work in its process's (tests/mm_user_test.c does the same).
 */
#ifndef _TESTS_LAB_USER_MM_H
#define _TESTS_LAB_USER_MM_H

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <linux/mutex.h>
#include <asm/pgalloc.h>

#define LAB_BASE 0x10000000UL

static inline struct mm_struct *lab_mm(struct kunit *test, unsigned long pages,
				       unsigned long flags)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	vma = vma_alloc(mm, LAB_BASE, LAB_BASE + pages * PAGE_SIZE, flags);
	KUNIT_ASSERT_NOT_NULL(test, vma);
	KUNIT_ASSERT_EQ(test, insert_vm_struct(mm, vma), 0);
	return mm;
}

/* After kthread_use_mm(mm): give it back and drop mm_alloc()'s reference. */
static inline void lab_mm_put(struct mm_struct *mm)
{
	kthread_unuse_mm(mm);
	mmput(mm);
}

/* The page at addr (a reference the caller puts), or NULL. */
static inline struct page *lab_page(struct mm_struct *mm, unsigned long addr,
				    bool *writable)
{
	struct page *page;

	mutex_lock(&mm->mmap_lock);
	page = follow_page(mm, addr, writable);
	mutex_unlock(&mm->mmap_lock);
	return page;
}

/* The byte at addr of mm, read through a local mapping (0: no page). */
static inline char lab_peek(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = lab_page(mm, addr, NULL);
	char *kaddr, c;

	if (!page)
		return 0;
	kaddr = kmap_local_page(page);
	c = kaddr[addr & ~PAGE_MASK];
	kunmap_local(kaddr);
	put_page(page);
	return c;
}

/* Fill 32 free pages with garbage and free them again: the next
 * allocations are likely to be these, so a page handed out unzeroed shows. */
static inline void lab_dirty_free_pages(void)
{
	struct page *p[32];
	int n, i;

	for (n = 0; n < 32; n++) {
		p[n] = alloc_page(GFP_HIGHUSER_MOVABLE);
		if (!p[n])
			break;
	}
	for (i = 0; i < n; i++) {
		void *v = kmap_local_page(p[i]);

		memset(v, 0xa5, PAGE_SIZE);
		kunmap_local(v);
	}
	while (n--)
		__free_page(p[n]);
}

#endif /* _TESTS_LAB_USER_MM_H */
