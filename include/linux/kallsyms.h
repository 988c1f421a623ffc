/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN 64
#define KSYM_SYMBOL_LEN (KSYM_NAME_LEN + 32)

/*
 * The kernel's function symbols, generated at build time from the linked
 * image (scripts/gen-ksyms.sh) and linked into it (kernel/kallsyms.c).
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);
unsigned long kallsyms_lookup_name(const char *name);
int sprint_symbol(char *buf, unsigned long addr);
int sprint_symbol_no_offset(char *buf, unsigned long addr);

#endif /* _LINUX_KALLSYMS_H */
