// SPDX-License-Identifier: GPL-2.0
/*
 * int_sqrt(): floor(sqrt(x)), digit by digit in base 4 -- shifts, adds
 * and compares only, as Linux's (no FPU in the kernel).
 */
#include <linux/bitops.h>
#include <linux/export.h>
#include <linux/limits.h>
#include <linux/math.h>

unsigned long int_sqrt(unsigned long x)
{
	unsigned long b, m, y = 0;

	if (x <= 1)
		return x;
	m = 1UL << (__fls(x) & ~1UL);	/* the highest power of 4 <= x */
	while (m) {
		b = y + m;
		y >>= 1;
		if (x >= b) {
			x -= b;
			y += m;
		}
		m >>= 2;
	}
	return y;
}
EXPORT_SYMBOL(int_sqrt);

/* The same for a 64-bit x (the root fits in 32 bits). */
u32 int_sqrt64(u64 x)
{
	u64 b, m, y = 0;

	if (x <= ULONG_MAX)
		return int_sqrt((unsigned long)x);
	m = 1ULL << ((fls64(x) - 1) & ~1U);
	while (m) {
		b = y + m;
		y >>= 1;
		if (x >= b) {
			x -= b;
			y += m;
		}
		m >>= 2;
	}
	return y;
}
EXPORT_SYMBOL(int_sqrt64);
