/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

/* mm/'s private interfaces: not for code outside mm/ and its tests. */
#include <linux/mm.h>
#include <linux/irqflags.h>

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
void e820_setup_memory(void);		/* mm/e820.c: memblock from the map */
void find_low_pfn_range(void);		/* mm/init_32.c */
void paging_init(void);			/* mm/init_32.c: kernel page tables */
void cap_mem_map(void);			/* mm/mm_init.c: fit mem_map in lowmem */
void mem_map_init(void);		/* mm/mm_init.c: mem_map and zones */
void mem_init_print_info(void);		/* mm/init_32.c */
void vmalloc_init(void);		/* mm/vmalloc.c */

/* mm/page_alloc.c: the buddy allocator's boot entry. */
void __free_pages_core(struct page *page, unsigned int order);

/* mm/e820.c: the limits from the command line (0 = none). */
extern u64 mem_limit_cmdline;
extern u64 lowmem_limit_cmdline;

/* mm/mm_init.c: how much RAM has no struct page (mem_map capped). */
extern unsigned long mem_map_ignored_pages;

/* Bytes of kernel image sections (from linker.ld). */
extern char _text[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[], __bss_start[], __bss_stop[], _end[];
extern char boot_stack_guard[], boot_pt[];

/*
 * mm/pgtable.c: the PTE slot for a kernel address, allocating the page
 * table (a zeroed lowmem page from the buddy allocator, never freed) if
 * the page directory has none. NULL when no memory.
 */
pte_t *kernel_pte_alloc(unsigned long addr);

/* mm/init_32.c: the pte of a fixmap index (one page table holds them all). */
pte_t *fixmap_pte(unsigned int idx);

/* mm/page_alloc.c: zero a highmem page through a temporary mapping. */

#endif /* _MM_INTERNAL_H */
