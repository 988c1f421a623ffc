/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_BENCH_H
#define _KMAPLAB_BENCH_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/highmem.h>

/*
 * The in-kernel benchmarks (kernel/bench*.c, docs/performance.md): what
 * each mapping API costs per operation, in TSC ticks -- which under
 * QEMU's -icount shift=0 are guest instructions.
 *
 * kmaplab-lint: allow kmap -- measures the deprecated API against kmap_local_page
 *
 * Costs are kept in hundredths of a tick (BENCH_SCALE) so that a cost
 * amortised over many operations (one pool flush per 512 kmap()s) is not
 * rounded away, and signed: under a noisy engine an operation can come
 * out cheaper than the empty one it is corrected by, and the report
 * should show that rather than a reassuring 0.
 */
#define BENCH_SCALE 100

struct bench_result {
	const char *name;		/* case, e.g. "kmap_local" */
	const char *mem;		/* "lowmem" / "highmem" / "-" */
	unsigned int pages;		/* working set, pages (0: none) */
	unsigned int threads;		/* 0: runs on the bench task itself */
	unsigned long ops;		/* operations, warm-up included */
	s64 median, min, max;		/* per op, BENCH_SCALE ticks, base removed */
	s64 base;			/* the empty op's cost, subtracted */
	unsigned long invlpg, flush_all, sleeps, wraps;	/* during the run */
	unsigned long switches;		/* context switches during the run */
	unsigned long preempt;		/* of which the workers were preempted */
	unsigned long ipi_sent, ipi_recv; /* TLB shootdown IPIs, all CPUs */
	/* The system-call cases (bench_syscall.c); bytes 0 for the others. */
	unsigned long bytes;		/* copied per op */
	unsigned long faults, fixups;	/* kernel faults on user memory: resolved, fixed up */
	unsigned long short_copies, retries; /* the kmap_atomic path's */
	unsigned long fault_sleeps;	/* fault_sleep_ms sleeps */
	unsigned long slots_saved, slots_restored; /* kmap_local slots, at switches */
};

struct page;
typedef void (*bench_op_t)(void *ctx);

/*
 * Read one word through a mapping and drop it: the load cannot be
 * optimised away, and it is all an op does with its page, so that the
 * figure is the API and not the work done with it.
 */
static __always_inline void bench_touch(const void *v)
{
	(void)READ_ONCE(*(const u32 *)v);
}

/*
 * One operation of the thread and CPU scaling cases: map p with kmap()
 * or kmap_local_page(), touch it, unmap it. Inline, so the figures count
 * the APIs and not a call around them.
 */
static __always_inline void bench_map_touch_unmap(struct page *p, bool use_kmap)
{
	if (use_kmap) {
		bench_touch(kmap(p));
		kunmap(p);
	} else {
		void *v = kmap_local_page(p);

		bench_touch(v);
		kunmap_local(v);
	}
}

/*
 * Time op(ctx) in batches of n: per-op median/min/max minus the median
 * per-op cost of base(ctx), an empty op doing the same argument fetching
 * (NULL: a function that only returns).
 */
void bench_measure(struct bench_result *r, bench_op_t op, bench_op_t base,
		   void *ctx, unsigned int n);
/* Sorts v[0..n) and fills r's median/min/max from it. */
void bench_summarise(struct bench_result *r, s64 *v, int n);
/* ticks for ops operations -> BENCH_SCALE ticks per operation */
s64 bench_per_op(u64 ticks, unsigned long ops);
/* Print one result: a "# bench:" line and a "# BENCH {json}" line. */
void bench_report(const struct bench_result *r);
/* Run every case whose name matches glob; iters scales them all. */
int bench_run(const char *glob, unsigned int iters);

/* start_kernel(): run the benchmarks if `bench` is on the command line. */
void bench_main(void);

/* teaching/bench/bench_cases.c: one entry per case. */
struct bench_case {
	const char *name;
	/* Fills results (up to max) and returns how many; <0 on error. */
	int (*run)(struct bench_result *res, int max, unsigned int iters);
};
extern const struct bench_case bench_cases[];
extern const unsigned int nr_bench_cases;
#define BENCH_MAX_RESULTS 8		/* per case */

/* teaching/bench/bench_threads.c: cases that need several threads. */
int case_threads_local(struct bench_result *res, int max, unsigned int iters);
int case_threads_kmap(struct bench_result *res, int max, unsigned int iters);
int case_switch(struct bench_result *res, int max, unsigned int iters);

/* teaching/bench/bench_smp.c: threads bound one per CPU; the cost of a pool wrap. */
int case_smp_local(struct bench_result *res, int max, unsigned int iters);
int case_smp_kmap(struct bench_result *res, int max, unsigned int iters);
int case_smp_kmap_wrap(struct bench_result *res, int max, unsigned int iters);
int case_smp_pool_wrap(struct bench_result *res, int max, unsigned int iters);

/* teaching/bench/bench_syscall.c: read() of a page-cache page, both copy paths. */
int case_read(struct bench_result *res, int max, unsigned int iters);

/* Counter snapshots around a measurement (TLB, kmap pool, scheduler). */
struct bench_counters {
	unsigned long invlpg, flush_all, sleeps, wraps, switches;
	unsigned long ipi_sent, ipi_recv;
};
void bench_counters_read(struct bench_counters *c);
/* Adds now - before to r's counters (a case may measure in rounds). */
void bench_counters_add(struct bench_result *r, const struct bench_counters *before);

#endif /* _KMAPLAB_BENCH_H */
