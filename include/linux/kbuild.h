/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_KBUILD_H
#define __LINUX_KBUILD_H

/*
 * Markers for arch/x86/kernel/asm-offsets.c, which is compiled to
 * assembly only: each DEFINE() leaves the line "->SYM value expr" in the
 * .s file, and the Makefile turns those lines into a header for NASM.
 * The value is printed as an unsigned 64-bit number ("%c0"): Linux's
 * plain "%0" would print 0xC0000000UL as -1073741824 on a 32-bit target,
 * which NASM accepts but linker.ld would not. (The do-while, which
 * Linux's do not have, is for checkpatch.)
 */
#define DEFINE(sym, val) do {					\
	asm volatile("\n.ascii \"->" #sym " %c0 " #val "\""		\
		     : : "i" ((unsigned long long)(val)));		\
} while (0)

#define BLANK() do {							\
	asm volatile("\n.ascii \"->\"" : : );				\
} while (0)

#define OFFSET(sym, str, mem) \
	DEFINE(sym, offsetof(struct str, mem))

#define COMMENT(x) do {						\
	asm volatile("\n.ascii \"->#" x "\"");				\
} while (0)

#endif
