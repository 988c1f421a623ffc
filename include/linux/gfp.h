/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/mmzone.h>

struct page;

/*
 * Get Free Page flags, Linux's names and meanings (the values are
 * kmaplab's). Zone modifier: __GFP_HIGHMEM lets the allocation come from
 * ZONE_HIGHMEM (preferred) and falls back to ZONE_NORMAL; without it the
 * page is always lowmem and has a permanent kernel address.
 */
#define __GFP_HIGHMEM		0x02u
#define __GFP_HIGH		0x20u	/* may dip into reserves (no reserves yet) */
#define __GFP_IO		0x40u
#define __GFP_FS		0x80u
#define __GFP_ZERO		0x100u	/* return zeroed memory */
#define __GFP_DIRECT_RECLAIM	0x400u	/* may sleep */
#define __GFP_KSWAPD_RECLAIM	0x800u
#define __GFP_NOWARN		0x2000u	/* no "page allocation failure" report */
#define __GFP_RETRY_MAYFAIL	0x4000u
#define __GFP_NOFAIL		0x8000u	/* accepted, but kmaplab cannot reclaim */
#define __GFP_NORETRY		0x10000u
#define __GFP_HARDWALL		0x100000u
#define __GFP_MOVABLE		0x08u
#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

#define GFP_ATOMIC	(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT	(__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO	(__GFP_RECLAIM)
#define GFP_NOFS	(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER	(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_HIGHUSER	(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE)

static inline enum zone_type gfp_zone(gfp_t flags)
{
	return (flags & __GFP_HIGHMEM) ? ZONE_HIGHMEM : ZONE_NORMAL;
}

static inline bool gfpflags_allow_blocking(gfp_t flags)
{
	return flags & __GFP_DIRECT_RECLAIM;
}

/*
 * The buddy allocator (mm/page_alloc.c): 2^order physically contiguous
 * pages from one zone, or NULL. Never sleeps (there is nothing to
 * reclaim), so any GFP mask may be used from any context.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp) alloc_pages(gfp, 0)
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page) __free_pages((page), 0)

/* Lowmem only: these return kernel virtual addresses. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
#define __get_free_page(gfp) __get_free_pages((gfp), 0)
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages((addr), 0)

#endif /* _LINUX_GFP_H */
