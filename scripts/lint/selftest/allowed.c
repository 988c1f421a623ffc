// SPDX-License-Identifier: GPL-2.0
/*
 * lint fixture: a file that may use kmap() because it says why; that
 * allows its pair kunmap() too, but not kmap_atomic().
 *
 * kmaplab-lint: allow kmap -- demonstrates the global pkmap pool
 */
#include <linux/highmem.h>

static void pool(struct page *page)
{
	char *a = kmap(page);

	a[0] = 0;
	kunmap(page);
	a = kmap_atomic(page);
	kunmap_atomic(a);
}
