/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_HIGHPTE_H
#define _KMAPLAB_HIGHPTE_H

#include <linux/types.h>
#include <linux/mm_types.h>

/*
 * Can this CPU's page walker follow a page-directory entry to a page
 * table above 4 GiB? (arch/x86/mm/highpte.c; docs/userspace.md)
 */
enum pte_walk_probe {
	PTE_WALK_FILLED,	/* read the data through the table we filled */
	PTE_WALK_FAULTED,	/* the walk found a non-present entry */
	PTE_WALK_OTHER,		/* read something else: a bug somewhere */
	PTE_WALK_NO_PAGES,	/* no pages to probe with (no RAM above 4 GiB) */
};

enum pte_walk_probe pte_walk_probe(bool reverse);
void __init highpte_check(void);
struct page *alloc_page_above_4g(gfp_t gfp);

/* True when highpte_check() found page tables above 4 GiB unusable. */
extern bool highpte_below_4g;

#endif /* _KMAPLAB_HIGHPTE_H */
