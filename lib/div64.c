// SPDX-License-Identifier: GPL-2.0
/* 64-by-64-bit division without libgcc (see <linux/math64.h>). */
#include <linux/math64.h>

u64 div64_u64(u64 dividend, u64 divisor)
{
	u64 quot = 0, bit = 1;

	if (!(divisor >> 32))
		return div_u64(dividend, (u32)divisor);
	/* Shift-and-subtract: at most 32 steps, the quotient fits in 32 bits. */
	while (!(divisor >> 63) && divisor < dividend) {
		divisor <<= 1;
		bit <<= 1;
	}
	while (bit) {
		if (dividend >= divisor) {
			dividend -= divisor;
			quot |= bit;
		}
		divisor >>= 1;
		bit >>= 1;
	}
	return quot;
}
