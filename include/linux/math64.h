/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MATH64_H
#define _LINUX_MATH64_H

#include <linux/types.h>

/*
 * 64-bit division on a 32-bit CPU: as in Linux, plain u64 / u64 is not
 * available (no libgcc in the kernel); use these.
 */
static inline u32 __div64_32(u64 *n, u32 base)
{
	u32 hi = (u32)(*n >> 32), lo = (u32)*n, qhi = hi / base, rem, qlo;

	hi %= base;
	__asm__("divl %4" : "=a"(qlo), "=d"(rem) : "a"(lo), "d"(hi), "rm"(base));
	*n = ((u64)qhi << 32) | qlo;
	return rem;
}

/* do_div(n, base): n becomes the quotient, the remainder is returned. */
#define do_div(n, base) __div64_32(&(n), (base))

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	*remainder = __div64_32(&dividend, divisor);
	return dividend;
}

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	__div64_32(&dividend, divisor);
	return dividend;
}

static inline s64 div_s64(s64 dividend, s32 divisor)
{
	bool neg = (dividend < 0) != (divisor < 0);
	u64 q = div_u64(dividend < 0 ? -dividend : dividend,
			divisor < 0 ? -divisor : divisor);

	return neg ? -(s64)q : (s64)q;
}

/* Truncating, as C's '/': the remainder takes the dividend's sign. */
static inline s64 div_s64_rem(s64 dividend, s32 divisor, s32 *remainder)
{
	s64 q = div_s64(dividend, divisor);

	*remainder = (s32)(dividend - q * divisor);
	return q;
}

u64 div64_u64(u64 dividend, u64 divisor);

static inline u64 mul_u64_u32_shr(u64 a, u32 mul, unsigned int shift)
{
	u32 ah = (u32)(a >> 32), al = (u32)a;
	u64 ret = ((u64)al * mul) >> shift;

	if (ah)
		ret += ((u64)ah * mul) << (32 - shift);
	return ret;
}

#endif /* _LINUX_MATH64_H */
