// SPDX-License-Identifier: GPL-2.0
/*
 * The exception table: pairs (faulting instruction, where to continue)
 * emitted into __ex_table by code that may touch an unmapped address on
 * purpose. The trap handler looks the faulting EIP up here before it
 * declares an oops.
 */
#include <linux/kernel.h>
#include <asm/sections.h>
#include <kmaplab/traps.h>

/* A linear search: the table has a handful of entries. */
const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == ip)
			return e;
	return NULL;
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		return false;
	regs->ip = e->fixup;
	return true;
}
