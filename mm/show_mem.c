// SPDX-License-Identifier: GPL-2.0
/*
 * Memory counters and their report (Linux's si_meminfo(), nr_free_pages()
 * and show_mem() -- the "Mem-Info:" block of an OOM report). The counts
 * are read without the allocator's lock: each is one word, and a report
 * is a snapshot anyway.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <asm/tlbflush.h>
#include <kmaplab/mm.h>
#include "internal.h"

unsigned long nr_free_pages(void)
{
	struct zone *zone;
	unsigned long n = 0;

	for_each_zone(zone)
		n += READ_ONCE(zone->free_pages);
	return n;
}

unsigned long nr_free_highpages(void)
{
	return READ_ONCE(zones[ZONE_HIGHMEM].free_pages);
}

unsigned long nr_free_buffer_pages(void)
{
	return READ_ONCE(zones[ZONE_NORMAL].free_pages);
}

unsigned long totalhigh_pages(void)
{
	return READ_ONCE(_totalhigh_pages);
}

void si_meminfo(struct sysinfo *val)
{
	val->totalram = totalram_pages();
	val->freeram = nr_free_pages();
	val->totalhigh = totalhigh_pages();
	val->freehigh = nr_free_highpages();
	val->mem_unit = PAGE_SIZE;
}

#define K(x) ((x) << (PAGE_SHIFT - 10))

static void show_free_areas(const struct zone *zone)
{
	char line[320];
	unsigned long nr[NR_PAGE_ORDERS], total = 0, flags;
	unsigned int o;
	int len;

	mm_lock(flags);		/* one consistent picture of the lists */
	for (o = 0; o < NR_PAGE_ORDERS; o++)
		nr[o] = zone->free_area[o].nr_free;
	mm_unlock(flags);

	len = scnprintf(line, sizeof(line), "%s:", zone->name);
	for (o = 0; o < NR_PAGE_ORDERS; o++) {
		total += nr[o] << o;
		len += scnprintf(line + len, sizeof(line) - len, " %lu*%lukB", nr[o],
				 K(1UL << o));
	}
	pr_info("%s = %lukB\n", line, K(total));
}

void show_mem(void)
{
	const struct zone *zone;
	unsigned long present = 0, managed = 0;
	unsigned int o;

	pr_info("Mem-Info:\n");
	for_each_zone(zone) {
		unsigned long allocs = 0, frees = 0;

		for (o = 0; o < NR_PAGE_ORDERS; o++) {
			allocs += zone->alloc_count[o];
			frees += zone->free_count[o];
		}
		pr_info("%s free:%lukB managed:%lukB present:%lukB spanned:[pfn %#lx-%#lx) "
			"allocs:%lu frees:%lu failed:%lu\n", zone->name, K(zone->free_pages),
			K(zone->managed_pages), K(zone->present_pages), zone->zone_start_pfn,
			zone_end_pfn(zone), allocs, frees, zone->alloc_fail);
		present += zone->present_pages;
		managed += zone->managed_pages;
	}
	for_each_zone(zone)
		if (populated_zone(zone))
			show_free_areas(zone);
	pr_info("%lu pages RAM\n", present);
	pr_info("%lu pages HighMem\n", zones[ZONE_HIGHMEM].present_pages);
	pr_info("%lu pages reserved\n", present - managed);
	if (mem_map_ignored_pages)
		pr_info("%lu pages ignored (no room for their struct pages)\n",
			mem_map_ignored_pages);
	pr_info("vmalloc: %u areas, %lu pages mapped\n", vmalloc_nr_areas(),
		vmalloc_nr_pages());
	kmalloc_show_stats();
	show_tlb_stats();
}
