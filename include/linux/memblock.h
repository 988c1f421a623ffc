/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

/*
 * memblock (mm/memblock.c): the boot-time view of physical memory, before
 * the buddy allocator exists. Two sorted lists of ranges: 'memory' (RAM
 * the firmware said is usable) and 'reserved' (parts of it already taken:
 * the first MiB, the kernel image, modules, page tables, mem_map). Early
 * allocations carve from memory minus reserved, top-down below
 * memblock.current_limit (what is direct-mapped at the time).
 * memblock_free_all() hands the rest to the buddy allocator; after it,
 * memblock must not be used.
 */
#define INIT_MEMBLOCK_REGIONS 128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

#define MEMBLOCK_ALLOC_ACCESSIBLE 0

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
void memblock_set_current_limit(phys_addr_t limit);

/* Physical address of size bytes (aligned) under the limit, or 0. */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
/* Zeroed, direct-mapped memory; NULL when there is none. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);

phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
/* Pages of memory (RAM, reserved or not) in [start_pfn, end_pfn). */
unsigned long memblock_ram_pages(unsigned long start_pfn, unsigned long end_pfn);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);
/* Free (memory and not reserved) bytes in [start, end). */
phys_addr_t memblock_free_bytes(phys_addr_t start, phys_addr_t end);
void memblock_dump_all(void);

/* Iterate the free ranges (memory minus reserved) in address order. */
bool memblock_next_free_range(phys_addr_t *cursor, phys_addr_t *start,
			      phys_addr_t *end);

/* Give every free page to the buddy allocator; returns the page count. */
unsigned long memblock_free_all(void);

#endif /* _LINUX_MEMBLOCK_H */
