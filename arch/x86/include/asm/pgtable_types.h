/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGTABLE_TYPES_H
#define _ASM_PGTABLE_TYPES_H

#include <linux/types.h>

/*
 * PAE page-table entries: 64 bits at every level. The PDPT (4 entries)
 * is Linux's pgd; the pud is folded into it; a page directory of 512
 * entries is the pmd; a page table of 512 entries holds the ptes.
 */
#define _PAGE_BIT_PRESENT 0
#define _PAGE_BIT_RW 1
#define _PAGE_BIT_USER 2
#define _PAGE_BIT_PWT 3
#define _PAGE_BIT_PCD 4
#define _PAGE_BIT_ACCESSED 5
#define _PAGE_BIT_DIRTY 6
#define _PAGE_BIT_PSE 7
#define _PAGE_BIT_GLOBAL 8
#define _PAGE_BIT_NX 63

#define _PAGE_PRESENT (1ULL << _PAGE_BIT_PRESENT)
#define _PAGE_RW (1ULL << _PAGE_BIT_RW)
#define _PAGE_USER (1ULL << _PAGE_BIT_USER)
#define _PAGE_PWT (1ULL << _PAGE_BIT_PWT)
#define _PAGE_PCD (1ULL << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED (1ULL << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY (1ULL << _PAGE_BIT_DIRTY)
#define _PAGE_PSE (1ULL << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL (1ULL << _PAGE_BIT_GLOBAL)
#define _PAGE_NX (1ULL << _PAGE_BIT_NX)
/*
 * A PROT_NONE user page, as in Linux: not present to the CPU, so neither
 * ring 3 nor the kernel's uaccess reaches it, but still the page's entry
 * for the kernel's own walks (pte_present()). The bit is _PAGE_GLOBAL's,
 * which means nothing in an entry that is not present.
 */
#define _PAGE_BIT_PROTNONE _PAGE_BIT_GLOBAL
#define _PAGE_PROTNONE (1ULL << _PAGE_BIT_PROTNONE)

/* Bits 12..35 hold the frame (36-bit physical addresses, 64 GiB). */
#define __PHYSICAL_MASK_SHIFT 36
#define PTE_PFN_MASK (((1ULL << __PHYSICAL_MASK_SHIFT) - 1) & ~0xfffULL)

typedef struct { u64 pte; } pte_t;
typedef struct { u64 pmd; } pmd_t;
typedef struct { u64 pgd; } pgd_t;
typedef struct { u64 pgprot; } pgprot_t;

#define pte_val(x) ((x).pte)
#define pmd_val(x) ((x).pmd)
#define pgd_val(x) ((x).pgd)
#define pgprot_val(x) ((x).pgprot)
#define __pte(x) ((pte_t){ (x) })
#define __pmd(x) ((pmd_t){ (x) })
#define __pgd(x) ((pgd_t){ (x) })
#define __pgprot(x) ((pgprot_t){ (x) })

/*
 * NX is cleared from every protection when the CPU has no NX (a set bit
 * 63 would then be a reserved-bit fault). mm/ sets the mask at boot.
 */
extern u64 __supported_pte_mask;

#define __PAGE_KERNEL_BASE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | \
			    _PAGE_DIRTY | _PAGE_GLOBAL)
#define PAGE_KERNEL __pgprot((__PAGE_KERNEL_BASE | _PAGE_NX) & __supported_pte_mask)
#define PAGE_KERNEL_RO __pgprot(((__PAGE_KERNEL_BASE & ~_PAGE_RW & ~_PAGE_DIRTY) | \
				 _PAGE_NX) & __supported_pte_mask)
#define PAGE_KERNEL_EXEC __pgprot(__PAGE_KERNEL_BASE)
#define PAGE_KERNEL_ROX __pgprot(__PAGE_KERNEL_BASE & ~_PAGE_RW & ~_PAGE_DIRTY)
#define PAGE_KERNEL_NOCACHE __pgprot((__PAGE_KERNEL_BASE | _PAGE_PCD | _PAGE_NX) & \
				     __supported_pte_mask)
/* kmap_atomic()/kmap_local default protection, as Linux's kmap_prot. */
#define kmap_prot PAGE_KERNEL

#endif /* _ASM_PGTABLE_TYPES_H */
