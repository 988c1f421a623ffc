/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_TLBDEMO_H
#define _KMAPLAB_TLBDEMO_H

#include <linux/types.h>
#include <kmaplab/engine.h>

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
	enum kmaplab_engine engine_id;	/* kmaplab_engine */
	unsigned int cpu;		/* the CPU whose TLB was watched */
	bool pge;			/* CR4.PGE was on: the global bit counts */
	struct tlbdemo_row rows[TLBDEMO_ROWS];
};

/*
 * What an engine is expected to show in a row's count, out of its trials.
 * The emulators are deterministic: every trial or none. A real TLB (KVM,
 * bare metal) may lose an entry whenever it likes -- an SMI, the host
 * moving the vCPU to another core -- so there "most" (over half) is what
 * is asked. TLBDEMO_ANY: no expectation (an engine not known here).
 */
enum tlbdemo_expect { TLBDEMO_ANY, TLBDEMO_EVERY, TLBDEMO_MOST, TLBDEMO_NONE };

/* A cached translation, not flushed, used again (per engine). */
enum tlbdemo_expect tlbdemo_expect_cached(enum kmaplab_engine engine);
/* Read 2, after the silent PTE change, still sees the old page A. */
enum tlbdemo_expect tlbdemo_expect_stale(const struct tlbdemo_result *res);
/* mov cr3 keeps the global entry: read 3 still sees A (architectural). */
enum tlbdemo_expect tlbdemo_expect_cr3_keeps_global(const struct tlbdemo_result *res);
/* n of 'of' trials meet e. */
bool tlbdemo_meets(enum tlbdemo_expect e, unsigned int n, unsigned int of);
const char *tlbdemo_expect_name(enum tlbdemo_expect e);

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

/*
 * The same across CPUs (teaching/tlbdemo/tlbdemo_smp.c): CPU A changes a
 * global kernel PTE and runs invlpg on itself only; CPU B, which had
 * cached the old translation, still reads the old page -- until the
 * shootdown (flush_tlb_kernel_range()'s IPI) makes it invalidate too.
 */
struct tlbdemo_smp_result {
	const char *engine;
	enum kmaplab_engine engine_id;
	int cpu_a, cpu_b;		/* A changes the PTE, B reads */
	unsigned int trials;
	unsigned int remote_first_a;	/* B's first read saw A (as it must) */
	unsigned int local_after_b;	/* A, after its own invlpg, saw B */
	unsigned int remote_stale_a;	/* B, with no shootdown, saw the OLD A */
	unsigned int remote_after_shootdown_b; /* B, after the shootdown, saw B */
};

/* 0; -ENODEV with one CPU online; -ENOMEM; -EINVAL (no trials). */
int tlbdemo_smp_run(struct tlbdemo_smp_result *res, unsigned int trials);
/* B's stale read, per engine (docs/tlbdemo.md). */
enum tlbdemo_expect tlbdemo_expect_remote_stale(const struct tlbdemo_smp_result *res);
void tlbdemo_smp_report(const struct tlbdemo_smp_result *res);
int tlbdemo_smp_print(unsigned int trials);

#endif /* _KMAPLAB_TLBDEMO_H */
