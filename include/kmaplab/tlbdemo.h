/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_TLBDEMO_H
#define _KMAPLAB_TLBDEMO_H

#include <linux/types.h>

/*
 * The stale-TLB demonstration (teaching/tlbdemo/tlbdemo.c): map page A at a fixmap
 * slot and read it (the translation is now cached), point the PTE at
 * page B *without* invalidating and read again, then invalidate and read
 * a third time. Done for each way of invalidating and for a global and a
 * non-global PTE, many times; every read is recorded, nothing assumed.
 */
enum tlbdemo_method { TLBDEMO_INVLPG, TLBDEMO_CR3, TLBDEMO_PGE, NR_TLBDEMO_METHODS };

struct tlbdemo_row {
	bool global;			/* the PTE had _PAGE_GLOBAL set */
	enum tlbdemo_method method;
	unsigned long slot;		/* the virtual address used */
	unsigned int trials;
	unsigned int first_a;		/* read 1 saw A (as it must) */
	unsigned int stale_a;		/* read 2, after the silent change, saw A */
	unsigned int after_b;		/* read 3, after the invalidation, saw B */
};

/* Global rows first (one per method), then the non-global ones. */
#define TLBDEMO_ROWS (2 * NR_TLBDEMO_METHODS)

struct tlbdemo_result {
	const char *engine;		/* cpu_engine_name() */
	unsigned int cpu;		/* the CPU whose TLB was watched */
	bool pge;			/* CR4.PGE was on: the global bit counts */
	struct tlbdemo_row rows[TLBDEMO_ROWS];
};

/* Run every row 'trials' times; 0, or -ENOMEM / -EINVAL (no trials). */
int tlbdemo_run(struct tlbdemo_result *res, unsigned int trials);
/* The row for one PTE kind and method. */
const struct tlbdemo_row *tlbdemo_row(const struct tlbdemo_result *res,
				      bool global, enum tlbdemo_method m);
/* Print the table and an explanation drawn from what was seen. */
void tlbdemo_report(const struct tlbdemo_result *res);
/* Run and report (the monitor's tlbdemo). */
int tlbdemo_print(unsigned int trials);
const char *tlbdemo_method_name(enum tlbdemo_method m);
/* "QEMU TCG", "KVM", ... from CPUID's hypervisor leaf, or "bare metal". */
const char *cpu_engine_name(void);

#endif /* _KMAPLAB_TLBDEMO_H */
