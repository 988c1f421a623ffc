// SPDX-License-Identifier: GPL-2.0
/*
 * mm_split: the lowmem/highmem split is real. A lowmem page lives at
 * PAGE_OFFSET + its physical address; a highmem page has no address
 * (page_address() is NULL) and nothing in the direct map reaches it --
 * the place it would be is not mapped and faults. The zones, limits and
 * counters agree with each other.
 */
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/memblock.h>
#include <linux/highmem.h>
#include <asm/pgtable.h>
#include "mm_test.h"

static void mm_split_lowmem_page(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long pfn;
	u32 v;
	void *addr;

	KUNIT_ASSERT_NOT_NULL(test, page);
	pfn = page_to_pfn(page);
	addr = page_address(page);
	KUNIT_EXPECT_FALSE(test, PageHighMem(page));
	KUNIT_EXPECT_EQ(test, page_zonenum(page), ZONE_NORMAL);
	KUNIT_EXPECT_EQ(test, (unsigned long)addr, PAGE_OFFSET + (unsigned long)page_to_phys(page));
	KUNIT_EXPECT_PTR_EQ(test, virt_to_page(addr), page);
	KUNIT_EXPECT_PTR_EQ(test, virt_to_page((char *)addr + PAGE_SIZE - 1), page);
	KUNIT_EXPECT_PTR_EQ(test, pfn_to_page(pfn), page);
	KUNIT_EXPECT_EQ(test, page_to_phys(page), (u64)pfn << PAGE_SHIFT);
	KUNIT_EXPECT_EQ(test, virt_to_pfn(addr), pfn);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)addr), 0);
	__free_page(page);
}

static void mm_split_highmem_page(struct kunit *test)
{
	struct page *page = mm_alloc_highpage(test, 0);
	phys_addr_t phys = page_to_phys(page);
	unsigned int level;
	pte_t *pte;
	u32 v;

	KUNIT_EXPECT_EQ(test, page_zonenum(page), ZONE_HIGHMEM);
	KUNIT_EXPECT_GE(test, page_to_pfn(page), max_low_pfn);
	/* Drop pages a kunmap() left lazily in the pkmap pool (as Linux does). */
	kmap_flush_unused();
	KUNIT_EXPECT_NULL(test, page_address(page));
	/*
	 * PAGE_OFFSET + phys is inside the 4 GiB only for phys < 1 GiB;
	 * there, whatever is mapped (nothing, or a vmalloc/pkmap/fixmap
	 * page) is not this page.
	 */
	if (phys < (1ULL << 30)) {
		unsigned long would_be = PAGE_OFFSET + (unsigned long)phys;

		pte = lookup_address(would_be, &level);
		if (pte && level == PG_LEVEL_4K && pte_present(*pte))
			KUNIT_EXPECT_NE(test, pte_pfn(*pte), page_to_pfn(page));
		else
			KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)would_be), -EFAULT);
	}
	__free_page(page);
}

/* The first highmem page would sit at high_memory: not mapped, faults. */
static void mm_split_high_memory_unmapped(struct kunit *test)
{
	pte_t *pte;
	u8 b;

	KUNIT_EXPECT_PTR_EQ(test, high_memory, __va(max_low_pfn << PAGE_SHIFT));
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, (u8 *)high_memory - 1), 0);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, (u8 *)high_memory), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, (u8 *)high_memory + PAGE_SIZE), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, (u8 *)VMALLOC_START - 1), -EFAULT);
	pte = virt_to_kpte((unsigned long)high_memory);
	KUNIT_EXPECT_TRUE(test, !pte || !pte_present(*pte));
}

/* Walk every direct-map PTE: lowmem pfns only, each at its own address. */
static void mm_split_direct_map_is_lowmem(struct kunit *test)
{
	unsigned long va, bad = 0, mapped = 0;

	for (va = PAGE_OFFSET; va < (unsigned long)high_memory; va += PAGE_SIZE) {
		pte_t *pte = virt_to_kpte(va);

		if (!pte || !pte_present(*pte))
			continue;
		mapped++;
		if (pte_pfn(*pte) != (va - PAGE_OFFSET) >> PAGE_SHIFT ||
		    pte_pfn(*pte) >= max_low_pfn)
			bad++;
	}
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	/* All of lowmem but page 0 and the boot stack's guard page. */
	KUNIT_EXPECT_EQ(test, mapped, max_low_pfn - 2);
}

static void mm_split_zones(struct kunit *test)
{
	const struct zone *normal = &zones[ZONE_NORMAL], *high = &zones[ZONE_HIGHMEM];

	KUNIT_EXPECT_EQ(test, normal->zone_start_pfn, 0UL);
	KUNIT_EXPECT_EQ(test, zone_end_pfn(normal), max_low_pfn);
	KUNIT_EXPECT_EQ(test, highstart_pfn, max_low_pfn);
	KUNIT_EXPECT_LE(test, max_low_pfn, MAXMEM >> PAGE_SHIFT);
	KUNIT_EXPECT_EQ(test, max_mapnr, max_pfn);
	KUNIT_EXPECT_FALSE(test, PageHighMem(pfn_to_page(max_low_pfn - 1)));
	if (max_pfn > max_low_pfn) {
		KUNIT_EXPECT_EQ(test, high->zone_start_pfn, max_low_pfn);
		KUNIT_EXPECT_EQ(test, zone_end_pfn(high), max_pfn);
		KUNIT_EXPECT_TRUE(test, PageHighMem(pfn_to_page(max_low_pfn)));
		KUNIT_EXPECT_TRUE(test, PageHighMem(pfn_to_page(max_pfn - 1)));
	} else {
		KUNIT_EXPECT_EQ(test, high->spanned_pages, 0UL);
	}
	/* Areas in Linux's order, none overlapping. */
	KUNIT_EXPECT_EQ(test, VMALLOC_START, (unsigned long)high_memory + VMALLOC_OFFSET);
	KUNIT_EXPECT_LT(test, VMALLOC_START, VMALLOC_END);
	KUNIT_EXPECT_LE(test, VMALLOC_END + 2 * PAGE_SIZE, PKMAP_BASE);
	KUNIT_EXPECT_LE(test, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE, FIXADDR_START);
}

static void mm_split_counters(struct kunit *test)
{
	struct sysinfo si;

	si_meminfo(&si);
	KUNIT_EXPECT_EQ(test, si.totalram,
			zones[ZONE_NORMAL].managed_pages + zones[ZONE_HIGHMEM].managed_pages);
	KUNIT_EXPECT_EQ(test, si.totalhigh, zones[ZONE_HIGHMEM].managed_pages);
	KUNIT_EXPECT_EQ(test, totalhigh_pages(), si.totalhigh);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), nr_free_buffer_pages() + nr_free_highpages());
	KUNIT_EXPECT_LE(test, si.freeram, si.totalram);
	KUNIT_EXPECT_LE(test, si.freehigh, si.totalhigh);
	KUNIT_EXPECT_LE(test, zones[ZONE_NORMAL].managed_pages, zones[ZONE_NORMAL].present_pages);
	KUNIT_EXPECT_LE(test, zones[ZONE_HIGHMEM].managed_pages, zones[ZONE_HIGHMEM].present_pages);
	/* Highmem has nothing reserved in it (mem_map and tables are lowmem). */
	KUNIT_EXPECT_EQ(test, zones[ZONE_HIGHMEM].managed_pages, zones[ZONE_HIGHMEM].present_pages);
}

static struct kunit_case mm_split_cases[] = {
	KUNIT_CASE(mm_split_lowmem_page),
	KUNIT_CASE(mm_split_highmem_page),
	KUNIT_CASE(mm_split_high_memory_unmapped),
	KUNIT_CASE(mm_split_direct_map_is_lowmem),
	KUNIT_CASE(mm_split_zones),
	KUNIT_CASE(mm_split_counters),
	{}
};

static struct kunit_suite mm_split_suite = {
	.name = "mm_split",
	.test_cases = mm_split_cases,
};
kunit_test_suite(mm_split_suite);
