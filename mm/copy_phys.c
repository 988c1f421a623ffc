// SPDX-License-Identifier: GPL-2.0
/*
 * copy_from_phys(): read firmware tables (ACPI, SMBIOS) that may lie
 * anywhere in physical memory, above lowmem too, one page at a time
 * through kmap_local_pfn(). Linux maps them with early_memremap(); a
 * temporary local mapping per page does the same job here, and shows
 * that kmap_local_pfn() needs no struct page.
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/string.h>
#include <kmaplab/mm.h>

void copy_from_phys(void *dst, u64 phys, size_t len)
{
	while (len) {
		unsigned long off = phys & ~PAGE_MASK;
		size_t n = min_t(size_t, len, PAGE_SIZE - off);
		u8 *v = kmap_local_pfn(phys >> PAGE_SHIFT);

		memcpy(dst, v + off, n);
		kunmap_local(v);
		dst = (u8 *)dst + n;
		phys += n;
		len -= n;
	}
}
