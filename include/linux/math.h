/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <linux/types.h>
#include <linux/const.h>
#include <linux/math64.h>

/*
 * Rounding and division helpers, Linux's. round_up()/round_down() need
 * a power of two y; roundup()/rounddown() take any y. DIV_ROUND_CLOSEST()
 * rounds halves away from zero (undefined for a negative divisor with an
 * unsigned dividend, as in Linux). The _ULL forms divide a 64-bit value
 * by a 32-bit one with do_div() (no 64-bit '/' on a 32-bit kernel).
 */
#define __round_mask(x, y) ((__typeof__(x))((y)-1))
#define round_up(x, y) ((((x)-1) | __round_mask(x, y))+1)
#define round_down(x, y) ((x) & ~__round_mask(x, y))

#define DIV_ROUND_UP __KERNEL_DIV_ROUND_UP

#define DIV_ROUND_DOWN_ULL(ll, d) \
	({ unsigned long long _tmp = (ll); do_div(_tmp, d); _tmp; })

#define DIV_ROUND_UP_ULL(ll, d) \
	DIV_ROUND_DOWN_ULL((unsigned long long)(ll) + (d) - 1, (d))

#define roundup(x, y) ({					\
	__typeof__(y) __y = y;					\
	(((x) + (__y - 1)) / __y) * __y;			\
})
#define rounddown(x, y) ({					\
	__typeof__(x) __x = (x);				\
	__x - (__x % (y));					\
})

#define DIV_ROUND_CLOSEST(x, divisor) ({			\
	__typeof__(x) __x = x;					\
	__typeof__(divisor) __d = divisor;			\
	(((__typeof__(x))-1) > 0 ||				\
	 ((__typeof__(divisor))-1) > 0 ||			\
	 (((__x) > 0) == ((__d) > 0))) ?			\
		(((__x) + ((__d) / 2)) / (__d)) :		\
		(((__x) - ((__d) / 2)) / (__d));		\
})

#define DIV_ROUND_CLOSEST_ULL(x, divisor) ({			\
	__typeof__(divisor) __d = divisor;			\
	unsigned long long _tmp = (x) + (__d) / 2;		\
	do_div(_tmp, __d);					\
	_tmp;							\
})

#define __STRUCT_FRACT(type)				\
struct type##_fract {					\
	__##type numerator;				\
	__##type denominator;				\
};
__STRUCT_FRACT(s16)
__STRUCT_FRACT(u16)
__STRUCT_FRACT(s32)
__STRUCT_FRACT(u32)
#undef __STRUCT_FRACT

/* x * numer / denom without overflowing in the intermediate product. */
#define mult_frac(x, numer, denom) ({				\
	__typeof__(x) quot = (x) / (denom);			\
	__typeof__(x) rem  = (x) % (denom);			\
	(quot * (numer)) + ((rem * (numer)) / (denom));		\
})

#define sector_div(a, b) do_div(a, b)

/* |x| in x's own (signed) type; long long, long, int, short or char. */
#define abs(x)	__abs_choose_expr(x, long long,				\
		__abs_choose_expr(x, long,				\
		__abs_choose_expr(x, int,				\
		__abs_choose_expr(x, short,				\
		__abs_choose_expr(x, char,				\
		__builtin_choose_expr(					\
			__builtin_types_compatible_p(__typeof__(x), char), \
			(char)({ signed char __x = (x); __x < 0 ? -__x : __x; }), \
			((void)0)))))))

#define __abs_choose_expr(x, type, other) __builtin_choose_expr(	\
	__builtin_types_compatible_p(__typeof__(x),   signed type) ||	\
	__builtin_types_compatible_p(__typeof__(x), unsigned type),	\
	({ signed type __x = (x); __x < 0 ? -__x : __x; }), other)

/* val (any u32) scaled into [0, ep_ro): a fast "val % ep_ro" for hashes. */
static inline u32 reciprocal_scale(u32 val, u32 ep_ro)
{
	return (u32)(((u64) val * ep_ro) >> 32);
}

/* lib/math/int_pow.c, lib/math/int_sqrt.c */
u64 int_pow(u64 base, unsigned int exp);
unsigned long int_sqrt(unsigned long x);
u32 int_sqrt64(u64 x);

#endif /* _LINUX_MATH_H */
