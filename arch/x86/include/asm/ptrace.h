/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <linux/types.h>
#include <linux/compiler.h>

#include <asm/segment.h>

/*
 * The register frame that arch/x86/entry/entry_32.asm builds on every
 * interrupt, exception and system call, lowest address first: pusha's
 * registers, the data segments, then the vector and error code, then
 * what the CPU pushed. sp and ss are pushed only on entry from ring 3
 * (user_mode()); from ring 0 the interrupted stack pointer is the
 * address just above 'flags' (see regs_sp()).
 *
 * A system call (int 0x80, Linux's i386 ABI): ax = number, then bx, cx,
 * dx, si, di, bp = arguments 1..6; the result or -errno goes back in ax.
 */
struct pt_regs {
	unsigned long di, si, bp, __sp, bx, dx, cx, ax;
	unsigned long gs, fs, es, ds;
	unsigned long vector, orig_ax;	/* orig_ax holds the error code */
	unsigned long ip, cs, flags;
	unsigned long sp, ss;		/* only when entered from ring 3 */
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & SEGMENT_RPL_MASK) == USER_RPL;
}

static inline unsigned long regs_sp(const struct pt_regs *regs)
{
	if (user_mode(regs))
		return regs->sp;
	return (unsigned long)&regs->flags + sizeof(regs->flags);
}

/* Where the CPU builds a task's frame on entry from ring 3: its stack top. */
#define task_pt_regs(task) \
	((struct pt_regs *)((char *)(task)->stack + (task)->stack_size) - 1)

/* arch/x86/entry/entry_32.asm: leave for ring 3 through the frame regs. */
__noreturn void ret_to_user(struct pt_regs *regs);
/* ... and run fn on a stack below sp, never returning. */
__noreturn void call_on_stack(void *sp, void (*fn)(void));

void show_regs(const struct pt_regs *regs);

#endif /* _ASM_PTRACE_H */
