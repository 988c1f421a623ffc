/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

/* mm/'s private interfaces: not for code outside mm/ and its tests. */
#include <linux/mm.h>
#include <linux/irqflags.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>

#ifdef CONFIG_DEBUG_VM
#define IS_ENABLED_DEBUG_VM 1
#else
#define IS_ENABLED_DEBUG_VM 0
#endif

/*
 * The fields packed into page->flags above the PG_ bits (the picture is
 * in <linux/mm_types.h>).
 */
#define PAGE_ORDER_SHIFT 10
#define PAGE_ORDER_MASK 0xfUL
#define SLAB_CACHE_SHIFT 14
#define SLAB_CACHE_MASK 0xfUL
#define SLAB_INUSE_SHIFT 18
#define SLAB_INUSE_MASK 0x7ffUL

#define PAGE_FIELD_GET(page, f) (((page)->flags >> f##_SHIFT) & f##_MASK)
#define PAGE_FIELD_SET(page, f, v) do {					\
	(page)->flags = ((page)->flags & ~(f##_MASK << f##_SHIFT)) |	\
			(((unsigned long)(v) & f##_MASK) << f##_SHIFT);	\
} while (0)

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags = (page->flags & ~(ZONES_MASK << ZONES_PGSHIFT)) |
		      ((unsigned long)zone << ZONES_PGSHIFT);
}

/* The order of a free block, on its head page (PageBuddy). */
static inline unsigned int buddy_order(const struct page *page)
{
	return page->private;
}

/*
 * The allocators' lock. They may be called from interrupt handlers, so
 * it turns interrupts off; and as that protects only against this CPU,
 * it is also one lock word shared by the allocators (the big-lock
 * version of Linux's zone->lock). It nests on the CPU that holds it -- kmalloc takes it and
 * calls into the page allocator, which takes it again -- so it counts
 * depth for its owner CPU instead of deadlocking on itself.
 */
unsigned long __mm_lock(void);
void __mm_unlock(unsigned long flags);
#define mm_lock(flags) ((flags) = __mm_lock())
#define mm_unlock(flags) __mm_unlock(flags)

/* Boot steps, in the order mm_init() runs them. */
void mem_map_init(void);		/* mm/mm_init.c: mem_map and zones */
void vmalloc_init(void);		/* mm/vmalloc.c */

/* mm/page_alloc.c: the buddy allocator's boot entry. */
void __free_pages_core(struct page *page, unsigned int order);

/* mm/mm_init.c: how much RAM has no struct page (mem_map capped). */
extern unsigned long mem_map_ignored_pages;

#endif /* _MM_INTERNAL_H */
