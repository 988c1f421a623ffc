/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

#include <linux/types.h>

/*
 * sort(base, num, size, cmp, swap): sorts an array in place, in
 * O(n log n) time whatever the input, with no memory allocated -- a
 * heapsort, as Linux's lib/sort.c. Not stable. swap may be NULL (elements
 * are then swapped by words or bytes). sort_r() passes priv to both.
 */
void sort_r(void *base, size_t num, size_t size,
	    cmp_r_func_t cmp_func,
	    swap_r_func_t swap_func,
	    const void *priv);

void sort(void *base, size_t num, size_t size,
	  cmp_func_t cmp_func,
	  swap_func_t swap_func);

#endif /* _LINUX_SORT_H */
