// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy page allocator (Linux's mm/page_alloc.c, one node, no per-CPU
 * lists, no reclaim).
 *
 * Each zone keeps NR_PAGE_ORDERS free lists; list 'order' holds the head
 * pages of free, naturally aligned blocks of 2^order pages. The buddy of
 * the block at pfn is at pfn ^ (1 << order): allocation splits a larger
 * block and puts the unused halves back; freeing merges a block with its
 * buddy for as long as the buddy is free and of the same order.
 *
 * Zone choice follows the GFP mask: GFP_KERNEL is ZONE_NORMAL only (the
 * page must have a permanent kernel address); __GFP_HIGHMEM tries
 * ZONE_HIGHMEM first and falls back to ZONE_NORMAL.
 *
 * Misuse is caught and named, never silently absorbed: freeing a page
 * that is already free (a double free), one that was never allocated
 * (reserved, or part of a block allocated through another page), a slab
 * page, or a block with the wrong order. Each is a WARN naming the pfn;
 * the page is left alone and the kernel goes on.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <asm/fixmap.h>
#include <asm/tlbflush.h>
#include <linux/spinlock.h>
#include "internal.h"

struct zone zones[MAX_NR_ZONES] = {
	[ZONE_NORMAL] = { .name = "Normal" },
	[ZONE_HIGHMEM] = { .name = "HighMem" },
};

static void add_to_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	page->private = order;
	__SetPageBuddy(page);
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
}

static void del_page_from_free_list(struct page *page, struct zone *zone,
				    unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/* The free buddy of the order-'order' block at pfn, or NULL. */
static struct page *find_free_buddy(struct zone *zone, unsigned long pfn,
				    unsigned int order)
{
	unsigned long buddy_pfn = pfn ^ (1UL << order);
	struct page *buddy;

	if (!zone_spans_pfn(zone, buddy_pfn))
		return NULL;
	buddy = pfn_to_page(buddy_pfn);
	if (!PageBuddy(buddy) || buddy_order(buddy) != order)
		return NULL;
	return buddy;
}

static void __free_one_page(struct page *page, struct zone *zone, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	zone->free_pages += 1UL << order;
	while (order < MAX_PAGE_ORDER) {
		struct page *buddy = find_free_buddy(zone, pfn, order);

		if (!buddy)
			break;
		del_page_from_free_list(buddy, zone, order);
		pfn &= ~(1UL << order);		/* the merged block starts lower */
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), zone, order);
}

/* Boot: a block of free RAM that memblock gives up (PG_reserved still set). */
void __free_pages_core(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long i, nr = 1UL << order;

	for (i = 0; i < nr; i++) {
		__ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	zone->managed_pages += nr;
	_totalram_pages += nr;
	if (is_highmem(zone))
		_totalhigh_pages += nr;
	__free_one_page(page, zone, order);
}

/* Split the order-'high' block at page down to 'low'; return the rest. */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(page + size, zone, high);
	}
}

static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	unsigned int o;

	for (o = order; o < NR_PAGE_ORDERS; o++) {
		struct page *page = list_first_entry_or_null(&zone->free_area[o].free_list,
							     struct page, lru);

		if (!page)
			continue;
		del_page_from_free_list(page, zone, o);
		expand(zone, page, order, o);
		zone->free_pages -= 1UL << order;
		return page;
	}
	return NULL;
}

/* A page coming off a free list must look free; anything else is corruption. */
static bool check_new_page(struct page *page)
{
	if (likely(!(page->flags & ~(ZONES_MASK << ZONES_PGSHIFT)) && !page_ref_count(page)))
		return true;
	WARN(1, "Bad page state: pfn %#lx on a free list has flags %#lx, refcount %d\n",
	     page_to_pfn(page), page->flags, page_ref_count(page));
	return false;
}

static void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	unsigned long i, nr = 1UL << order;

	if (IS_ENABLED_DEBUG_VM)
		for (i = 0; i < nr; i++)
			check_new_page(page + i);
	__SetPageHead(page);
	PAGE_FIELD_SET(page, PAGE_ORDER, order);
	set_page_refcounted(page);
	if (gfp & __GFP_ZERO) {
		for (i = 0; i < nr; i++) {
			if (PageHighMem(page + i))
				clear_highpage(page + i);
			else
				memset(lowmem_page_address(page + i), 0, PAGE_SIZE);
		}
	}
}

static void warn_alloc(gfp_t gfp, unsigned int order)
{
	static unsigned int reported;
	struct zone *zone;

	if ((gfp & __GFP_NOWARN) || reported >= 10)
		return;
	reported++;
	pr_warn("page allocation failure: order:%u, mode:%#x (%s)\n", order, gfp,
		(gfp & __GFP_HIGHMEM) ? "highmem, then lowmem" : "lowmem only");
	for_each_zone(zone)
		if (populated_zone(zone))
			pr_warn("  %s: %lu of %lu pages free\n", zone->name,
				zone->free_pages, zone->managed_pages);
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	int z = gfp_zone(gfp);
	struct page *page = NULL;
	unsigned long flags;

	if (order > MAX_PAGE_ORDER) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	mm_lock(flags);
	for (; z >= 0 && !page; z--)	/* highmem first, then lowmem */
		page = rmqueue(&zones[z], order);
	if (page)
		page_zone(page)->alloc_count[order]++;
	else
		zones[gfp_zone(gfp)].alloc_fail++;
	mm_unlock(flags);

	if (!page) {
		warn_alloc(gfp, order);
		return NULL;
	}
	prep_new_page(page, order, gfp);
	return page;
}

/*
 * Is pfn inside a free block (not at its head)? Returns the block's head
 * pfn and order, for the double-free report.
 */
static bool pfn_in_free_block(unsigned long pfn, unsigned long *head, unsigned int *order)
{
	unsigned int o;

	for (o = 1; o < NR_PAGE_ORDERS; o++) {
		unsigned long h = pfn & ~((1UL << o) - 1);
		struct page *p = pfn_to_page(h);

		if (PageBuddy(p) && buddy_order(p) >= o && page_zone(p) == page_zone(pfn_to_page(pfn))) {
			*head = h;
			*order = buddy_order(p);
			return true;
		}
	}
	return false;
}

/* Is pfn a tail page of an allocated block? Returns the head. */
static bool pfn_in_allocated_block(unsigned long pfn, unsigned long *head, unsigned int *order)
{
	unsigned int o;

	for (o = 1; o < NR_PAGE_ORDERS; o++) {
		unsigned long h = pfn & ~((1UL << o) - 1);
		struct page *p = pfn_to_page(h);

		if (PageHead(p) && PAGE_FIELD_GET(p, PAGE_ORDER) >= o) {
			*head = h;
			*order = PAGE_FIELD_GET(p, PAGE_ORDER);
			return true;
		}
	}
	return false;
}

/*
 * Everything that makes a free wrong, each named. Called with the lock
 * held; true when the free must not go ahead.
 */
static bool bad_free(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page), head;
	unsigned int head_order;

	if (PageBuddy(page))
		return WARN(1, "Bad page state: double free of pfn %#lx (order %u): it is already free (a free order-%lu block)\n",
			    pfn, order, page->private);
	if (PageReserved(page))
		return WARN(1, "Bad page state: freeing pfn %#lx, which was never allocated: it is reserved (%s)\n",
			    pfn, pfn >= PFN_DOWN(__pa(_text)) && pfn < PFN_UP(__pa(_end)) ?
			    "the kernel image" : "a hole, firmware, boot data or mem_map");
	if (PageSlab(page))
		return WARN(1, "Bad page state: freeing pfn %#lx with __free_pages(): it is a kmalloc slab page (use kfree())\n",
			    pfn);
	if (!page_ref_count(page)) {
		if (pfn_in_free_block(pfn, &head, &head_order))
			return WARN(1, "Bad page state: double free of pfn %#lx: it is already free, inside the free order-%u block at pfn %#lx\n",
				    pfn, head_order, head);
		if (pfn_in_allocated_block(pfn, &head, &head_order))
			return WARN(1, "Bad page state: freeing pfn %#lx, which was never allocated by itself: it is page %lu of the order-%u block allocated at pfn %#lx\n",
				    pfn, pfn - head, head_order, head);
		return WARN(1, "Bad page state: freeing pfn %#lx, which was never allocated (refcount 0)\n",
			    pfn);
	}
	if (!PageHead(page) || PAGE_FIELD_GET(page, PAGE_ORDER) != order)
		return WARN(1, "Bad page state: pfn %#lx was allocated with order %lu but is freed with order %u\n",
			    pfn, PageHead(page) ? PAGE_FIELD_GET(page, PAGE_ORDER) : 0UL, order);
	return false;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags;
	struct zone *zone;

	if (WARN(!page || page < mem_map || page >= mem_map + max_mapnr ||
		 order > MAX_PAGE_ORDER,
		 "__free_pages(%p, %u): not a page of mem_map, or order too large\n",
		 page, order))
		return;
	mm_lock(flags);
	if (bad_free(page, order) || !page_ref_dec_and_test(page)) {
		mm_unlock(flags);
		return;
	}
	__ClearPageHead(page);
	PAGE_FIELD_SET(page, PAGE_ORDER, 0);
	zone = page_zone(page);
	zone->free_count[order]++;
	__free_one_page(page, zone, order);
	mm_unlock(flags);
}

/*
 * A page memblock kept back at boot, given to the buddy now (Linux's
 * free_reserved_page(): the initrd once it is unpacked).
 */
void free_reserved_page(struct page *page)
{
	unsigned long flags;

	mm_lock(flags);
	__free_pages_core(page, 0);
	mm_unlock(flags);
}

void put_page(struct page *page)
{
	__free_pages(page, PageHead(page) ? PAGE_FIELD_GET(page, PAGE_ORDER) : 0);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	/* The caller wants an address: highmem has none. */
	if (WARN_ON_ONCE(gfp & __GFP_HIGHMEM))
		gfp &= ~__GFP_HIGHMEM;
	page = alloc_pages(gfp, order);
	return page ? (unsigned long)lowmem_page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (WARN(!virt_addr_valid((void *)addr), "free_pages(%#lx): not a direct-map address\n",
		 addr))
		return;
	__free_pages(virt_to_page((void *)addr), order);
}

/* mm_lock(): see mm/internal.h. */
static arch_spinlock_t mm_big_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int mm_lock_owner = -1;
static unsigned int mm_lock_depth;

unsigned long __mm_lock(void)
{
	unsigned long flags;
	int cpu;

	local_irq_save(flags);
	cpu = raw_smp_processor_id();
	if (READ_ONCE(mm_lock_owner) == cpu) {
		mm_lock_depth++;
		return flags;
	}
	arch_spin_lock(&mm_big_lock);
	WRITE_ONCE(mm_lock_owner, cpu);
	mm_lock_depth = 1;
	return flags;
}

void __mm_unlock(unsigned long flags)
{
	if (!--mm_lock_depth) {
		WRITE_ONCE(mm_lock_owner, -1);
		arch_spin_unlock(&mm_big_lock);
	}
	local_irq_restore(flags);
}
