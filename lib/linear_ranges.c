// SPDX-License-Identifier: GPL-2.0
/*
 * Linear ranges: selector <-> value for hardware whose settings go up in
 * equal steps (<linux/linear_range.h>), with Linux's semantics.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/linear_range.h>

unsigned int linear_range_values_in_range(const struct linear_range *r)
{
	return r ? r->max_sel - r->min_sel + 1 : 0;
}
EXPORT_SYMBOL_GPL(linear_range_values_in_range);

/* Values in the first ranges ranges of r; 0 if one of them is empty. */
unsigned int linear_range_values_in_range_array(const struct linear_range *r,
						int ranges)
{
	unsigned int total = 0;
	int i;

	for (i = 0; i < ranges; i++) {
		unsigned int values = linear_range_values_in_range(&r[i]);

		if (!values)
			return 0;
		total += values;
	}
	return total;
}
EXPORT_SYMBOL_GPL(linear_range_values_in_range_array);

unsigned int linear_range_get_max_value(const struct linear_range *r)
{
	return r->min + (r->max_sel - r->min_sel) * r->step;
}
EXPORT_SYMBOL_GPL(linear_range_get_max_value);

int linear_range_get_value(const struct linear_range *r, unsigned int selector,
			   unsigned int *val)
{
	if (selector < r->min_sel || selector > r->max_sel)
		return -EINVAL;
	*val = r->min + (selector - r->min_sel) * r->step;
	return 0;
}
EXPORT_SYMBOL_GPL(linear_range_get_value);

/* The value of selector in whichever of the ranges holds it. */
int linear_range_get_value_array(const struct linear_range *r, int ranges,
				 unsigned int selector, unsigned int *val)
{
	int i;

	for (i = 0; i < ranges; i++)
		if (selector >= r[i].min_sel && selector <= r[i].max_sel)
			return linear_range_get_value(&r[i], selector, val);
	return -EINVAL;
}
EXPORT_SYMBOL_GPL(linear_range_get_value_array);

/* The selector whose value is the largest not above val (val in range). */
static unsigned int selector_at_or_below(const struct linear_range *r,
					 unsigned int val)
{
	if (!r->step)
		return r->min_sel;
	return (val - r->min) / r->step + r->min_sel;
}

/*
 * Below r: -EINVAL. Above it: its top selector, *found false. Inside:
 * the selector of the largest value <= val, *found true.
 */
int linear_range_get_selector_low(const struct linear_range *r,
				  unsigned int val, unsigned int *selector,
				  bool *found)
{
	*found = false;
	if (val < r->min)
		return -EINVAL;
	if (val > linear_range_get_max_value(r)) {
		*selector = r->max_sel;
		return 0;
	}
	*found = true;
	*selector = selector_at_or_below(r, val);
	return 0;
}
EXPORT_SYMBOL_GPL(linear_range_get_selector_low);

/*
 * The first range that contains val decides; otherwise the last range
 * that lies wholly below val gives its top selector (*found false).
 */
int linear_range_get_selector_low_array(const struct linear_range *r,
					int ranges, unsigned int val,
					unsigned int *selector, bool *found)
{
	int i, ret = -EINVAL;

	for (i = 0; i < ranges; i++) {
		if (!linear_range_get_selector_low(&r[i], val, selector, found))
			ret = 0;
		if (*found)
			break;
	}
	return ret;
}
EXPORT_SYMBOL_GPL(linear_range_get_selector_low_array);

/*
 * Above r: -EINVAL. Below it: its bottom selector, *found false. Inside:
 * the selector of the smallest value >= val, *found true.
 */
int linear_range_get_selector_high(const struct linear_range *r,
				   unsigned int val, unsigned int *selector,
				   bool *found)
{
	*found = false;
	if (val > linear_range_get_max_value(r))
		return -EINVAL;
	if (val < r->min) {
		*selector = r->min_sel;
		return 0;
	}
	*found = true;
	if (!r->step)
		*selector = r->max_sel;
	else
		*selector = DIV_ROUND_UP(val - r->min, r->step) + r->min_sel;
	return 0;
}
EXPORT_SYMBOL_GPL(linear_range_get_selector_high);

void linear_range_get_selector_within(const struct linear_range *r,
				      unsigned int val, unsigned int *selector)
{
	if (val < r->min)
		*selector = r->min_sel;
	else if (val > linear_range_get_max_value(r))
		*selector = r->max_sel;
	else
		*selector = selector_at_or_below(r, val);
}
EXPORT_SYMBOL_GPL(linear_range_get_selector_within);
