// SPDX-License-Identifier: GPL-2.0
/*
 * Option-string helpers, Linux's lib/cmdline.c API: get_option() takes
 * one integer off a string like "3,7,10-12"; get_options() a list of
 * them, ranges expanded. (memparse(), Linux's neighbour here, is in
 * lib/kstrtox.c in kmaplab.)
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/string.h>

/*
 * At "-N" after a first number *pint: stores first..N-1 into pint[] (at
 * most n of them) and returns how many numbers the range spans
 * (N - first; negative for a reversed range). *str is left at N, which
 * the caller then reads as an ordinary number.
 */
static int get_range(char **str, int *pint, int n)
{
	int x, upper = simple_strtol(++(*str), NULL, 0);
	int span = upper - *pint;

	for (x = *pint; n && x < upper; x++, n--)
		*pint++ = x;
	return span;
}

/*
 * get_option(&str, &val): reads an integer (with optional '-', in base
 * 0: 0x.. hex, 0.. octal) into *pint (if pint) and returns
 *	0 - no integer at *str (*str unchanged)
 *	1 - an integer, not followed by a comma
 *	2 - an integer followed by a comma: *str now after the comma
 *	3 - an integer followed by '-': the start of a range
 */
int get_option(char **str, int *pint)
{
	char *cur = *str;
	int value;

	if (!cur || !*cur)
		return 0;
	if (*cur == '-')
		value = -simple_strtoull(++cur, str, 0);
	else
		value = simple_strtoull(cur, str, 0);
	if (pint)
		*pint = value;
	if (cur == *str)
		return 0;
	if (**str == ',') {
		(*str)++;
		return 2;
	}
	if (**str == '-')
		return 3;
	return 1;
}
EXPORT_SYMBOL(get_option);

/*
 * get_options(str, nints, ints): parses a comma-separated list of
 * integers and ranges ("1,3-5") into ints[1..], at most nints - 1 of
 * them; ints[0] gets the count. Returns where parsing stopped. With
 * nints == 0 nothing is stored but ints[0]: the count the list would
 * need (a first pass to size the array).
 */
char *get_options(const char *str, int nints, int *ints)
{
	bool validate = nints == 0;
	int res, i = 1;

	while (i < nints || validate) {
		int *pint = validate ? ints : ints + i;

		res = get_option((char **)&str, pint);
		if (res == 0)
			break;
		if (res == 3) {
			int n = validate ? 0 : nints - i;
			int range_nums = get_range((char **)&str, pint, n);

			if (range_nums < 0)
				break;
			/* the upper bound is read by the next round */
			i += range_nums - 1;
		}
		i++;
		if (res == 1)
			break;
	}
	ints[0] = i - 1;
	return (char *)str;
}
EXPORT_SYMBOL(get_options);
