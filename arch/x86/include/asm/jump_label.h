/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_JUMP_LABEL_H
#define _ASM_X86_JUMP_LABEL_H
/*
 * The x86 half of static keys (<linux/jump_label.h>), as Linux's: a
 * static branch is a 5-byte instruction in the code -- a nop while the
 * branch is off, a `jmp` to the out-of-line block while it is on -- and
 * an entry in the __jump_table section naming its address, the jump's
 * target and its key, so that arch/x86/kernel/jump_label.c can rewrite
 * it. Linux's entries are relative (for 64-bit kernels); on i386 plain
 * 32-bit addresses are as small and easier to read.
 */
#include <linux/types.h>
#include <linux/compiler.h>

#define JUMP_LABEL_NOP_SIZE 5
/* nopl 0x0(%eax,%eax,1): one instruction, 5 bytes (Linux's BYTES_NOP5) */
#define JUMP_LABEL_NOP ".byte 0x0f, 0x1f, 0x44, 0x00, 0x00"

struct static_key;

struct jump_entry {
	u32 code;		/* the 5-byte instruction */
	u32 target;		/* where the jmp goes */
	u32 key;		/* struct static_key * */
};

/* False (the nop falls through) until the key is enabled. */
static __always_inline bool arch_static_branch(struct static_key *key)
{
	asm goto("1: " JUMP_LABEL_NOP "\n\t"
		 ".pushsection __jump_table, \"a\"\n\t"
		 ".balign 4\n\t"
		 ".long 1b, %l[l_yes], %c0\n\t"
		 ".popsection"
		 : : "i"(key) : : l_yes);
	return false;
l_yes:
	return true;
}

#endif /* _ASM_X86_JUMP_LABEL_H */
