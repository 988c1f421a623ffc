/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SWAB_H
#define _LINUX_SWAB_H

#include <linux/types.h>

/* Byte swaps (the compiler's builtins emit bswap/xchg). */
#define swab16(x) ((__u16)__builtin_bswap16((__u16)(x)))
#define swab32(x) ((__u32)__builtin_bswap32((__u32)(x)))
#define swab64(x) ((__u64)__builtin_bswap64((__u64)(x)))

#endif /* _LINUX_SWAB_H */
