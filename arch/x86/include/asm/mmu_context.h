/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H

#include <linux/mm_types.h>
#include <asm/page.h>
#include <asm/processor.h>

/*
 * Load next's page tables on this CPU: CR3 = its PDPT. The write also
 * reloads the four PDPT registers and drops every non-global TLB entry,
 * i.e. all of user space; kernel mappings are global and stay.
 *
 * Kernel threads (and the idle task) run on init_mm, never on a
 * borrowed mm (no lazy TLB): every process is single-threaded, so a
 * user mm is then loaded on at most one CPU, the one running its only
 * task, and a user PTE change needs just a local invlpg -- never a
 * shootdown to CPUs that might still cache it. The price is a CR3 write
 * when a kernel thread runs between two tasks of one process.
 */
static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	if (prev != next)
		write_cr3(__pa(next->pgd));
}

#endif /* _ASM_MMU_CONTEXT_H */
