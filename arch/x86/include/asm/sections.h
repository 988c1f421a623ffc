/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

/*
 * Symbols that linker.ld and the assembly files define, declared once
 * here (as Linux's <asm/sections.h> and <asm-generic/sections.h>), so
 * that no .c file writes its own extern for them.
 */
#include <linux/types.h>
#include <linux/init.h>
#include <asm/desc.h>
#include <kmaplab/traps.h>
#include <asm/jump_label.h>

/* The kernel image's sections (linker.ld). */
extern char _text[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[], __bss_start[], __bss_stop[], _end[];
extern char __per_cpu_start[], __per_cpu_end[];

/* Tables that linker.ld gathers from every object's section. */
extern const struct exception_table_entry __start___ex_table[],
	__stop___ex_table[];				/* __ex_table */
extern const struct jump_entry __start___jump_table[],
	__stop___jump_table[];				/* __jump_table */
extern const struct obs_kernel_param __setup_start[],
	__setup_end[];					/* .init.setup */
struct kunit_suite;
extern struct kunit_suite *const __kunit_suites_start[],
	*const __kunit_suites_end[];			/* .kunit_test_suites */

/* boot/head.asm: the boot stack, its unmapped guard page, the boot tables. */
extern char boot_stack[], boot_stack_top[], boot_stack_guard[];
extern char boot_pt[];
/* swapper_pdpt, the boot PDPT (CR3), is in <asm/pgtable.h> with its type. */

/* arch/x86/entry/entry_32.asm: the interrupt stubs the IDT points at. */
extern const unsigned long isr_stub_table[NR_ISR_STUBS];
extern char irq_work_interrupt[], apic_timer_interrupt[],
	call_function_interrupt[], reschedule_interrupt[], spurious_interrupt[],
	entry_INT80_32[];

/* boot/trampoline.asm: the AP start code, copied below 1 MiB. */
extern const u8 trampoline_start[], trampoline_end[];
extern u8 tr_gdtr[], tr_farjmp[], tr_pdpt_phys[], tr_entry[], tr_efer_nx[];
extern const u32 tr_pm_offset, tr_gdt_offset;
extern char ap_startup_32[];

#endif /* _ASM_SECTIONS_H */
