/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGALLOC_H
#define _ASM_PGALLOC_H

#include <linux/mm_types.h>
#include <linux/highmem.h>
#include <asm/pgtable.h>

/*
 * User page tables (CONFIG_HIGHPTE, as Linux's 32-bit PAE kernels had
 * it): a process's page directories (pmds) are lowmem pages, since the
 * CPU's PDPT registers and the kernel reach them through the direct map,
 * but its page tables (ptes) are GFP_HIGHUSER pages, reached only through
 * pte_offset_map(), a kmap_local_page() of the table, undone by
 * pte_unmap(). Holding one is like holding any kmap_local mapping: the
 * pointer is this task's, valid until pte_unmap(); the debug build's
 * guard slots (CONFIG_DEBUG_KMAP_LOCAL) make a use after pte_unmap()
 * fault at the slot's address instead of reading another page.
 */
#define _PAGE_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | \
		     _PAGE_DIRTY)

pgd_t *pgd_alloc(struct mm_struct *mm);
struct page *pte_alloc_one(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);

/* The page directory of a user address: one of the three of this mm. */
static inline pmd_t *pmd_offset_user(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pd = __va((unsigned long)(pgd_val(mm->pgd[pgd_index(addr)]) &
					 PTE_PFN_MASK));

	return pd + pmd_index(addr);
}

static inline struct page *pmd_page(pmd_t pmd)
{
	return pfn_to_page((unsigned long)((pmd_val(pmd) & PTE_PFN_MASK) >> PAGE_SHIFT));
}

#define pte_offset_map(pmd, addr) \
	((pte_t *)kmap_local_page(pmd_page(*(pmd))) + pte_index(addr))
#define pte_unmap(pte) kunmap_local(pte)

static inline bool pte_write(pte_t pte)
{
	return pte_val(pte) & _PAGE_RW;
}

static inline pte_t pte_wrprotect(pte_t pte)
{
	return __pte(pte_val(pte) & ~_PAGE_RW);
}

static inline pte_t pte_mkwrite(pte_t pte)
{
	return __pte(pte_val(pte) | _PAGE_RW | _PAGE_DIRTY);
}

static inline struct page *pte_page(pte_t pte)
{
	return pfn_to_page(pte_pfn(pte));
}

#endif /* _ASM_PGALLOC_H */
