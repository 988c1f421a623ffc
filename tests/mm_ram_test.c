// SPDX-License-Identifier: GPL-2.0
/*
 * mm_ram: what the boot made of this machine's RAM, for the RAM-size
 * matrix (-m 16M, 128M with lowmem=32M, 1G, 6G). The limits follow from
 * the memory map and the command line; every populated zone gives out
 * pages; and with more than 4 GiB, a page above 4 GiB is highmem and
 * can be mapped and used (a 36-bit physical address in a PAE PTE).
 */
#include <linux/memblock.h>
#include <linux/vmalloc.h>
#include <linux/highmem.h>
#include <kmaplab/printk.h>
#include "mm_test.h"
#include "../mm/internal.h"

#define PFN_4G 0x100000UL

static void mm_ram_limits(struct kunit *test)
{
	unsigned long ram_end = (unsigned long)PFN_DOWN(memblock_end_of_DRAM());
	unsigned long want_low = min(ram_end, (unsigned long)(MAXMEM >> PAGE_SHIFT));

	if (lowmem_limit_cmdline)
		want_low = min(want_low, (unsigned long)PFN_DOWN(lowmem_limit_cmdline));
	KUNIT_EXPECT_EQ(test, max_low_pfn, want_low);
	KUNIT_EXPECT_EQ(test, max_pfn, ram_end);
	if (mem_limit_cmdline)
		KUNIT_EXPECT_LE(test, PFN_PHYS(max_pfn), mem_limit_cmdline);
	KUNIT_EXPECT_LE(test, max_pfn, 1UL << (36 - PAGE_SHIFT));	/* PAE: 64 GiB */
	kunit_info(test, "RAM %lu MiB: lowmem %lu MiB, highmem %lu MiB, mem_map %lu KiB%s\n",
		   memblock_ram_pages(0, max_pfn) >> 8, max_low_pfn >> 8,
		   totalhigh_pages() >> 8, (max_pfn * (unsigned long)sizeof(struct page)) >> 10,
		   mem_map_ignored_pages ? " (some highmem ignored)" : "");
}

static void mm_ram_every_zone(struct kunit *test)
{
	struct page *low = alloc_page(GFP_KERNEL), *high;

	KUNIT_ASSERT_NOT_NULL(test, low);
	KUNIT_EXPECT_FALSE(test, PageHighMem(low));
	__free_page(low);
	if (!totalhigh_pages()) {
		KUNIT_EXPECT_EQ(test, max_pfn, max_low_pfn);
		kunit_skip(test, "no highmem on this machine");
	}
	high = alloc_page(GFP_HIGHUSER);
	KUNIT_ASSERT_NOT_NULL(test, high);
	KUNIT_EXPECT_TRUE(test, PageHighMem(high));
	/*
	 * kunmap() unmaps lazily: a page freed while still in the pkmap pool
	 * keeps its pool address until the pool wraps (as in Linux). Drop
	 * such leftovers first; then a highmem page has no address.
	 */
	kmap_flush_unused();
	KUNIT_EXPECT_NULL(test, page_address(high));
	__free_page(high);
}

static void mm_ram_above_4g(struct kunit *test)
{
	struct page *page, *found = NULL;
	unsigned int order, i;
	LIST_HEAD(held);
	u32 *v;
	pte_t *pte;

	if (max_pfn <= PFN_4G && mem_map_ignored_pages)
		kunit_skip(test, "RAM above 4 GiB ignored: its mem_map does not fit in lowmem");
	if (max_pfn <= PFN_4G)
		kunit_skip(test, "no RAM above 4 GiB (boot with -m 6G)");
	/* Take highmem blocks until one lies above 4 GiB. */
	for (order = MAX_PAGE_ORDER + 1; order-- > 0 && !found;) {
		while (!found && (page = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, order))) {
			if (page_to_pfn(page) >= PFN_4G) {
				found = page;
				break;
			}
			list_add(&page->lru, &held);
		}
	}
	mm_release_all(&held);
	KUNIT_ASSERT_NOT_NULL(test, found);
	KUNIT_EXPECT_TRUE(test, PageHighMem(found));
	KUNIT_EXPECT_EQ(test, page_zonenum(found), ZONE_HIGHMEM);
	KUNIT_EXPECT_GE(test, page_to_phys(found), 1ULL << 32);
	kmap_flush_unused();	/* no lazy pkmap leftovers (see mm_ram_every_zone) */
	KUNIT_EXPECT_NULL(test, page_address(found));

	/* Map it: the PTE carries a physical address above 32 bits. */
	v = vmap(&found, 1, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	pte = virt_to_kpte((unsigned long)v);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ(test, (pte_val(*pte) & PTE_PFN_MASK) >> PAGE_SHIFT, (u64)page_to_pfn(found));
	KUNIT_EXPECT_NE(test, (u32)((pte_val(*pte) & PTE_PFN_MASK) >> 32), 0U);
	for (i = 0; i < PAGE_SIZE / 4; i++)
		v[i] = page_to_pfn(found) ^ i;
	vunmap(v);
	v = vmap(&found, 1, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	for (i = 0; i < PAGE_SIZE / 4; i++)
		if (v[i] != (page_to_pfn(found) ^ i))
			break;
	KUNIT_EXPECT_EQ(test, i, (unsigned int)(PAGE_SIZE / 4));
	vunmap(v);
	kunit_info(test, "pfn %#lx (phys %#llx) is highmem, mapped and read back\n",
		   page_to_pfn(found), page_to_phys(found));
	put_page(found);
}

/* show_mem(): the per-zone, per-order report adds up to nr_free_pages(). */
static void mm_ram_show_mem(struct kunit *test)
{
	static char out[4096];
	struct printk_capture cap;
	unsigned long total = 0, kb;
	const char *p;
	char want[48];

	printk_capture_start(&cap, out, sizeof(out));
	show_mem();
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Mem-Info:"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Normal: "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "TLB flushes"));
	/* Each zone's line ends in "= NkB": their sum is the free memory. */
	for (p = out; (p = strstr(p, "kB = ")); p += 5) {
		kb = simple_strtoul(p + 5, NULL, 10);
		total += kb;
	}
	/* (Nothing allocates while the report is printed: same count.) */
	KUNIT_EXPECT_EQ(test, total, nr_free_pages() << (PAGE_SHIFT - 10));
	snprintf(want, sizeof(want), "%lu pages RAM", memblock_ram_pages(0, max_pfn));
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, want), "no \"%s\"", want);
}

static struct kunit_case mm_ram_cases[] = {
	KUNIT_CASE(mm_ram_limits),
	KUNIT_CASE(mm_ram_every_zone),
	KUNIT_CASE(mm_ram_above_4g),
	KUNIT_CASE(mm_ram_show_mem),
	{}
};

static struct kunit_suite mm_ram_suite = {
	.name = "mm_ram",
	.test_cases = mm_ram_cases,
};
kunit_test_suite(mm_ram_suite);
