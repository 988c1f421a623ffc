/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/mm_types.h>

/*
 * Page flag bits in page->flags (the low bits; the zone and the owner
 * fields sit above them, see <linux/mm_types.h>). Only the page
 * allocator and kmalloc change them; there is no lock: a page's flags
 * belong to whoever owns the page, and the allocator works with
 * interrupts off.
 */
enum pageflags {
	PG_reserved,	/* never handed to the buddy: a hole, the kernel, mem_map... */
	PG_buddy,	/* the head of a free block on a free_area list */
	PG_slab,	/* a kmalloc slab (mm/slab.c) */
	PG_head,	/* the head of an allocated block (order in the flags) */
	PG_large_kmalloc, /* a kmalloc() too big for a slab: whole pages */
	PG_owner_priv_1, /* for the page's owner */
	__NR_PAGEFLAGS,
};

#define PAGE_FLAGS_MASK ((1UL << 10) - 1)

#define PAGEFLAG(uname, lname)						\
static inline bool Page##uname(const struct page *page)		\
{ return page->flags & (1UL << PG_##lname); }				\
static inline void __SetPage##uname(struct page *page)			\
{ page->flags |= 1UL << PG_##lname; }					\
static inline void __ClearPage##uname(struct page *page)		\
{ page->flags &= ~(1UL << PG_##lname); }				\
static inline void SetPage##uname(struct page *page)			\
{ __SetPage##uname(page); }						\
static inline void ClearPage##uname(struct page *page)			\
{ __ClearPage##uname(page); }

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Slab, slab)
PAGEFLAG(Head, head)
PAGEFLAG(LargeKmalloc, large_kmalloc)
PAGEFLAG(OwnerPriv1, owner_priv_1)

#undef PAGEFLAG

#endif /* _LINUX_PAGE_FLAGS_H */
