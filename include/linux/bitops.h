/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/bits.h>
#include <linux/types.h>
#include <asm/bitsperlong.h>

/*
 * Bit searching and counting, Linux's names, on the compiler's builtins
 * (which emit bsf/bsr; the popcount ones are open-coded below because
 * -march=i686 has no popcnt and there is no libgcc to call).
 * As in Linux: __ffs()/__fls() are 0-based and undefined for 0;
 * ffs()/fls() are 1-based and return 0 for 0.
 */
#define BITS_PER_TYPE(type)	(sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_LONGS(nr)	__KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(long))

static inline unsigned int __sw_hweight32(unsigned int w)
{
	w -= (w >> 1) & 0x55555555;
	w = (w & 0x33333333) + ((w >> 2) & 0x33333333);
	w = (w + (w >> 4)) & 0x0f0f0f0f;
	return (w * 0x01010101) >> 24;
}

static inline unsigned long __sw_hweight64(u64 w)
{
	return __sw_hweight32((u32)w) + __sw_hweight32((u32)(w >> 32));
}

/*
 * As in Linux, the hweightN() of a constant is a constant expression of
 * the low N bits (usable in array sizes, no truncation warning).
 */
#define __const_hweight8(w)		\
	((unsigned int)			\
	 ((!!((w) & (1ULL << 0))) +	\
	  (!!((w) & (1ULL << 1))) +	\
	  (!!((w) & (1ULL << 2))) +	\
	  (!!((w) & (1ULL << 3))) +	\
	  (!!((w) & (1ULL << 4))) +	\
	  (!!((w) & (1ULL << 5))) +	\
	  (!!((w) & (1ULL << 6))) +	\
	  (!!((w) & (1ULL << 7)))))
#define __const_hweight16(w) (__const_hweight8(w) + __const_hweight8((w) >> 8))
#define __const_hweight32(w) (__const_hweight16(w) + __const_hweight16((w) >> 16))
#define __const_hweight64(w) (__const_hweight32(w) + __const_hweight32((w) >> 32))

#define hweight8(w)  (__builtin_constant_p(w) ? __const_hweight8(w)  : __sw_hweight32((u8)(w)))
#define hweight16(w) (__builtin_constant_p(w) ? __const_hweight16(w) : __sw_hweight32((u16)(w)))
#define hweight32(w) (__builtin_constant_p(w) ? __const_hweight32(w) : __sw_hweight32(w))
#define hweight64(w) (__builtin_constant_p(w) ? __const_hweight64(w) : __sw_hweight64(w))
#define hweight_long(w) hweight32(w)

static inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

static inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}

static inline int ffs(int x)
{
	return __builtin_ffs(x);
}

static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

static inline int fls64(u64 x)
{
	u32 h = x >> 32;

	return h ? fls(h) + 32 : fls((u32)x);
}

static inline unsigned long __ffs64(u64 word)
{
	if ((u32)word == 0)
		return __ffs((u32)(word >> 32)) + 32;
	return __ffs((unsigned long)word);
}

/* log2 of the highest set bit of a non-zero 64-bit value. */
static inline unsigned int __fls64(u64 x)
{
	return fls64(x) - 1;
}

static inline u32 rol32(u32 word, unsigned int shift)
{
	return (word << (shift & 31)) | (word >> ((-shift) & 31));
}

static inline u32 ror32(u32 word, unsigned int shift)
{
	return (word >> (shift & 31)) | (word << ((-shift) & 31));
}

#endif /* _LINUX_BITOPS_H */
