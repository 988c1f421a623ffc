// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel page tables, read and printed: lookup_address() and
 * virt_to_kpte() walk them (PDPT -> page directory -> page table),
 * dump_pagetable() prints a walk the way Linux's page-fault report does,
 * pte_flags_str() puts an entry's bits into words. Also the one place
 * that adds a page table on demand (for the vmalloc area), and fixmap
 * slot helpers.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/fixmap.h>
#include <asm/tlbflush.h>
#include <linux/spinlock.h>
#include <asm/setup.h>
#include <asm/pgalloc.h>
#include <kmaplab/highpte.h>

/* NX is added by paging_init() when the CPU has it (EFER.NXE on). */
u64 __supported_pte_mask = ~_PAGE_NX;

struct mm_struct init_mm = {
	.pgd = swapper_pg_dir,
	.name = "init_mm",
};

static pmd_t *pgd_to_pd(pgd_t pgd)
{
	return __va((unsigned long)(pgd_val(pgd) & PTE_PFN_MASK));
}

pte_t *lookup_address(unsigned long addr, unsigned int *level)
{
	pgd_t *pgd = &swapper_pdpt[pgd_index(addr)];
	pmd_t *pmd;

	*level = PG_LEVEL_NONE;
	if (!(pgd_val(*pgd) & _PAGE_PRESENT))
		return NULL;
	pmd = pgd_to_pd(*pgd) + pmd_index(addr);
	*level = PG_LEVEL_2M;
	if (pmd_none(*pmd))
		return NULL;
	if (pmd_large(*pmd) || !pmd_present(*pmd))
		return (pte_t *)pmd;
	*level = PG_LEVEL_4K;
	return pte_offset_kernel(pmd, addr);
}

pte_t *virt_to_kpte(unsigned long addr)
{
	pmd_t *pmd;

	if (addr < PAGE_OFFSET)
		return NULL;
	pmd = pmd_off_k(addr);
	if (!pmd_present(*pmd) || pmd_large(*pmd))
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

/* Serialises installing kernel page tables (as Linux's pgd_lock). */
static DEFINE_SPINLOCK(pgd_lock);

pte_t *kernel_pte_alloc(unsigned long addr)
{
	pmd_t *pmd = pmd_off_k(addr);

	VM_BUG_ON(addr < PAGE_OFFSET);
	if (pmd_none(*pmd)) {
		struct page *pt = alloc_page(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN);
		unsigned long flags;

		if (!pt)
			return NULL;
		/*
		 * A new, empty table: nothing cached to flush. Someone may
		 * have installed one meanwhile; then ours goes back.
		 */
		spin_lock_irqsave(&pgd_lock, flags);
		if (pmd_none(*pmd)) {
			set_pmd(pmd, __pmd(page_to_phys(pt) | _KERNPG_TABLE));
			pt = NULL;
		}
		spin_unlock_irqrestore(&pgd_lock, flags);
		if (pt)
			__free_page(pt);
	}
	return pte_offset_kernel(pmd, addr);
}

int pte_flags_str(char *buf, size_t size, u64 val)
{
	static const struct { u64 bit; const char *set, *clear; } words[] = {
		{ _PAGE_RW, "rw", "ro" },
		{ _PAGE_USER, "user", NULL },
		{ _PAGE_PWT, "pwt", NULL },
		{ _PAGE_PCD, "pcd", NULL },
		{ _PAGE_ACCESSED, "accessed", NULL },
		{ _PAGE_DIRTY, "dirty", NULL },
		{ _PAGE_PSE, "pse", NULL },
		{ _PAGE_GLOBAL, "global", NULL },
		{ _PAGE_NX, "nx", "x" },
	};
	int len;
	unsigned int i;

	if (!size)
		return 0;
	if (!val)
		return scnprintf(buf, size, "none");
	len = scnprintf(buf, size, "%s", (val & _PAGE_PRESENT) ? "present" : "not-present");
	for (i = 0; i < ARRAY_SIZE(words); i++) {
		const char *w = (val & words[i].bit) ? words[i].set : words[i].clear;

		if (w)
			len += scnprintf(buf + len, size - len, " %s", w);
	}
	return len;
}

static void print_entry(const char *level, unsigned int index, u64 val, const char *what)
{
	char flags[96];

	/* In a PAE PDPT entry only the present bit (and PWT/PCD) mean anything. */
	if (!strcmp(level, "pdpt"))
		scnprintf(flags, sizeof(flags), "%s", (val & _PAGE_PRESENT) ? "present" :
			  val ? "not-present" : "none");
	else
		pte_flags_str(flags, sizeof(flags), val);
	pr_info("  %-4s[%3u] = %016llx  %s%s%s\n", level, index, val, flags,
		what ? "  -> " : "", what ? what : "");
}

void dump_pagetable(unsigned long addr)
{
	pgd_t *pgd = &swapper_pdpt[pgd_index(addr)];
	pmd_t *pmd;
	pte_t *pte;
	char line[128], what[64];
	int len;

	/* First Linux's one-line form (arch/x86/mm/fault.c, PAE)... */
	len = scnprintf(line, sizeof(line), "*pdpt = %016llx ", pgd_val(*pgd));
	pmd = (pgd_val(*pgd) & _PAGE_PRESENT) ? pgd_to_pd(*pgd) + pmd_index(addr) : NULL;
	if (pmd)
		len += scnprintf(line + len, sizeof(line) - len, "*pde = %016llx ",
				 pmd_val(*pmd));
	pte = pmd && pmd_present(*pmd) && !pmd_large(*pmd) ?
	      pte_offset_kernel(pmd, addr) : NULL;
	if (pte)
		scnprintf(line + len, sizeof(line) - len, "*pte = %016llx ", pte_val(*pte));
	pr_info("%s\n", line);

	/* ...then level by level, with the flags in words. */
	pr_info("page-table walk for %08lx:\n", addr);
	snprintf(what, sizeof(what), "page directory at phys %#llx",
		 pgd_val(*pgd) & PTE_PFN_MASK);
	print_entry("pdpt", pgd_index(addr), pgd_val(*pgd),
		    (pgd_val(*pgd) & _PAGE_PRESENT) ? what : NULL);
	if (!pmd)
		goto out;
	if (pmd_large(*pmd))
		snprintf(what, sizeof(what), "2 MiB page at phys %#llx",
			 pmd_val(*pmd) & PTE_PFN_MASK);
	else
		snprintf(what, sizeof(what), "page table at phys %#llx",
			 pmd_val(*pmd) & PTE_PFN_MASK);
	print_entry("pde", pmd_index(addr), pmd_val(*pmd), pmd_present(*pmd) ? what : NULL);
	if (!pte)
		goto out;
	if (pte_present(*pte)) {
		unsigned long pfn = pte_pfn(*pte);

		snprintf(what, sizeof(what), "pfn %#lx%s", pfn,
			 pfn_valid(pfn) ? (PageHighMem(pfn_to_page(pfn)) ? " (highmem)" :
					   " (lowmem)") : "");
	}
	print_entry("pte", pte_index(addr), pte_val(*pte), pte_present(*pte) ? what : NULL);
	if (pte_present(*pte)) {
		pr_info("  %08lx -> phys %#llx\n", addr,
			(pte_val(*pte) & PTE_PFN_MASK) | (addr & ~PAGE_MASK));
		return;
	}
out:
	pr_info("  %08lx is not mapped\n", addr);
}

void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t prot)
{
	unsigned long vaddr = __fix_to_virt(idx);

	set_pte(fixmap_pte(idx), __pte((phys & PTE_PFN_MASK) | pgprot_val(prot)));
	flush_tlb_one_kernel(vaddr);
}

void clear_fixmap(enum fixed_addresses idx)
{
	pte_clear_kernel(fixmap_pte(idx));
	flush_tlb_one_kernel(__fix_to_virt(idx));
}

/*
 * A user page table (CONFIG_HIGHPTE): a GFP_HIGHUSER page, reached only
 * with pte_offset_map(). The caller zeroes it. Above 4 GiB only when the
 * CPU's page walk can follow a page-directory entry up there: when
 * highpte_check() found it cannot (QEMU 7.2's qemu-system-i386,
 * arch/x86/mm/highpte.c), such a table is swapped for a lowmem one.
 */
struct page *pte_alloc_one(struct mm_struct *mm)
{
	struct page *pt = alloc_page(GFP_HIGHUSER);

	if (pt && highpte_below_4g && page_to_phys(pt) >= (1ULL << 32)) {
		__free_page(pt);
		pt = alloc_page(GFP_USER);
	}
	return pt;
}
