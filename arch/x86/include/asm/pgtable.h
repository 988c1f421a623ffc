/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/pgtable_32_areas.h>

/*
 * PAE, three levels: CR3 -> PDPT (4 x 1 GiB, Linux's pgd; the pud is
 * folded) -> page directory (512 x 2 MiB, the pmd) -> page table
 * (512 x 4 KiB, the pte). The kernel's 1 GiB is PDPT entry 3, so one
 * page directory, swapper_pd, describes all of kernel space.
 */
#define PGDIR_SHIFT 30
#define PTRS_PER_PGD 4
#define PMD_SHIFT 21
#define PMD_SIZE (1UL << PMD_SHIFT)
#define PMD_MASK (~(PMD_SIZE - 1))
#define PTRS_PER_PMD 512
#define PTRS_PER_PTE 512

#define pgd_index(a) (((a) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))
#define pmd_index(a) (((a) >> PMD_SHIFT) & (PTRS_PER_PMD - 1))
#define pte_index(a) (((a) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))

extern pgd_t swapper_pdpt[PTRS_PER_PGD];	/* boot/head.asm, CR3 */
extern pmd_t swapper_pd[PTRS_PER_PMD];		/* kernel space's page directory */
#define swapper_pg_dir swapper_pdpt

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((u64)pfn << PAGE_SHIFT) | pgprot_val(prot));
}
#define mk_pte(page, prot) pfn_pte(page_to_pfn(page), (prot))

static inline unsigned long pte_pfn(pte_t pte)
{
	return (unsigned long)((pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT);
}

static inline bool pte_none(pte_t pte)
{
	return !pte_val(pte);
}

/* Present, or a PROT_NONE page the CPU must not see (Linux's test too). */
static inline bool pte_present(pte_t pte)
{
	return pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline bool pmd_present(pmd_t pmd)
{
	return pmd_val(pmd) & _PAGE_PRESENT;
}

static inline bool pmd_large(pmd_t pmd)
{
	return pmd_val(pmd) & _PAGE_PSE;
}

/*
 * A 64-bit PTE is written as two 32-bit stores. The present bit is in
 * the low half, so: set the high half first when mapping, clear the low
 * half first when unmapping -- the CPU never walks a half-written entry
 * that is present.
 */
static inline void __set_entry_halves(void *entry, u64 val)
{
	volatile u32 *half = entry;

	half[1] = (u32)(val >> 32);
	barrier();
	half[0] = (u32)val;
}

static inline void __clear_entry_halves(void *entry)
{
	volatile u32 *half = entry;

	half[0] = 0;
	barrier();
	half[1] = 0;
}

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	__set_entry_halves(ptep, pte_val(pte));
}

static inline void pte_clear_kernel(pte_t *ptep)
{
	__clear_entry_halves(ptep);
}

struct mm_struct;
extern struct mm_struct init_mm;
#define pte_clear(mm, addr, ptep) pte_clear_kernel(ptep)
#define set_pte_at(mm, addr, ptep, pte) set_pte(ptep, pte)

static inline bool pmd_none(pmd_t pmd)
{
	return !pmd_val(pmd);
}

/* A page-directory entry pointing at a kernel page table. */
#define _KERNPG_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

/* As set_pte(): high half first, so a present entry is never half-written. */
static inline void set_pmd(pmd_t *pmdp, pmd_t pmd)
{
	__set_entry_halves(pmdp, pmd_val(pmd));
}

static inline void pmd_clear(pmd_t *pmdp)
{
	__clear_entry_halves(pmdp);
}

/* The page table (a lowmem page) a page-directory entry points at. */
static inline pte_t *pmd_page_vaddr(pmd_t pmd)
{
	return __va((unsigned long)(pmd_val(pmd) & PTE_PFN_MASK));
}

static inline pmd_t *pmd_off_k(unsigned long addr)
{
	return &swapper_pd[pmd_index(addr)];
}

/* The pte slot for addr in the page table that pmd points at. */
static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return pmd_page_vaddr(*pmd) + pte_index(addr);
}

/*
 * Walk the kernel page tables (arch/x86/mm/pgtable.c). lookup_address() returns
 * the entry that maps addr -- a pte, or a pmd cast to pte_t for a 2 MiB
 * page -- and the level; NULL when a level above is not present.
 * virt_to_kpte() returns the 4 KiB pte slot for addr, or NULL.
 */
enum pg_level { PG_LEVEL_NONE, PG_LEVEL_4K, PG_LEVEL_2M, PG_LEVEL_1G };
pte_t *lookup_address(unsigned long addr, unsigned int *level);
pte_t *virt_to_kpte(unsigned long addr);
/* Print the walk for addr: each level's entry and its flags in words. */
void dump_pagetable(unsigned long addr);
/* Flags of an entry in words ("present rw global nx"). */
int pte_flags_str(char *buf, size_t size, u64 val);

/*
 * The PTE slot for a kernel address, allocating the page table (a
 * zeroed lowmem page, never freed) if the page directory has none;
 * NULL when out of memory (arch/x86/mm/pgtable.c).
 */
pte_t *kernel_pte_alloc(unsigned long addr);
/* The pte of a fixmap index: one page table holds them all (init_32.c). */
pte_t *fixmap_pte(unsigned int idx);

#endif /* _ASM_PGTABLE_H */
