/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_HIGHMEM_H
#define _ASM_HIGHMEM_H

#include <linux/smp.h>
#include <asm/pgtable.h>
#include <asm/fixmap.h>
#include <asm/tlbflush.h>

/*
 * x86-32 parts of the highmem mappings (the rest is mm/highmem.c).
 *
 * pkmap (kmap): LAST_PKMAP slots from PKMAP_BASE, one page table.
 * kmap_local / kmap_atomic: per-CPU fixmap slots; slot idx of CPU n is
 * fixmap index FIX_KMAP_BEGIN + idx + KM_MAX_IDX * n.
 */
#define PKMAP_NR(virt) (((virt) - PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr) (PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))

extern pte_t *pkmap_page_table;

static inline int arch_kmap_local_map_idx(int idx, unsigned long pfn)
{
	return idx + KM_MAX_IDX * smp_processor_id();
}

static inline int arch_kmap_local_unmap_idx(int idx, unsigned long vaddr)
{
	return idx + KM_MAX_IDX * smp_processor_id();
}

/* A slot changed: this CPU must forget the old translation. */
static inline void arch_kmap_local_post_unmap(unsigned long vaddr)
{
	flush_tlb_one_kernel(vaddr);
}

/*
 * Filling an empty slot needs no flush: x86 does not cache translations
 * for not-present PTEs, and every path that empties a slot (unmap, and
 * the context switch's sched_out) invalidates it with invlpg right away.
 */
static inline void arch_kmap_local_post_map(unsigned long vaddr, pte_t pte)
{
}

#endif /* _ASM_HIGHMEM_H */
