/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

/*
 * Temporary kernel mappings of pages that may be in highmem, in order of
 * preference (see docs/highmem.md):
 *
 *   kmap_local_page()/kunmap_local()  thread- and CPU-local, preemptible,
 *                                     strictly nested; any context
 *   kmap_atomic()/kunmap_atomic()     the same slots, but also disables
 *                                     preemption and page faults (deprecated)
 *   kmap()/kunmap()                   the global pkmap pool: a lock, may
 *                                     sleep, global TLB flush on wrap (deprecated)
 *   vmap()                            long-lived, several pages (<linux/vmalloc.h>)
 *
 * kmaplab-lint: allow kmap kunmap kmap_atomic kunmap_atomic -- defines the deprecated API (on top of kmap_local) next to its replacement
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/highmem-internal.h>

/* --- helpers, all on kmap_local_page --------------------------------------- */

static inline void clear_highpage(struct page *page)
{
	void *kaddr = kmap_local_page(page);

	memset(kaddr, 0, PAGE_SIZE);
	kunmap_local(kaddr);
}

static inline void copy_highpage(struct page *to, struct page *from)
{
	char *vfrom = kmap_local_page(from);
	char *vto = kmap_local_page(to);

	memcpy(vto, vfrom, PAGE_SIZE);
	kunmap_local(vto);
	kunmap_local(vfrom);
}

/*
 * A user page's first contents (the anonymous fault) and the copy-on-write
 * copy: the page is in highmem as often as not, so both go through local
 * mappings -- the copy through two, nested (Linux's names; vaddr is the
 * user address, which matters only on CPUs with virtually indexed caches).
 */
static inline void clear_user_highpage(struct page *page, unsigned long vaddr)
{
	clear_highpage(page);
}

static inline void copy_user_highpage(struct page *to, struct page *from,
				      unsigned long vaddr)
{
	copy_highpage(to, from);
}

static inline void memcpy_page(struct page *dst_page, size_t dst_off,
			       struct page *src_page, size_t src_off, size_t len)
{
	char *dst = kmap_local_page(dst_page);
	char *src = kmap_local_page(src_page);

	VM_BUG_ON(dst_off + len > PAGE_SIZE || src_off + len > PAGE_SIZE);
	memcpy(dst + dst_off, src + src_off, len);
	kunmap_local(src);
	kunmap_local(dst);
}

static inline void memset_page(struct page *page, size_t offset, int val,
			       size_t len)
{
	char *addr = kmap_local_page(page);

	VM_BUG_ON(offset + len > PAGE_SIZE);
	memset(addr + offset, val, len);
	kunmap_local(addr);
}

static inline void memcpy_from_page(char *to, struct page *page, size_t offset,
				    size_t len)
{
	char *from = kmap_local_page(page);

	VM_BUG_ON(offset + len > PAGE_SIZE);
	memcpy(to, from + offset, len);
	kunmap_local(from);
}

static inline void memcpy_to_page(struct page *page, size_t offset,
				  const char *from, size_t len)
{
	char *to = kmap_local_page(page);

	VM_BUG_ON(offset + len > PAGE_SIZE);
	memcpy(to + offset, from, len);
	kunmap_local(to);
}

static inline void zero_user_segments(struct page *page, unsigned int start1,
				      unsigned int end1, unsigned int start2,
				      unsigned int end2)
{
	void *kaddr = kmap_local_page(page);

	BUG_ON(end1 > PAGE_SIZE || end2 > PAGE_SIZE);
	if (end1 > start1)
		memset(kaddr + start1, 0, end1 - start1);
	if (end2 > start2)
		memset(kaddr + start2, 0, end2 - start2);
	kunmap_local(kaddr);
}

static inline void zero_user_segment(struct page *page, unsigned int start,
				     unsigned int end)
{
	zero_user_segments(page, start, end, 0, 0);
}

static inline void zero_user(struct page *page, unsigned int start,
			     unsigned int size)
{
	zero_user_segments(page, start, start + size, 0, 0);
}

static inline void memzero_page(struct page *page, size_t offset, size_t len)
{
	char *addr = kmap_local_page(page);

	VM_BUG_ON(offset + len > PAGE_SIZE);
	memset(addr + offset, 0, len);
	kunmap_local(addr);
}

#endif /* _LINUX_HIGHMEM_H */
