/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_TLBDEMO_H
#define _KMAPLAB_TLBDEMO_H

#include <linux/types.h>

/*
 * The stale-TLB demonstration (mm/tlbdemo.c): map page A at a fixmap
 * slot and read it (the translation is now cached), point the PTE at
 * page B *without* invalidating and read again, then invalidate and read
 * a third time. Done for each way of invalidating and for a global and a
 * non-global PTE, many times; every read is recorded, nothing assumed.
 */
enum tlbdemo_method { TLBDEMO_INVLPG, TLBDEMO_CR3, TLBDEMO_PGE, NR_TLBDEMO_METHODS };

struct tlbdemo_row {
	bool global;
	enum tlbdemo_method method;
	unsigned int trials;
	unsigned int first_a;		/* first read saw A (as it must) */
	unsigned int stale_a;		/* read after the silent PTE change saw A */
	unsigned int after_b;		/* read after the invalidation saw B */
};

#define TLBDEMO_ROWS (2 * NR_TLBDEMO_METHODS)

/* Fill rows[TLBDEMO_ROWS]; returns 0 or -ENOMEM. */
int tlbdemo_run(struct tlbdemo_row *rows, unsigned int trials);
/* Run and print the table with its explanation (monitor's tlbdemo). */
void tlbdemo_print(unsigned int trials);
const char *tlbdemo_method_name(enum tlbdemo_method m);
/* "QEMU TCG", "KVM", ... from CPUID's hypervisor leaf, or "bare metal". */
const char *cpu_engine_name(void);

#endif /* _KMAPLAB_TLBDEMO_H */
