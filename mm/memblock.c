// SPDX-License-Identifier: GPL-2.0
/*
 * memblock: the boot-time physical memory allocator, before mem_map and
 * the buddy allocator exist (Linux's mm/memblock.c, reduced to what a
 * single-node 32-bit kernel needs).
 *
 * Two sorted, non-overlapping lists of ranges: 'memory' says where RAM
 * is, 'reserved' which parts of it are taken. An allocation is a range
 * of memory outside reserved, chosen top-down below current_limit (the
 * end of what is direct-mapped at the time), and becomes reserved.
 * memblock_free_all() finally gives everything still free to the buddy
 * allocator.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include "internal.h"

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.current_limit = BOOT_MAP_SIZE,
	.memory = { 0, INIT_MEMBLOCK_REGIONS, memory_regions, "memory" },
	.reserved = { 0, INIT_MEMBLOCK_REGIONS, reserved_regions, "reserved" },
};

static bool memblock_frozen;	/* set by memblock_free_all() */

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static void remove_region(struct memblock_type *type, unsigned long i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

/* Insert [base, base+size) keeping the list sorted; merge neighbours. */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned long i;

	if (!size)
		return 0;
	if (WARN(memblock_frozen, "memblock_add_range(%s) after memblock_free_all()\n",
		 type->name))
		return -EINVAL;
	/* Absorb every region that overlaps or touches the new one. */
	for (i = 0; i < type->cnt;) {
		struct memblock_region *r = &type->regions[i];

		if (region_end(r) < base || r->base > end) {
			i++;
			continue;
		}
		base = min(base, r->base);
		end = max(end, region_end(r));
		remove_region(type, i);
	}
	if (type->cnt == type->max) {
		pr_err("memblock: %s: more than %lu regions, [mem %#018llx-%#018llx] dropped\n",
		       type->name, type->max, base, end - 1);
		return -ENOMEM;
	}
	for (i = 0; i < type->cnt && type->regions[i].base < base; i++)
		;
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = end - base;
	type->cnt++;
	return 0;
}

/* Cut [base, base+size) out of every region, splitting one if needed. */
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned long i;

	for (i = 0; i < type->cnt;) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = region_end(r);

		if (rend <= base || r->base >= end) {
			i++;
			continue;
		}
		if (r->base < base && rend > end) {
			/* The hole is inside r: keep both sides. */
			r->size = base - r->base;
			return memblock_add_range(type, end, rend - end);
		}
		if (r->base < base) {
			r->size = base - r->base;
			i++;
		} else if (rend > end) {
			r->size = rend - end;
			r->base = end;
			i++;
		} else {
			remove_region(type, i);
		}
	}
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/*
 * The next free range (in memory, not reserved) that ends after *cursor,
 * clipped to start at *cursor; advances *cursor past it.
 */
bool memblock_next_free_range(phys_addr_t *cursor, phys_addr_t *start,
			      phys_addr_t *end)
{
	const struct memblock_type *mem = &memblock.memory;
	const struct memblock_type *res = &memblock.reserved;
	unsigned long i, j;

	for (i = 0; i < mem->cnt; i++) {
		phys_addr_t s = max(mem->regions[i].base, *cursor);
		phys_addr_t e = region_end(&mem->regions[i]);

		for (j = 0; j < res->cnt && s < e; j++) {
			const struct memblock_region *q = &res->regions[j];

			if (region_end(q) <= s)
				continue;
			if (q->base >= e)
				break;
			if (q->base <= s) {
				s = region_end(q);
				continue;
			}
			e = q->base;	/* free up to the next reservation */
			break;
		}
		if (s < e) {
			*start = s;
			*end = e;
			*cursor = e;
			return true;
		}
	}
	return false;
}

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	phys_addr_t cursor = 0, s, e, best = 0;
	bool found = false;

	if (WARN(memblock_frozen, "memblock allocation after memblock_free_all()\n"))
		return 0;
	if (!align)
		align = PAGE_SIZE;
	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end > memblock.current_limit)
		end = memblock.current_limit;
	while (memblock_next_free_range(&cursor, &s, &e)) {
		phys_addr_t cand;

		s = max(s, start);
		e = min(e, end);
		if (s >= e || e - s < size)
			continue;
		cand = (e - size) & ~(align - 1);	/* top-down, as Linux */
		if (cand >= s && (!found || cand > best)) {
			best = cand;
			found = true;
		}
	}
	if (!found || memblock_reserve(best, size))
		return 0;
	return best;
}

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, PAGE_SIZE,
					 MEMBLOCK_ALLOC_ACCESSIBLE);
}

void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t limit = min_t(phys_addr_t, memblock.current_limit,
				  PFN_PHYS(max_low_pfn));
	phys_addr_t pa;
	void *va;

	/* Only direct-mapped (lowmem) memory has a virtual address. */
	if (!max_low_pfn)
		limit = memblock.current_limit;
	pa = memblock_phys_alloc_range(size, align, PAGE_SIZE, limit);
	if (!pa)
		return NULL;
	va = __va((unsigned long)pa);
	memset(va, 0, size);
	return va;
}

static phys_addr_t type_size(const struct memblock_type *type)
{
	phys_addr_t total = 0;
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return type_size(&memblock.memory);
}

phys_addr_t memblock_reserved_size(void)
{
	return type_size(&memblock.reserved);
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	const struct memblock_type *mem = &memblock.memory;

	return mem->cnt ? region_end(&mem->regions[mem->cnt - 1]) : 0;
}

static bool type_contains(const struct memblock_type *type, phys_addr_t addr)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base && addr < region_end(&type->regions[i]))
			return true;
	return false;
}

unsigned long memblock_ram_pages(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long i, n = 0;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		u64 s = max_t(u64, r->base, PFN_PHYS(start_pfn));
		u64 e = min_t(u64, region_end(r), PFN_PHYS(end_pfn));

		if (e > s)
			n += (unsigned long)PFN_DOWN(e - s);
	}
	return n;
}

bool memblock_is_memory(phys_addr_t addr)
{
	return type_contains(&memblock.memory, addr);
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return type_contains(&memblock.reserved, addr);
}

phys_addr_t memblock_free_bytes(phys_addr_t start, phys_addr_t end)
{
	phys_addr_t cursor = start, s, e, total = 0;

	while (memblock_next_free_range(&cursor, &s, &e) && s < end)
		total += min(e, end) - s;
	return total;
}

static void dump_type(const struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%lx]\t[%#018llx-%#018llx], %#llx bytes\n",
			type->name, i, r->base, region_end(r) - 1, r->size);
	}
}

void memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = %#llx reserved size = %#llx\n",
		memblock_phys_mem_size(), memblock_reserved_size());
	dump_type(&memblock.memory);
	dump_type(&memblock.reserved);
}

/*
 * Give every free page below max_pfn to the buddy allocator, in the
 * largest naturally aligned blocks that fit, and clear PG_reserved on
 * them. Everything else keeps PG_reserved forever.
 */
unsigned long memblock_free_all(void)
{
	phys_addr_t cursor = 0, s, e;
	unsigned long count = 0;

	while (memblock_next_free_range(&cursor, &s, &e)) {
		unsigned long pfn = PFN_UP(s);
		unsigned long end = min_t(phys_addr_t, PFN_DOWN(e), max_pfn);

		/* A block never straddles the lowmem/highmem boundary. */
		while (pfn < end) {
			unsigned long limit = pfn < max_low_pfn ? min(end, max_low_pfn) : end;
			unsigned int order = pfn ? min_t(unsigned int, __builtin_ctzl(pfn),
							 MAX_PAGE_ORDER) : MAX_PAGE_ORDER;

			while (pfn + (1UL << order) > limit)
				order--;
			__free_pages_core(pfn_to_page(pfn), order);
			count += 1UL << order;
			pfn += 1UL << order;
		}
	}
	memblock_frozen = true;
	return count;
}
