/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>

/*
 * Blocks of 2^order pages, order 0 (4 KiB) to MAX_PAGE_ORDER (4 MiB),
 * as on Linux since 6.8 (older kernels: MAX_ORDER = 11 orders).
 */
#define MAX_PAGE_ORDER 10
#define NR_PAGE_ORDERS (MAX_PAGE_ORDER + 1)
#define MAX_ORDER_NR_PAGES (1UL << MAX_PAGE_ORDER)

/*
 * Zones, low to high. A 32-bit kernel can only keep the first ~892 MiB
 * of RAM permanently mapped (ZONE_NORMAL, the direct map); everything
 * above it, including all RAM above 4 GiB, is ZONE_HIGHMEM and has no
 * kernel address until it is mapped. (kmaplab has no ZONE_DMA: there is
 * no ISA DMA here.)
 */
enum zone_type {
	ZONE_NORMAL,
	ZONE_HIGHMEM,
	MAX_NR_ZONES
};

struct free_area {
	struct list_head free_list;	/* heads of free blocks of this order */
	unsigned long nr_free;		/* how many blocks */
};

struct zone {
	const char *name;
	unsigned long zone_start_pfn;	/* first pfn of the zone */
	unsigned long spanned_pages;	/* pfns from start to end, holes included */
	unsigned long present_pages;	/* usable RAM pages in the span */
	unsigned long managed_pages;	/* pages the buddy allocator was given */
	unsigned long free_pages;	/* free right now, all orders */
	struct free_area free_area[NR_PAGE_ORDERS];
	/* statistics (show_mem()) */
	unsigned long alloc_count[NR_PAGE_ORDERS];
	unsigned long free_count[NR_PAGE_ORDERS];
	unsigned long alloc_fail;
};

extern struct zone zones[MAX_NR_ZONES];

#define for_each_zone(z) for (z = zones; z < zones + MAX_NR_ZONES; z++)

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return pfn >= zone->zone_start_pfn && pfn < zone_end_pfn(zone);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool is_highmem_idx(enum zone_type idx)
{
	return idx == ZONE_HIGHMEM;
}

static inline bool is_highmem(const struct zone *zone)
{
	return zone == &zones[ZONE_HIGHMEM];
}

static inline unsigned long zone_managed_pages(const struct zone *zone)
{
	return zone->managed_pages;
}

#endif /* _LINUX_MMZONE_H */
