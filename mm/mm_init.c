// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing memory up, in Linux's order (setup_arch() then mm_core_init()):
 *
 *   1. e820_setup_memory()  the firmware map -> memblock, reservations
 *   2. find_low_pfn_range() where lowmem ends (MAXMEM, lowmem=)
 *   3. paging_init()        kernel page tables: direct map, pkmap, fixmap
 *   4. mem_map_init()       one struct page per pfn, zones (this file)
 *   5. memblock_free_all()  every free page to the buddy allocator
 *   6. kmalloc_init(), vmalloc_init()
 *   7. the reports: "Memory:", the virtual layout
 *
 * mem_map is FLATMEM: an array indexed by pfn from 0 to max_pfn, holes
 * included, in lowmem. If it would eat more than half of the free
 * lowmem (much highmem with a small lowmem= -- 7 GiB of address space
 * needs 28 MiB of struct pages), the highmem at the top that does not
 * fit is left out, loudly (cap_mem_map(), called by find_low_pfn_range()):
 * RAM without a struct page cannot be used at all.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/math64.h>
#include <kmaplab/mm.h>
#include "internal.h"

struct page *mem_map;
unsigned long mem_map_virt_bias;	/* <linux/mm.h>: lowmem_page_address() */
unsigned long max_mapnr;
unsigned long mem_map_ignored_pages;
unsigned long _totalram_pages, _totalhigh_pages;

/* Leave out the highmem whose struct pages would not fit. */
void __init cap_mem_map(void)
{
	u64 free_low = memblock_free_bytes(0, PFN_PHYS(max_low_pfn));
	unsigned long budget = (unsigned long)(free_low / 2 / sizeof(struct page));
	unsigned long new_max;

	if (max_pfn <= budget)
		return;
	new_max = max(ALIGN_DOWN(budget, MAX_ORDER_NR_PAGES), max_low_pfn);
	mem_map_ignored_pages = memblock_ram_pages(new_max, max_pfn);
	pr_warn("mem_map: struct pages for all RAM up to %#llx would take %lu KiB, "
		"more than half of the %llu KiB of free lowmem\n",
		PFN_PHYS(max_pfn) - 1, (unsigned long)(max_pfn * sizeof(struct page)) >> 10,
		free_low >> 10);
	pr_warn("mem_map: IGNORING %lu MiB of highmem above %#llx; raise lowmem= or lower mem= to use it\n",
		mem_map_ignored_pages >> (20 - PAGE_SHIFT), PFN_PHYS(new_max));
	memblock_remove(PFN_PHYS(new_max), ULLONG_MAX - PFN_PHYS(new_max));
	/* Do not end in a hole: mem_map stops where RAM does. */
	max_pfn = max((unsigned long)PFN_DOWN(memblock_end_of_DRAM()), max_low_pfn);
	highend_pfn = max(max_pfn, highstart_pfn);
}

static void __init init_zone(enum zone_type z, unsigned long start, unsigned long end)
{
	struct zone *zone = &zones[z];
	unsigned int o;

	zone->zone_start_pfn = start;
	zone->spanned_pages = end > start ? end - start : 0;
	zone->present_pages = end > start ? memblock_ram_pages(start, end) : 0;
	for (o = 0; o < NR_PAGE_ORDERS; o++)
		INIT_LIST_HEAD(&zone->free_area[o].free_list);
}

static void __init print_zones(void)
{
	unsigned long i;
	int z;

	pr_info("Zone ranges:\n");
	for (z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &zones[z];

		if (!zone->spanned_pages)
			pr_info("  %-8s empty\n", zone->name);
		else
			pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone->name,
				PFN_PHYS(zone->zone_start_pfn), PFN_PHYS(zone_end_pfn(zone)) - 1);
	}
	pr_info("Early memory node ranges\n");
	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		pr_info("  node   0: [mem %#018llx-%#018llx]\n", r->base, r->base + r->size - 1);
	}
}

void __init mem_map_init(void)
{
	unsigned long pfn, size;
	u64 pct;

	size = PAGE_ALIGN(max_pfn * sizeof(struct page));
	mem_map = memblock_alloc(size, PAGE_SIZE);
	if (!mem_map)
		panic("mem_map: no %lu KiB of lowmem for %lu struct pages", size >> 10, max_pfn);
	max_mapnr = max_pfn;
	BUILD_BUG_ON(MAX_NR_ZONES > ZONES_MASK + 1);	/* page_zonenum() */
	mem_map_virt_bias = PAGE_OFFSET -
		(unsigned long)mem_map * (PAGE_SIZE / sizeof(struct page));

	init_zone(ZONE_NORMAL, 0, max_low_pfn);
	init_zone(ZONE_HIGHMEM, max_low_pfn, max_pfn);
	/* Every page starts reserved; memblock_free_all() frees the free ones. */
	for (pfn = 0; pfn < max_pfn; pfn++)
		mem_map[pfn].flags = (1UL << PG_reserved) |
			((unsigned long)(pfn < max_low_pfn ? ZONE_NORMAL : ZONE_HIGHMEM)
			 << ZONES_PGSHIFT);

	/* The overhead, in hundredths of a percent of lowmem. */
	pct = div_u64((u64)(size >> 10) * 10000, (u32)(max_low_pfn << (PAGE_SHIFT - 10)));
	pr_info("mem_map: %lu struct pages x %u bytes = %lu KiB at %#lx, %llu.%02llu%% of lowmem\n",
		max_pfn, (unsigned int)sizeof(struct page), size >> 10, (unsigned long)mem_map,
		div_u64(pct, 100), pct - div_u64(pct, 100) * 100);
	print_zones();
}

void __init mm_init(void)
{
	unsigned long freed;

	BUILD_BUG_ON(sizeof(struct page) != 16);
	e820_setup_memory();
	find_low_pfn_range();
	paging_init();
	mem_map_init();
	freed = memblock_free_all();
	pr_info("Built 1 zonelists, mobility grouping off.  Total pages: %lu\n", freed);
	/* -m 2M boots, with a few hundred KiB left: say so before it shows */
	if (freed < SZ_1M / PAGE_SIZE)
		pr_warn("Memory: only %luK free after boot: allocations will fail (give it 4 MiB or more)\n",
			freed << (PAGE_SHIFT - 10));
	kmalloc_init();
	vmalloc_init();
	mem_init_print_info();
	print_vm_layout();
}
