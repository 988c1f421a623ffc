/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

/* GDT layout, shared by boot/head.asm (as numbers) and kernel/gdt.c. */
#define GDT_ENTRY_KERNEL_CS 1
#define GDT_ENTRY_KERNEL_DS 2
#define GDT_ENTRY_PERCPU 3
#define GDT_ENTRY_TSS 4
#define GDT_ENTRY_DOUBLEFAULT_TSS 5
#define GDT_ENTRIES 6

#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __KERNEL_PERCPU (GDT_ENTRY_PERCPU * 8)
#define __KERNEL_TSS (GDT_ENTRY_TSS * 8)
#define __DOUBLEFAULT_TSS (GDT_ENTRY_DOUBLEFAULT_TSS * 8)

#endif /* _ASM_SEGMENT_H */
