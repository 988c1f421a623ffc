/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SETJMP_H
#define _ASM_SETJMP_H

/*
 * A minimal kernel setjmp/longjmp (arch/x86/lib/setjmp_32.asm): callee-saved
 * registers, stack pointer and return address. KUnit uses it to abort a
 * test case on a failed assertion or an oops inside the case.
 */
struct jmp_buf {
	unsigned long bx, si, di, bp, sp, ip;
};

int kl_setjmp(struct jmp_buf *jb) __attribute__((returns_twice));
__attribute__((noreturn)) void kl_longjmp(struct jmp_buf *jb, int val);

#endif /* _ASM_SETJMP_H */
