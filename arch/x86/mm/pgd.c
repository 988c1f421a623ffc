// SPDX-License-Identifier: GPL-2.0
/*
 * A process's top-level page tables (Linux: pgd_alloc() in
 * arch/x86/mm/pgtable.c, PAE with a shared kernel PMD).
 *
 * The PAE PDPT has four entries, each a page directory for 1 GiB. The
 * CPU loads all four into registers when CR3 is written, so an entry
 * added later would not be seen until the next CR3 write: like Linux
 * (PREALLOCATED_PMDS), the three user page directories are allocated
 * with the PDPT, and entry 3 is the kernel's swapper_pd itself -- every
 * kernel mapping made later (vmalloc, pkmap, fixmap) is visible in every
 * process at once, with no copying.
 *
 * The PDPT is 32 bytes, but is given a lowmem page of its own: CR3 holds
 * a 32-bit physical address, and lowmem is always below 4 GiB.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>

#define USER_PGDS 3	/* PDPT entries 0-2: 0-3 GiB */

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);
	int i;

	if (!pgd)
		return NULL;
	for (i = 0; i < USER_PGDS; i++) {
		unsigned long pd = get_zeroed_page(GFP_KERNEL);

		if (!pd) {
			while (--i >= 0)
				free_page((unsigned long)__va(pgd_val(pgd[i]) & PTE_PFN_MASK));
			free_page((unsigned long)pgd);
			return NULL;
		}
		/* PAE PDPT entries take only the present bit (RW/US reserved). */
		pgd[i] = __pgd(__pa(pd) | _PAGE_PRESENT);
	}
	pgd[3] = swapper_pdpt[3];
	return pgd;
}

/* The page tables below must already be gone (free_pgtables()). */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	int i;

	for (i = 0; i < USER_PGDS; i++)
		free_page((unsigned long)__va(pgd_val(pgd[i]) & PTE_PFN_MASK));
	free_page((unsigned long)pgd);
}
