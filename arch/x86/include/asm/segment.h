/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

/* GDT layout, shared by boot/head.asm (as numbers) and kernel/gdt.c. */
#define GDT_ENTRY_KERNEL_CS 1
#define GDT_ENTRY_KERNEL_DS 2
#define GDT_ENTRY_PERCPU 3
#define GDT_ENTRY_TSS 4
#define GDT_ENTRY_DOUBLEFAULT_TSS 5
/* Ring 3: flat code and data, DPL 3 (arch/x86/kernel/desc.c). */
#define GDT_ENTRY_DEFAULT_USER_CS 6
#define GDT_ENTRY_DEFAULT_USER_DS 7
#define GDT_ENTRIES 8

#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __KERNEL_PERCPU (GDT_ENTRY_PERCPU * 8)
#define __KERNEL_TSS (GDT_ENTRY_TSS * 8)
#define __DOUBLEFAULT_TSS (GDT_ENTRY_DOUBLEFAULT_TSS * 8)
/* A selector's low two bits are the requested privilege level: 3 here. */
#define __USER_CS (GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define __USER_DS (GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define SEGMENT_RPL_MASK 0x3
#define USER_RPL 0x3

#endif /* _ASM_SEGMENT_H */
