/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <asm/pgtable_types.h>

/*
 * struct page: one per physical page frame, in mem_map[] (lowmem). Its
 * size times the number of frames is lowmem the kernel can never use for
 * anything else -- 16 bytes here, 0.4% of RAM; Linux's is 32+ bytes on
 * 32-bit. There is deliberately no 'virtual' field: a lowmem page's
 * address is computed (__va of its physical address) and a highmem page
 * has none until kmap() gives it one, which mm/highmem.c records in a
 * hash (Linux's HASHED_PAGE_VIRTUAL).
 *
 * flags (see <linux/page-flags.h> for the bits):
 *
 *   31 30 29 28           18 17      14 13    10 9             0
 *  [zone][-][ slab: inuse  ][slab cache][ order ][   PG_ bits    ]
 *
 *   zone       ZONE_NORMAL or ZONE_HIGHMEM, fixed at boot
 *   order      order of the block this page heads, while allocated
 *              (checked by __free_pages(), used by kfree() for big objects)
 *   slab cache index of the kmalloc cache, while PageSlab
 *   slab inuse objects handed out from this slab, while PageSlab
 *
 * The other two words mean different things depending on who owns the
 * page, as in Linux:
 *
 *   owner          lru                     third word
 *   buddy (free)   link in free_area list  private: order of the free block
 *   allocated      free for the owner      _refcount (1 after alloc_pages)
 *   kmalloc slab   link in partial list    freelist: first free object
 */
struct page {
	unsigned long flags;
	union {
		struct list_head lru;
		struct list_head slab_list;
	};
	union {
		unsigned long private;
		atomic_t _refcount;
		void *freelist;
	};
};

/*
 * The kernel's address space. kmaplab has no user processes: init_mm
 * is the only one, and its pgd is swapper_pg_dir (the PAE PDPT).
 */
struct mm_struct {
	pgd_t *pgd;
	const char *name;
};

extern struct mm_struct init_mm;

#endif /* _LINUX_MM_TYPES_H */
