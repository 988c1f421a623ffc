/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_MM_H
#define _KMAPLAB_MM_H

#include <linux/types.h>

/*
 * kmaplab's reports on the memory manager, printed at boot, by show_mem()
 * (Linux's, in <linux/mm.h>) and by the monitor. No Linux header has them.
 */

/* arch/x86/mm/init_32.c: the "virtual kernel memory layout" table. */
void print_vm_layout(void);
/* arch/x86/mm/tlb.c: the TLB flush counters (<asm/tlbflush.h>). */
void show_tlb_stats(void);
/* mm/slab.c: per-cache statistics. */
void kmalloc_show_stats(void);
/* mm/slab.c: kmalloc() objects in use in the slabs, for leak tests. */
unsigned long kmalloc_nr_objects(void);
/* mm/vmalloc.c: the areas, as /proc/vmallocinfo shows them. */
void show_vmalloc_areas(void);

/* mm/copy_phys.c: len bytes at physical address phys, page by page. */
void copy_from_phys(void *dst, u64 phys, size_t len);

#endif /* _KMAPLAB_MM_H */
