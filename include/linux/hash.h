/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/bitsperlong.h>

/*
 * Multiplicative hashing of integers and pointers, Linux's functions and
 * constants (so a table sized and hashed here lays out as in Linux).
 * hash_32(val, bits) is in [0, 2^bits): the top bits of val * phi-ish,
 * the well-mixed ones. 32-bit kmaplab hashes 64-bit values with two
 * 32x32 multiplies, as Linux does on 32-bit machines; no <asm/hash.h>.
 */
#define GOLDEN_RATIO_32 0x61C88647
#define GOLDEN_RATIO_64 0x61C8864680B583EBull
#define GOLDEN_RATIO_PRIME GOLDEN_RATIO_32

#define __hash_32 __hash_32_generic
static inline u32 __hash_32_generic(u32 val)
{
	return val * GOLDEN_RATIO_32;
}

static inline u32 hash_32(u32 val, unsigned int bits)
{
	return __hash_32(val) >> (32 - bits);
}

#define hash_64 hash_64_generic
static __always_inline u32 hash_64_generic(u64 val, unsigned int bits)
{
	return hash_32((u32)val ^ __hash_32(val >> 32), bits);
}

#define hash_long(val, bits) hash_32(val, bits)

static inline u32 hash_ptr(const void *ptr, unsigned int bits)
{
	return hash_long((unsigned long)ptr, bits);
}

/* Folds a pointer to 32 bits: on 32-bit x86, the pointer itself. */
static inline u32 hash32_ptr(const void *ptr)
{
	return (u32)(unsigned long)ptr;
}

#endif /* _LINUX_HASH_H */
