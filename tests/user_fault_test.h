/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_USER_FAULT_TEST_H
#define _TESTS_USER_FAULT_TEST_H

/*
 * Shared by the mm_user_fault suites: an address space with one
 * read-write VMA at UF_BASE (nothing present until touched), a file
 * whose one page-cache page is a highmem page holding a known pattern,
 * and the knobs of <kmaplab/fault.h>, set for one case and put back.
 */
#include "kmap_test_common.h"
#include "user_mm_common.h"
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <kmaplab/fault.h>

#define UF_BASE 0x20000000UL
#define UF_SEED_FILE 71		/* the page-cache page's pattern */
#define UF_SEED_OTHER 72	/* another task's page */

/* The suites' address space: pages pages, read-write, at UF_BASE. */
static inline struct mm_struct *uf_mm(struct kunit *test, unsigned long pages)
{
	return test_mm_alloc(test, UF_BASE, pages, VM_READ | VM_WRITE);
}

/*
 * A one-page file outside the name space: filemap_read()/filemap_write()
 * need only the inode's page array and size. Its page is highmem (the
 * case skips without), so that the copy really takes a slot.
 */
static inline struct inode *uf_file(struct kunit *test)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	struct page *page;
	void *v;

	KUNIT_ASSERT_NOT_NULL(test, inode);
	inode->i_pages = kzalloc(sizeof(struct page *), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, inode->i_pages);
	page = alloc_page(GFP_HIGHUSER);
	if (page && !PageHighMem(page)) {
		__free_page(page);
		page = NULL;
	}
	if (!page) {
		kfree(inode->i_pages);
		kfree(inode);
		kunit_skip(test, "no free highmem page (boot with lowmem=32M for highmem)");
	}
	v = kmap_local_page(page);
	kt_fill(v, UF_SEED_FILE);
	kunmap_local(v);
	inode->i_pages[0] = page;
	inode->i_nr_pages = 1;
	inode->i_size = PAGE_SIZE;
	return inode;
}

static inline void uf_file_free(struct inode *inode)
{
	truncate_inode_pages(inode);
	kfree(inode->i_pages);
	kfree(inode);
}

struct uf_knobs {
	enum filemap_copy_path path;
	unsigned int sleep_ms;
};

static inline void uf_knobs_set(struct uf_knobs *saved,
				enum filemap_copy_path path, unsigned int ms)
{
	saved->path = filemap_copy_path;
	saved->sleep_ms = fault_sleep_ms;
	WRITE_ONCE(filemap_copy_path, path);
	WRITE_ONCE(fault_sleep_ms, ms);
}

static inline void uf_knobs_restore(const struct uf_knobs *saved)
{
	WRITE_ONCE(filemap_copy_path, saved->path);
	WRITE_ONCE(fault_sleep_ms, saved->sleep_ms);
}

#endif /* _TESTS_USER_FAULT_TEST_H */
