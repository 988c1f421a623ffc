/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_TRAPS_H
#define _KMAPLAB_TRAPS_H

#include <linux/types.h>
#include <asm/ptrace.h>

/* arch/x86/kernel/traps.c */
void do_trap(struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs);
/* The double-fault task's entry (arch/x86/kernel/desc.c sets it up). */
void doublefault_task(void);

/* arch/x86/entry/common.c: system calls, and every way back to ring 3. */
void do_int80_syscall_32(struct pt_regs *regs);
void do_syscall_32_irqs_on(struct pt_regs *regs);
void exit_to_user_mode(struct pt_regs *regs);
/* arch/x86/mm/fault.c: a fault on a user address; false: not resolved. */
bool do_user_addr_fault(struct pt_regs *regs, unsigned long address);
/* kernel/signal.c: a one-line report, then the process dies of sig. */
__noreturn void force_sig_report(struct pt_regs *regs, int sig, const char *what);

/* kernel/extable.c: the exception table (__ex_table: insn, fixup). */
struct exception_table_entry {
	unsigned long insn, fixup;
};
const struct exception_table_entry *search_exception_tables(unsigned long ip);
bool fixup_exception(struct pt_regs *regs);

/* kernel/panic.c */
void oops_begin(void);
/*
 * After an oops report: hand the oops to a KUnit case that can absorb it
 * (kunit_handle_oops longjmps out and never returns) or panic.
 */
__noreturn void oops_end(const char *what);
void show_stack_from(unsigned long bp, unsigned long ip);
extern int oops_in_progress;
/* Oopses so far (tests compare it before and after). */
extern unsigned long oops_count;

/* Implemented by the KUnit executor: returns only when it cannot help. */
void kunit_handle_oops(const char *what);

#endif /* _KMAPLAB_TRAPS_H */
