/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the labs on user memory (05, 06, 07, 09): a small address
 * space the test thread borrows with kthread_use_mm(), as a system call
 * would work in its process's, in the labs' words: the work is done by
 * tests/user_mm_common.h, which the other user-memory suites share.
 */
#ifndef _TESTS_LAB_USER_MM_H
#define _TESTS_LAB_USER_MM_H

#include "user_mm_common.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <linux/mutex.h>
#include <asm/pgalloc.h>

#define LAB_BASE 0x10000000UL

/* The labs' address space: its VMA at LAB_BASE. */
static inline struct mm_struct *lab_mm(struct kunit *test, unsigned long pages,
				       unsigned long flags)
{
	return test_mm_alloc(test, LAB_BASE, pages, flags);
}

/* The rest under the labs' names: put the mm, find a page, read a byte. */
static inline void lab_mm_put(struct mm_struct *mm)
{
	test_mm_put(mm);
}

static inline struct page *lab_page(struct mm_struct *mm, unsigned long addr,
				    bool *writable)
{
	return test_mm_page(mm, addr, writable);
}

static inline char lab_peek(struct mm_struct *mm, unsigned long addr)
{
	return test_mm_peek(mm, addr);
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
