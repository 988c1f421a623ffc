// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark harness. `bench` on the command line runs every case
 * after the tests; bench.filter=<glob> selects, bench.iters=<n> scales,
 * bench.engine=<name> labels the output (the host says which engine it
 * booted: icount, tcg or kvm -- the kernel cannot tell by itself).
 *
 * Timing: "lfence; rdtsc" on both sides. lfence waits until every
 * earlier instruction has completed, so the second rdtsc does not run
 * ahead of the work being timed, nor the first behind it. Under
 * -icount shift=0, the TSC advances by exactly one per guest
 * instruction: the figures are instruction counts, identical run to run.
 *
 * Each case runs a warm-up, then SAMPLES batches of the operation. The
 * per-op cost of a batch is its ticks divided by its size, minus the
 * same figure for an empty operation (the loop and call overhead). The
 * median of the batches is the headline figure; a batch hit by a timer
 * interrupt is an outlier and shows up only in max.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/highmem.h>
#include <linux/math64.h>
#include <linux/ktime.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <kmaplab/bench.h>

#define SAMPLES 31

static bool bench_enabled;
static const char *bench_filter = "*";
static unsigned int bench_iters = 20000;
static const char *bench_engine = "unknown";

static int __init bench_setup(char *s)
{
	bench_enabled = true;
	return 1;
}
__setup("bench", bench_setup);

static int __init bench_filter_setup(char *s)
{
	bench_enabled = true;
	bench_filter = s;
	return *s != '\0';
}
__setup("bench.filter=", bench_filter_setup);

static int __init bench_iters_setup(char *s)
{
	return kstrtouint(s, 0, &bench_iters) == 0 && bench_iters >= SAMPLES;
}
__setup("bench.iters=", bench_iters_setup);

static int __init bench_engine_setup(char *s)
{
	bench_engine = s;
	return *s != '\0';
}
__setup("bench.engine=", bench_engine_setup);

static noinline void bench_nop(void *ctx)
{
	barrier();
}

static u64 time_batch(bench_op_t op, void *ctx, unsigned int n)
{
	u64 t0, t1;
	unsigned int i;

	t0 = rdtsc_ordered();
	for (i = 0; i < n; i++)
		op(ctx);
	t1 = rdtsc_ordered();
	return t1 - t0;
}

static void sort_u64(u64 *v, int n)
{
	int i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1] > v[j]; j--)
			swap(v[j - 1], v[j]);
}

/* Per-op ticks of SAMPLES batches of n, sorted. */
static void sample(u64 *per_op, bench_op_t op, void *ctx, unsigned int n)
{
	int s;

	time_batch(op, ctx, n);		/* warm-up: caches, TLB, branches */
	for (s = 0; s < SAMPLES; s++)
		per_op[s] = div_u64(time_batch(op, ctx, n), n);
	sort_u64(per_op, SAMPLES);
}

void bench_measure(struct bench_result *r, bench_op_t op, void *ctx,
		   unsigned int iters)
{
	u64 cost[SAMPLES], base[SAMPLES], overhead;
	unsigned int n = max(1U, iters / SAMPLES);

	sample(base, bench_nop, NULL, n);
	overhead = base[SAMPLES / 2];
	bench_counters_begin(r);
	sample(cost, op, ctx, n);
	bench_counters_end(r);
	r->ops = (unsigned long)n * (SAMPLES + 1);
	r->median = cost[SAMPLES / 2] > overhead ? cost[SAMPLES / 2] - overhead : 0;
	r->min = cost[0] > overhead ? cost[0] - overhead : 0;
	r->max = cost[SAMPLES - 1] > overhead ? cost[SAMPLES - 1] - overhead : 0;
}

static struct kt_snapshot {
	unsigned long invlpg, flush_all, sleeps, wraps;
} snap;

static void read_counters(struct kt_snapshot *s)
{
	struct kmap_stats ks;
	unsigned int cpu;

	kmap_stats_read(&ks);
	s->sleeps = ks.pkmap_sleeps;
	s->wraps = ks.pkmap_wraps;
	s->invlpg = s->flush_all = 0;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		s->invlpg += per_cpu(tlb_stats, cpu).invlpg;
		s->flush_all += per_cpu(tlb_stats, cpu).flush_all;
	}
}

void bench_counters_begin(struct bench_result *r)
{
	read_counters(&snap);
}

void bench_counters_end(struct bench_result *r)
{
	struct kt_snapshot now;

	read_counters(&now);
	r->invlpg = now.invlpg - snap.invlpg;
	r->flush_all = now.flush_all - snap.flush_all;
	r->sleeps = now.sleeps - snap.sleeps;
	r->wraps = now.wraps - snap.wraps;
}

/* Events per 1000 operations, rounded. */
static unsigned long per_k(unsigned long events, unsigned long ops)
{
	return ops ? (unsigned long)div_u64((u64)events * 1000 + ops / 2, ops) : 0;
}

void bench_report(const struct bench_result *r)
{
#ifdef CONFIG_KMAPLAB_DEBUG
	const char *build = "debug";
#else
	const char *build = "release";
#endif

	pr_info("# bench: %-22s %-7s thr %u: median %llu min %llu max %llu ticks/op; "
		"%lu invlpg, %lu full flushes /1000 ops; %lu sleeps (%lu ops)\n",
		r->name, r->mem, r->threads, r->median, r->min, r->max,
		per_k(r->invlpg, r->ops), per_k(r->flush_all, r->ops),
		r->sleeps, r->ops);
	pr_info("# BENCH {\"case\":\"%s\",\"mem\":\"%s\",\"threads\":%u,"
		"\"build\":\"%s\",\"engine\":\"%s\",\"median\":%llu,\"min\":%llu,"
		"\"max\":%llu,\"ops\":%lu,\"invlpg\":%lu,\"flush_all\":%lu,"
		"\"wraps\":%lu,\"sleeps\":%lu}\n",
		r->name, r->mem, r->threads, build, bench_engine, r->median,
		r->min, r->max, r->ops, r->invlpg, r->flush_all, r->wraps,
		r->sleeps);
}

int bench_run(const char *glob, unsigned int iters)
{
	struct bench_result res[8];
	unsigned int i;
	int n, j, ran = 0;

	pr_info("# bench: engine %s, %u iterations per case, tsc %lu kHz\n",
		bench_engine, iters, tsc_khz);
	for (i = 0; i < nr_bench_cases; i++) {
		if (!glob_match(glob, bench_cases[i].name))
			continue;
		memset(res, 0, sizeof(res));
		n = bench_cases[i].run(res, ARRAY_SIZE(res), iters);
		if (n < 0) {
			pr_info("# bench: %s: skipped (%d)\n", bench_cases[i].name, n);
			continue;
		}
		for (j = 0; j < n; j++)
			bench_report(&res[j]);
		ran++;
	}
	pr_info("# bench: done, %d cases\n", ran);
	return ran;
}

/* Called by start_kernel after the tests when `bench` was given. */
void bench_main(void)
{
	if (bench_enabled)
		bench_run(bench_filter, bench_iters);
}
