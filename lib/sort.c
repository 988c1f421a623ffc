// SPDX-License-Identifier: GPL-2.0
/*
 * sort(): an in-place heapsort, Linux's API and guarantees (O(n log n)
 * worst case, no allocation, not stable). A heapsort rather than a
 * quicksort because the worst case matters more in a kernel than the
 * average: no input can make it quadratic or recurse deeply.
 */
#include <linux/export.h>
#include <linux/sort.h>
#include <linux/types.h>

/* The swap used when the caller passes none: by words when aligned. */
static void generic_swap(void *a, void *b, int size)
{
	if (!(((unsigned long)a | (unsigned long)b | size) & 3)) {
		u32 *x = a, *y = b, t;

		for (; size; size -= 4, x++, y++) {
			t = *x;
			*x = *y;
			*y = t;
		}
		return;
	}
	for (u8 *x = a, *y = b; size; size--, x++, y++) {
		u8 t = *x;

		*x = *y;
		*y = t;
	}
}

struct sort_ops {
	cmp_r_func_t cmp_r;
	cmp_func_t cmp;
	swap_r_func_t swap_r;
	swap_func_t swap;
	const void *priv;
	size_t size;
};

static int do_cmp(const struct sort_ops *o, char *base, size_t i, size_t j)
{
	const void *a = base + i * o->size, *b = base + j * o->size;

	return o->cmp_r ? o->cmp_r(a, b, o->priv) : o->cmp(a, b);
}

static void do_swap(const struct sort_ops *o, char *base, size_t i, size_t j)
{
	void *a = base + i * o->size, *b = base + j * o->size;

	if (o->swap_r)
		o->swap_r(a, b, (int)o->size, o->priv);
	else if (o->swap)
		o->swap(a, b, (int)o->size);
	else
		generic_swap(a, b, (int)o->size);
}

/* Moves element i down the max-heap of n elements to its place. */
static void sift_down(const struct sort_ops *o, char *base, size_t i, size_t n)
{
	size_t child;

	while ((child = 2 * i + 1) < n) {
		if (child + 1 < n && do_cmp(o, base, child, child + 1) < 0)
			child++;
		if (do_cmp(o, base, i, child) >= 0)
			return;
		do_swap(o, base, i, child);
		i = child;
	}
}

static void heapsort(const struct sort_ops *o, void *base, size_t num)
{
	size_t i;

	if (num < 2 || !o->size)
		return;
	for (i = num / 2; i-- > 0;)		/* build the heap */
		sift_down(o, base, i, num);
	for (i = num - 1; i > 0; i--) {		/* the largest goes last */
		do_swap(o, base, 0, i);
		sift_down(o, base, 0, i);
	}
}

void sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp_func,
	    swap_r_func_t swap_func, const void *priv)
{
	struct sort_ops o = {
		.cmp_r = cmp_func, .swap_r = swap_func, .priv = priv, .size = size,
	};

	heapsort(&o, base, num);
}
EXPORT_SYMBOL(sort_r);

void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func,
	  swap_func_t swap_func)
{
	struct sort_ops o = { .cmp = cmp_func, .swap = swap_func, .size = size };

	heapsort(&o, base, num);
}
EXPORT_SYMBOL(sort);
