// SPDX-License-Identifier: GPL-2.0
/*
 * The 32-bit kernel's view of memory (Linux's arch/x86/mm/init_32.c):
 * where lowmem ends, the kernel page tables that direct-map it, the
 * permanent page tables of the pkmap and fixmap areas, and the boot
 * reports ("LOWMEM available", "Memory:", "virtual kernel memory layout").
 *
 * Lowmem is what fits under the vmalloc area: MAXMEM (~892 MiB), or less
 * with lowmem=. Everything above is highmem: it gets a struct page and
 * goes to the buddy allocator, but no page-table entry -- touching where
 * it would be in the direct map faults, as it must.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/tlbflush.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <kmaplab/mm.h>

void *high_memory;
unsigned long max_low_pfn, max_pfn, highstart_pfn, highend_pfn;
pte_t *pkmap_page_table;
static pte_t *fixmap_page_table;

#define pages_to_mb(x) ((x) >> (20 - PAGE_SHIFT))

void __init find_low_pfn_range(void)
{
	unsigned long limit = MAXMEM >> PAGE_SHIFT;
	u64 end = memblock_end_of_DRAM();

	max_pfn = (unsigned long)PFN_DOWN(end);
	if (lowmem_limit_cmdline) {
		unsigned long want = (unsigned long)PFN_DOWN(min_t(u64, lowmem_limit_cmdline,
								    MAXMEM));

		if (lowmem_limit_cmdline > MAXMEM)
			pr_warn("lowmem=%lluM is above MAXMEM (%luM); using %luM\n",
				lowmem_limit_cmdline >> 20, MAXMEM >> 20, MAXMEM >> 20);
		limit = want;
	}
	max_low_pfn = min(max_pfn, limit);
	highstart_pfn = highend_pfn = max_low_pfn;
	if (max_pfn > max_low_pfn)
		highend_pfn = max_pfn;
	high_memory = __va(PFN_PHYS(max_low_pfn));
	cap_mem_map();

	/* Linux prints the spans; these are the RAM in them (holes left out). */
	pr_notice("%luMB HIGHMEM available.\n",
		  pages_to_mb(memblock_ram_pages(highstart_pfn, highend_pfn)));
	pr_notice("%luMB LOWMEM available.\n", pages_to_mb(memblock_ram_pages(0, max_low_pfn)));
	if (lowmem_limit_cmdline && max_pfn > max_low_pfn)
		pr_notice("lowmem=%lluM: RAM above %#llx is highmem\n",
			  lowmem_limit_cmdline >> 20, PFN_PHYS(max_low_pfn));
	else if (lowmem_limit_cmdline && lowmem_limit_cmdline > PFN_PHYS(max_pfn))
		pr_notice("lowmem=%lluM: above the RAM (%lluM): no highmem\n",
			  lowmem_limit_cmdline >> 20, PFN_PHYS(max_pfn) >> 20);
	/* Until the direct map is rebuilt only the boot map can be used. */
	memblock_set_current_limit(min_t(phys_addr_t, BOOT_MAP_SIZE,
					 PFN_PHYS(max_low_pfn)));
}

/*
 * The protection of the direct-map page for pfn: text read-only and
 * executable, rodata read-only, everything else read-write and NX.
 * Page 0 and the boot stack's guard page are not mapped at all.
 */
static pte_t __init direct_map_pte(unsigned long pfn)
{
	unsigned long va = PAGE_OFFSET + (pfn << PAGE_SHIFT);

	if (pfn == 0 || pfn >= max_low_pfn || va == (unsigned long)boot_stack_guard)
		return __pte(0);
	if (va >= (unsigned long)_text && va < (unsigned long)_etext)
		return pfn_pte(pfn, PAGE_KERNEL_ROX);
	if (va >= (unsigned long)__start_rodata && va < (unsigned long)__end_rodata)
		return pfn_pte(pfn, PAGE_KERNEL_RO);
	return pfn_pte(pfn, PAGE_KERNEL);
}

/* A page table for addr that lives as long as the kernel. */
static pte_t * __init permanent_page_table(unsigned long addr, const char *what)
{
	pte_t *pt = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

	if (!pt)
		panic("paging_init: no lowmem for the %s page table", what);
	set_pmd(pmd_off_k(addr), __pmd(__pa(pt) | _KERNPG_TABLE));
	return pt;
}

void __init paging_init(void)
{
	unsigned long nr_tables = DIV_ROUND_UP(max_low_pfn, PTRS_PER_PTE);
	unsigned long boot_tables = BOOT_MAP_SIZE >> PMD_SHIFT;
	pte_t *boot_ptes = (pte_t *)boot_pt;
	unsigned long i, j;

	BUILD_BUG_ON(PKMAP_BASE & ~PMD_MASK);
	BUILD_BUG_ON(PKMAP_BASE + LAST_PKMAP * PAGE_SIZE > (FIXADDR_START & PMD_MASK));
	BUILD_BUG_ON(pmd_index(FIXADDR_START) != pmd_index(FIXADDR_TOP));
	BUILD_BUG_ON(VMALLOC_END >= PKMAP_BASE);

	/* NX only where the CPU has it; global pages only with PGE. */
	if (nx_enabled)
		__supported_pte_mask |= _PAGE_NX;
	if (!boot_cpu_data.has_pge)
		__supported_pte_mask &= ~_PAGE_GLOBAL;

	/*
	 * The direct map, one 4 KiB page at a time (no 2 MiB pages: the
	 * protections differ page by page, and a student can follow every
	 * entry). The first BOOT_MAP_SIZE reuses head.asm's page tables,
	 * rewritten in place; the rest come from memblock, below 16 MiB
	 * where the boot map can still reach them.
	 */
	for (i = 0; i < nr_tables; i++) {
		pte_t *pt = i < boot_tables ? boot_ptes + i * PTRS_PER_PTE :
			    memblock_alloc(PAGE_SIZE, PAGE_SIZE);

		if (!pt)
			panic("paging_init: no memory for direct-map page table %lu", i);
		for (j = 0; j < PTRS_PER_PTE; j++) {
			pte_t pte = direct_map_pte(i * PTRS_PER_PTE + j);

			if (pte_none(pte))
				pte_clear_kernel(&pt[j]);
			else
				set_pte(&pt[j], pte);
		}
		if (i >= boot_tables)
			set_pmd(&swapper_pd[i], __pmd(__pa(pt) | _KERNPG_TABLE));
	}
	/* Boot-map tables beyond lowmem (lowmem= below 16 MiB) go away. */
	for (i = nr_tables; i < boot_tables; i++)
		pmd_clear(&swapper_pd[i]);
	flush_tlb_all();
	memblock_set_current_limit(PFN_PHYS(max_low_pfn));

	/*
	 * pkmap and fixmap: each one page table, allocated now and never
	 * freed, so that kmap() and kmap_local_page() map a slot with one
	 * PTE write and never allocate.
	 */
	pkmap_page_table = permanent_page_table(PKMAP_BASE, "pkmap");
	fixmap_page_table = permanent_page_table(FIXADDR_START, "fixmap");
}

/* A fixmap index's pte (all of them are in fixmap_page_table). */
pte_t *fixmap_pte(unsigned int idx)
{
	BUG_ON(idx >= __end_of_fixed_addresses);
	return fixmap_page_table + pte_index(__fix_to_virt(idx));
}

#define K(x) ((x) >> 10)

void __init mem_init_print_info(void)
{
	unsigned long code = _etext - _text;
	unsigned long rodata = __end_rodata - __start_rodata;
	unsigned long rwdata = _edata - _sdata;
	unsigned long bss = __bss_stop - __bss_start;
	unsigned long physpages = memblock_ram_pages(0, max_pfn);
	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, "
		"%luK rodata, %luK bss, %luK reserved, %luK highmem)\n",
		nr_free_pages() << (PAGE_SHIFT - 10),
		physpages << (PAGE_SHIFT - 10),
		K(code), K(rwdata), K(rodata), K(bss),
		(physpages - totalram_pages()) << (PAGE_SHIFT - 10),
		totalhigh_pages() << (PAGE_SHIFT - 10));
}

/* Linux's table, row for row (there is no cpu_entry area and no .init). */
void print_vm_layout(void)
{
	pr_info("virtual kernel memory layout:\n");
	pr_info("    fixmap  : 0x%08lx - 0x%08lx   (%4ld kB)\n",
		FIXADDR_START, FIXADDR_TOP, (long)((FIXADDR_TOP - FIXADDR_START) >> 10));
	pr_info("    pkmap   : 0x%08lx - 0x%08lx   (%4ld kB)\n",
		PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE,
		(long)((LAST_PKMAP * PAGE_SIZE) >> 10));
	pr_info("    vmalloc : 0x%08lx - 0x%08lx   (%4ld MB)\n",
		VMALLOC_START, VMALLOC_END, (long)((VMALLOC_END - VMALLOC_START) >> 20));
	pr_info("    lowmem  : 0x%08lx - 0x%08lx   (%4ld MB)\n",
		(unsigned long)__va(0), (unsigned long)high_memory,
		(long)(((unsigned long)high_memory - (unsigned long)__va(0)) >> 20));
	pr_info("      .data : 0x%08lx - 0x%08lx   (%4ld kB)\n",
		(unsigned long)_etext, (unsigned long)_edata,
		(long)((_edata - _etext) >> 10));
	pr_info("      .text : 0x%08lx - 0x%08lx   (%4ld kB)\n",
		(unsigned long)_text, (unsigned long)_etext,
		(long)((_etext - _text) >> 10));

	/* The same sanity checks as Linux's mem_init(). */
	BUG_ON(VMALLOC_START >= VMALLOC_END);
	BUG_ON((unsigned long)high_memory > VMALLOC_START);
}
