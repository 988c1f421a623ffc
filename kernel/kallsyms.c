// SPDX-License-Identifier: GPL-2.0
/*
 * Symbol lookup for backtraces and %pS. The table is generated from the
 * first link of the kernel (scripts/gen-ksyms.sh) and linked into the
 * second: addresses sorted ascending, names as offsets into one string.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>
#include <asm/sections.h>
#include "kallsyms_internal.h"

/* Index of the last symbol at or below addr, or -1. */
static int find_symbol(unsigned long addr)
{
	int lo = 0, hi = (int)kallsyms_num_syms - 1, best = -1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return best;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	int i;
	unsigned long end;

	if (addr < (unsigned long)_text || addr >= (unsigned long)_etext)
		return NULL;
	i = find_symbol(addr);
	if (i < 0)
		return NULL;
	end = (unsigned int)(i + 1) < kallsyms_num_syms ?
		kallsyms_addresses[i + 1] : (unsigned long)_etext;
	if (size)
		*size = end - kallsyms_addresses[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	return kallsyms_names + kallsyms_name_offsets[i];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned int i;

	for (i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

int sprint_symbol(char *buf, unsigned long addr)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr, &size, &offset);

	if (!name)
		return sprintf(buf, "0x%lx", addr);
	return sprintf(buf, "%s+0x%lx/0x%lx", name, offset, size);
}

int sprint_symbol_no_offset(char *buf, unsigned long addr)
{
	const char *name = kallsyms_lookup(addr, NULL, NULL);

	if (!name)
		return sprintf(buf, "0x%lx", addr);
	return sprintf(buf, "%s", name);
}
