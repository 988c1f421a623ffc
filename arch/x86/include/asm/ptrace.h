/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

/*
 * The register frame that arch/x86/entry/entry_32.asm builds on every interrupt and
 * exception, lowest address first: pusha's registers, the data segments,
 * then the vector and error code, then what the CPU pushed. The kernel
 * runs only in ring 0, so the CPU never pushes sp/ss: the interrupted
 * stack pointer is the address just above 'flags' (see regs_sp()).
 */
struct pt_regs {
	unsigned long di, si, bp, __sp, bx, dx, cx, ax;
	unsigned long gs, fs, es, ds;
	unsigned long vector, orig_ax;	/* orig_ax holds the error code */
	unsigned long ip, cs, flags;
};

static inline unsigned long regs_sp(const struct pt_regs *regs)
{
	return (unsigned long)&regs->flags + sizeof(regs->flags);
}

void show_regs(const struct pt_regs *regs);

#endif /* _ASM_PTRACE_H */
