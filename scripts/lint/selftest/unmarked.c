// SPDX-License-Identifier: GPL-2.0
/* lint fixture: no marker; allowed only through allow.txt. */
#include <linux/highmem.h>

static void pool(struct page *page)
{
	void *a = kmap(page);

	kunmap(page);
}
