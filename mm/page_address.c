// SPDX-License-Identifier: GPL-2.0
/*
 * page_address(): a page's kernel virtual address, or NULL.
 *
 * Lowmem is direct-mapped, so its address is arithmetic: PAGE_OFFSET plus
 * the physical address. A highmem page has no address of its own; it
 * has one only while kmap() holds it in the pkmap area, and mm/highmem.c
 * remembers those in a hash (Linux's HASHED_PAGE_VIRTUAL) -- there is no
 * 'virtual' field in struct page. Addresses from kmap_local_page() and
 * kmap_atomic() are not recorded: page_address() stays NULL for them,
 * as in Linux.
 */
#include <linux/mm.h>

void *page_address(const struct page *page)
{
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return page_address_highmem(page);
}
