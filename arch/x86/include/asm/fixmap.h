/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <linux/threads.h>
#include <asm/page.h>
#include <asm/kmap_size.h>
#include <asm/pgtable_types.h>

/*
 * Fixed virtual addresses at the top of memory, counted down from
 * FIXADDR_TOP: index i lives at FIXADDR_TOP - i * PAGE_SIZE, so a higher
 * index is a lower address. All of them share one page table that mm/
 * allocates at boot and never frees: mapping a slot is one PTE write.
 *
 * The kmap_local/kmap_atomic slots come last: KM_MAX_IDX per CPU, CPU n
 * owning FIX_KMAP_BEGIN + KM_MAX_IDX * n onwards (room for NR_CPUS).
 */
#define __FIXADDR_TOP 0xfffff000UL
#define FIXADDR_TOP __FIXADDR_TOP

enum fixed_addresses {
	FIX_HOLE,		/* the top page stays unmapped */
	FIX_BENCH_SLOT,		/* spare slot: the benchmark's bare-PTE floor */
	FIX_TLBDEMO_A,		/* the stale-TLB demonstration's slots */
	FIX_TLBDEMO_B,
	FIX_APIC_BASE,		/* this CPU's local APIC registers (uncached) */
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + (KM_MAX_IDX * NR_CPUS) - 1,
	__end_of_fixed_addresses
};

#define FIXADDR_SIZE ((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START (FIXADDR_TOP - FIXADDR_SIZE)

#define __fix_to_virt(x) (FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x) ((FIXADDR_TOP - ((x) & PAGE_MASK)) >> PAGE_SHIFT)

static inline unsigned long fix_to_virt(const unsigned int idx)
{
	return __fix_to_virt(idx);
}

static inline unsigned long virt_to_fix(const unsigned long vaddr)
{
	return __virt_to_fix(vaddr);
}

/*
 * Point a fixmap slot at a physical page / empty it (arch/x86/mm/pgtable.c). Both
 * write the one pte and invlpg the slot, as Linux's __set_fixmap().
 * (kmap_local has its own faster path; these are for the rest.)
 */
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t prot);
void clear_fixmap(enum fixed_addresses idx);
#define set_fixmap(idx, phys) __set_fixmap(idx, phys, PAGE_KERNEL)

#endif /* _ASM_FIXMAP_H */
