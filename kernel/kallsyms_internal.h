/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef LINUX_KALLSYMS_INTERNAL_H_
#define LINUX_KALLSYMS_INTERNAL_H_

/*
 * The symbol table that scripts/gen-ksyms.sh generates after the first
 * link ($(O)/ksyms.c) and the second link puts in .ksyms: addresses
 * sorted ascending, each name at its offset in kallsyms_names.
 */
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern const unsigned int kallsyms_num_syms;

#endif /* LINUX_KALLSYMS_INTERNAL_H_ */
