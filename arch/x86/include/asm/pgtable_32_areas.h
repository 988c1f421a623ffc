/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGTABLE_32_AREAS_H
#define _ASM_PGTABLE_32_AREAS_H

#include <asm/page.h>
#include <asm/fixmap.h>

/*
 * The kernel's 1 GiB (0xc0000000-0xffffffff), top down, in Linux's order:
 *
 *   fixmap   FIXADDR_START .. FIXADDR_TOP   kmap_local/kmap_atomic slots
 *   pkmap    PKMAP_BASE, LAST_PKMAP pages   kmap()'s global pool
 *   (2-page hole)
 *   vmalloc  VMALLOC_START .. VMALLOC_END   vmap()/vmalloc()
 *   (8 MiB hole after the direct map)
 *   lowmem   PAGE_OFFSET .. high_memory     the direct map
 *
 * Lowmem may grow up to MAXMEM, leaving __VMALLOC_RESERVE for vmalloc.
 */
#define LAST_PKMAP 512		/* PAE: one page table of PTEs */
#define LAST_PKMAP_MASK (LAST_PKMAP - 1)
/*
 * pkmap fills the whole page table just below the one that holds the
 * fixmap, so each area has a page table of its own.
 */
#define PKMAP_BASE ((FIXADDR_START & ~((1UL << 21) - 1)) - LAST_PKMAP * PAGE_SIZE)

#define VMALLOC_OFFSET (8UL << 20)
#define VMALLOC_END (PKMAP_BASE - 2 * PAGE_SIZE)
#define __VMALLOC_RESERVE (128UL << 20)
#define MAXMEM (VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE)

#ifndef __ASSEMBLER__
#include <asm/pgtable_types.h>

extern void *high_memory;
/* The pkmap page table (arch/x86/mm/init_32.c allocates it at boot, lowmem, never freed). */
extern pte_t *pkmap_page_table;
/*
 * As Linux's arch/x86/include/asm/pgtable_32_areas.h: exactly 8 MiB
 * after the direct map, so a lowmem overrun faults instead of landing in
 * a vmalloc area. (With MAXMEM lowmem that leaves 120 MiB of vmalloc.)
 */
#define VMALLOC_START ((unsigned long)high_memory + VMALLOC_OFFSET)
#endif

#endif /* _ASM_PGTABLE_32_AREAS_H */
