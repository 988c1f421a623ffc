/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

/*
 * The x86 part of bringing memory up, called in order by mm_init()
 * (mm/mm_init.c), as Linux's setup_arch() calls its own.
 */
#include <linux/types.h>

void e820_setup_memory(void);	/* arch/x86/kernel/e820.c: map -> memblock */
void find_low_pfn_range(void);	/* arch/x86/mm/init_32.c: where lowmem ends */
void paging_init(void);		/* arch/x86/mm/init_32.c: kernel page tables */
void mem_init_print_info(void);	/* arch/x86/mm/init_32.c */

/* mm/mm_init.c, called back by find_low_pfn_range(): fit mem_map in lowmem. */
void cap_mem_map(void);

/* arch/x86/kernel/e820.c: the limits from the command line (0 = none). */
extern u64 mem_limit_cmdline;
extern u64 lowmem_limit_cmdline;

#endif /* _ASM_SETUP_H */
