/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

/* The kernel is linked at, and lowmem direct-mapped from, 3 GiB. */
#define __PAGE_OFFSET 0xC0000000UL
#define PAGE_OFFSET ((unsigned long)__PAGE_OFFSET)

/*
 * User space is everything below the kernel: 0-3 GiB, PDPT entries 0-2
 * (Linux's TASK_SIZE on a 3G/1G split). The user stack's top sits just
 * below it, with a guard page.
 */
#define TASK_SIZE PAGE_OFFSET
#define STACK_TOP (TASK_SIZE - PAGE_SIZE)

/* Physical load address of the kernel image (linker.ld's AT()). */
#define LOAD_PHYSICAL_ADDR 0x00100000UL

/*
 * boot/head.asm maps this much of physical memory (from 0) at
 * PAGE_OFFSET before C runs; mm/ extends the direct map from there.
 */
#define BOOT_MAP_SIZE 0x01000000UL

/*
 * Kernel stacks: 16 KiB, with an unmapped guard page below each. The
 * boot stack in boot/head.asm, which becomes init_task's, is one too.
 * (Linux keeps these in <asm/page_32_types.h>, which <asm/page.h> includes.)
 */
#define THREAD_SIZE_ORDER 2
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER)

#ifndef __ASSEMBLER__
/* Direct map only: valid for lowmem addresses and pages. */
#define __pa(x) ((unsigned long)(x) - PAGE_OFFSET)
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa_symbol(x) __pa(x)
#endif

#endif /* _ASM_PAGE_H */
