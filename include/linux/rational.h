/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RATIONAL_H
#define _LINUX_RATIONAL_H

/*
 * rational_best_approximation(): the fraction closest to
 * given_numerator/given_denominator whose numerator and denominator do
 * not exceed the maxima (clock dividers, baud rates). lib/math/rational.c.
 */
void rational_best_approximation(
	unsigned long given_numerator, unsigned long given_denominator,
	unsigned long max_numerator, unsigned long max_denominator,
	unsigned long *best_numerator, unsigned long *best_denominator);

#endif /* _LINUX_RATIONAL_H */
