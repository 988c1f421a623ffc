// SPDX-License-Identifier: GPL-2.0
/*
 * Best rational approximation within bounds, by continued fractions, with
 * Linux's lib/math/rational.c semantics: the result is the last
 * convergent within the bounds, or the best semi-convergent after it
 * when that one is closer.
 *
 * The convergents h(k)/k(k) of n/d follow from the continued fraction
 * terms a(k) as h(k) = a(k)h(k-1) + h(k-2) (likewise k(k)). When the next
 * convergent breaks a bound, the semi-convergents
 * (t h(k-1) + h(k-2)) / (t k(k-1) + k(k-2)), t < a(k), lie between the
 * two; the largest t within the bounds is closer than h(k-1)/k(k-1)
 * exactly when t > a(k)/2 (or t == a(k)/2 and a tie-break on the
 * remainders says so).
 */
#include <linux/export.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/rational.h>

void rational_best_approximation(
	unsigned long given_numerator, unsigned long given_denominator,
	unsigned long max_numerator, unsigned long max_denominator,
	unsigned long *best_numerator, unsigned long *best_denominator)
{
	unsigned long n = given_numerator, d = given_denominator;
	/* h1/k1: the last convergent; h0/k0: the one before it */
	unsigned long h0 = 0, k0 = 1, h1 = 1, k1 = 0;

	while (d) {
		unsigned long a = n / d, prev_d = d, h2, k2;

		d = n % d;
		n = prev_d;
		h2 = h0 + a * h1;
		k2 = k0 + a * k1;
		if (h2 > max_numerator || k2 > max_denominator) {
			unsigned long t = ULONG_MAX;

			if (k1)
				t = (max_denominator - k0) / k1;
			if (h1)
				t = min(t, (max_numerator - h0) / h1);
			/* no previous convergent (k1 == 0): take the semi-convergent */
			if (!k1 || 2u * t > a ||
			    (2u * t == a && k0 * prev_d > k1 * d)) {
				h1 = h0 + t * h1;
				k1 = k0 + t * k1;
			}
			break;
		}
		h0 = h1;
		h1 = h2;
		k0 = k1;
		k1 = k2;
	}
	*best_numerator = h1;
	*best_denominator = k1;
}
EXPORT_SYMBOL(rational_best_approximation);
