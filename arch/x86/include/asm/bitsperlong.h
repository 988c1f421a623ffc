/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_BITSPERLONG_H
#define _ASM_X86_BITSPERLONG_H

/* kmaplab is 32-bit x86 only: long is 32 bits. */
#define BITS_PER_LONG 32
#define BITS_PER_LONG_LONG 64

#endif /* _ASM_X86_BITSPERLONG_H */
