/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PAGE_REF_H
#define _LINUX_PAGE_REF_H

#include <linux/mm_types.h>

/*
 * A page's reference count: 0 while free, 1 after alloc_pages(); every
 * get_page() adds one and put_page() drops one, freeing at zero. Only
 * the head page of an allocated block counts.
 */
static inline int page_ref_count(const struct page *page)
{
	return __atomic_load_n(&page->_refcount.counter, __ATOMIC_RELAXED);
}

static inline void set_page_count(struct page *page, int v)
{
	__atomic_store_n(&page->_refcount.counter, v, __ATOMIC_RELAXED);
}

static inline void set_page_refcounted(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_inc(struct page *page)
{
	__atomic_add_fetch(&page->_refcount.counter, 1, __ATOMIC_SEQ_CST);
}

static inline bool page_ref_dec_and_test(struct page *page)
{
	return __atomic_sub_fetch(&page->_refcount.counter, 1, __ATOMIC_SEQ_CST) == 0;
}

#endif /* _LINUX_PAGE_REF_H */
