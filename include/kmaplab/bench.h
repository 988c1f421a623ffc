/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_BENCH_H
#define _KMAPLAB_BENCH_H

#include <linux/types.h>

/*
 * The in-kernel benchmarks (kernel/bench.c, kernel/bench_cases.c): what
 * each mapping API costs per operation, in TSC ticks -- which under
 * QEMU's -icount shift=0 are guest instructions.
 */
struct bench_result {
	const char *name;		/* case, e.g. "kmap_local" */
	const char *mem;		/* "lowmem" / "highmem" / "-" */
	unsigned int threads;		/* 0: the case's own single thread */
	unsigned long ops;		/* operations measured */
	u64 median, min, max;		/* ticks per operation, overhead removed */
	unsigned long invlpg, flush_all, sleeps, wraps;	/* during the run */
};

typedef void (*bench_op_t)(void *ctx);

/* Time op() in batches: per-op median/min/max minus the loop overhead. */
void bench_measure(struct bench_result *r, bench_op_t op, void *ctx,
		   unsigned int iters);
/* Print one result: a "# " diagnostic line and a "# BENCH {json}" line. */
void bench_report(const struct bench_result *r);
/* Run every case whose name matches glob; iters scales them all. */
int bench_run(const char *glob, unsigned int iters);

/* start_kernel(): run the benchmarks if `bench` is on the command line. */
void bench_main(void);

/* kernel/bench_cases.c: one entry per case. */
struct bench_case {
	const char *name;
	/* Fills results (up to max) and returns how many; <0 on error. */
	int (*run)(struct bench_result *res, int max, unsigned int iters);
};
extern const struct bench_case bench_cases[];
extern const unsigned int nr_bench_cases;

/* kernel/bench_threads.c: cases that need several threads. */
int case_threads_local(struct bench_result *res, int max, unsigned int iters);
int case_threads_kmap(struct bench_result *res, int max, unsigned int iters);
int case_switch(struct bench_result *res, int max, unsigned int iters);

/* Counter snapshot helpers shared by the cases. */
void bench_counters_begin(struct bench_result *r);
void bench_counters_end(struct bench_result *r);

#endif /* _KMAPLAB_BENCH_H */
