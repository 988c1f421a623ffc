// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark harness (docs/performance.md). `bench` on the command
 * line runs every case after the tests; bench.filter=<glob> selects
 * cases, bench.iters=<n> scales them, bench.engine=<name> labels the
 * output (the host says how it booted QEMU: icount, tcg or kvm -- a TCG
 * guest cannot tell whether -icount is on).
 *
 * Timing: "lfence; rdtsc" on both sides (rdtsc_ordered()). rdtsc is not
 * ordered with the instructions around it: an out-of-order CPU may read
 * the counter before earlier work has finished, or let later work start
 * before the read. lfence does not start later instructions until every
 * earlier one has completed locally (Intel always; AMD with the
 * LFENCE-serialising MSR bit Linux sets), so the first read happens
 * before the timed work starts and the second after it ends. mfence
 * would also order stores, which we do not need; cpuid serialises fully
 * but costs far more, and traps to the hypervisor under KVM. Under QEMU
 * TCG every instruction retires in order anyway and the fence costs one
 * tick; under -icount shift=0 the TSC advances by exactly one per guest
 * instruction, so the figures are instruction counts, identical run to
 * run.
 *
 * Each measurement times a warm-up batch, then SAMPLES batches of n
 * operations called through a function pointer. The same is done for an
 * empty operation first: its per-op cost (the call, the loop, the fence
 * amortised over the batch, and fetching the op's page from its context)
 * is subtracted from every batch, and reported as "base". The median
 * batch is the headline figure; a batch that a timer interrupt or a
 * context switch landed in shows up in max, not in the median.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/highmem.h>
#include <linux/math64.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <kmaplab/bench.h>
#include <kmaplab/tlbdemo.h>
#include <kmaplab/params.h>
#include <kmaplab/highmem.h>
#include <kmaplab/engine.h>

#define SAMPLES 31

static bool bench_enabled;
static const char *bench_filter = "*";
static unsigned int bench_iters = 20000;
static const char *bench_engine = "unknown";

#ifdef CONFIG_KMAPLAB_DEBUG
#define BENCH_BUILD "debug"
#else
#define BENCH_BUILD "release"
#endif

static int __init bench_setup(char *s)
{
	bench_enabled = true;
	return 1;
}
__setup("bench", bench_setup);

static int __init bench_filter_setup(char *s)
{
	if (!*s) {
		setup_kept("bench.filter=%s, bench %s", bench_filter,
			   bench_enabled ? "on" : "off");
		return 0;
	}
	bench_enabled = true;
	bench_filter = s;
	return 1;
}
__setup("bench.filter=", bench_filter_setup);

/* At least one op per sample batch; the cases scale from this. */
static int __init bench_iters_setup(char *s)
{
	unsigned int n;

	if (kstrtouint(s, 0, &n) || n < SAMPLES) {
		setup_kept("bench.iters=%u (%u or more)", bench_iters, SAMPLES);
		return 0;
	}
	bench_iters = n;
	return 1;
}
__setup("bench.iters=", bench_iters_setup);

static int __init bench_engine_setup(char *s)
{
	if (!*s) {
		setup_kept("bench.engine=%s", bench_engine);
		return 0;
	}
	bench_engine = s;
	return 1;
}
__setup("bench.engine=", bench_engine_setup);

/* The empty operation: what every op costs before it does anything. */
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

s64 bench_per_op(u64 ticks, unsigned long ops)
{
	return ops ? (s64)div64_u64(ticks * BENCH_SCALE, ops) : 0;
}

static void sort_s64(s64 *v, int n)
{
	int i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1] > v[j]; j--)
			swap(v[j - 1], v[j]);
}

void bench_summarise(struct bench_result *r, s64 *v, int n)
{
	sort_s64(v, n);
	r->min = v[0];
	r->median = v[n / 2];
	r->max = v[n - 1];
}

/* Per-op cost of SAMPLES batches of n, after one warm-up batch. */
static void sample(s64 *per_op, bench_op_t op, void *ctx, unsigned int n)
{
	int s;

	time_batch(op, ctx, n);		/* caches, TLB, branch predictors */
	for (s = 0; s < SAMPLES; s++)
		per_op[s] = bench_per_op(time_batch(op, ctx, n), n);
}

void bench_measure(struct bench_result *r, bench_op_t op, bench_op_t base,
		   void *ctx, unsigned int n)
{
	s64 cost[SAMPLES], empty[SAMPLES], overhead;
	struct bench_counters before;
	int s;

	n = max(1U, n);
	sample(empty, base ? base : bench_nop, ctx, n);
	sort_s64(empty, SAMPLES);
	overhead = empty[SAMPLES / 2];
	r->base = overhead;

	bench_counters_read(&before);
	sample(cost, op, ctx, n);
	bench_counters_add(r, &before);
	for (s = 0; s < SAMPLES; s++)
		cost[s] -= overhead;
	bench_summarise(r, cost, SAMPLES);
	r->ops = (unsigned long)n * (SAMPLES + 1);
}

void bench_counters_read(struct bench_counters *c)
{
	struct kmap_stats ks;
	unsigned int cpu;

	kmap_stats_read(&ks);
	c->sleeps = ks.pkmap_sleeps;
	c->wraps = ks.pkmap_wraps;
	c->invlpg = c->flush_all = c->ipi_sent = c->ipi_recv = 0;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		const struct tlb_stats *s = per_cpu_ptr(&tlb_stats, cpu);

		c->invlpg += s->invlpg;
		c->flush_all += s->flush_all;
		c->ipi_sent += s->shootdown_sent;
		c->ipi_recv += s->shootdown_received;
	}
	c->switches = nr_context_switches();
}

void bench_counters_add(struct bench_result *r, const struct bench_counters *b)
{
	struct bench_counters now;

	bench_counters_read(&now);
	r->invlpg += now.invlpg - b->invlpg;
	r->flush_all += now.flush_all - b->flush_all;
	r->sleeps += now.sleeps - b->sleeps;
	r->wraps += now.wraps - b->wraps;
	r->switches += now.switches - b->switches;
	r->ipi_sent += now.ipi_sent - b->ipi_sent;
	r->ipi_recv += now.ipi_recv - b->ipi_recv;
}

/* "-12.34": BENCH_SCALE fixed point, printed exactly. */
static const char *fixed(char *buf, size_t len, s64 v)
{
	u64 a = v < 0 ? -(u64)v : (u64)v;
	u32 frac;
	u64 whole = div_u64_rem(a, BENCH_SCALE, &frac);

	snprintf(buf, len, "%s%llu.%02u", v < 0 ? "-" : "", whole, frac);
	return buf;
}

/* Events per 1000 operations, in tenths: "1953.1". */
static const char *per_k(char *buf, size_t len, unsigned long events,
			 unsigned long ops)
{
	u32 tenth;
	u64 x = ops ? div64_u64((u64)events * 10000 + ops / 2, ops) : 0;
	u64 whole = div_u64_rem(x, 10, &tenth);

	snprintf(buf, len, "%llu.%u", whole, tenth);
	return buf;
}

/*
 * The system-call cases' own figures: per byte as well as per call, and
 * the fault counters over the whole run (r->ops calls). JSON: the text
 * that bench_report() puts before the closing brace, or "".
 */
static void report_syscall(const struct bench_result *r, char *json, size_t size)
{
	char med[24], per_byte[24];

	json[0] = 0;
	if (!r->bytes)
		return;
	fixed(med, sizeof(med), r->median);
	fixed(per_byte, sizeof(per_byte), div_s64(r->median, r->bytes));
	pr_info("# bench: %-16s %-7s %lu bytes/call: %s ticks/call, %s ticks/byte; "
		"over %lu calls: %lu faults resolved, %lu fixed up, %lu short copies, "
		"%lu retries, %lu fault sleeps, %lu/%lu slots saved/restored\n",
		r->name, r->mem, r->bytes, med, per_byte, r->ops, r->faults,
		r->fixups, r->short_copies, r->retries, r->fault_sleeps,
		r->slots_saved, r->slots_restored);
	snprintf(json, size, ",\"bytes\":%lu,\"faults\":%lu,\"fixups\":%lu,"
		 "\"short_copies\":%lu,\"retries\":%lu,\"fault_sleeps\":%lu,"
		 "\"slots_saved\":%lu,\"slots_restored\":%lu", r->bytes, r->faults,
		 r->fixups, r->short_copies, r->retries, r->fault_sleeps,
		 r->slots_saved, r->slots_restored);
}

void bench_report(const struct bench_result *r)
{
	char med[24], lo[24], hi[24], inv[24], fl[24], base[24], sys[224];

	report_syscall(r, sys, sizeof(sys));
	fixed(base, sizeof(base), r->base);
	fixed(med, sizeof(med), r->median);
	fixed(lo, sizeof(lo), r->min);
	fixed(hi, sizeof(hi), r->max);
	pr_info("# bench: %-16s %-7s %3up %ut: median %s min %s max %s ticks/op; "
		"per 1000 ops %s invlpg, %s full flushes; %lu wraps, %lu sleeps, "
		"%lu switches (%lu preempted); %lu/%lu shootdown IPIs; %lu ops\n",
		r->name, r->mem, r->pages, r->threads, med, lo, hi,
		per_k(inv, sizeof(inv), r->invlpg, r->ops),
		per_k(fl, sizeof(fl), r->flush_all, r->ops),
		r->wraps, r->sleeps, r->switches, r->preempt, r->ipi_sent,
		r->ipi_recv, r->ops);
	pr_info("# BENCH {\"case\":\"%s\",\"mem\":\"%s\",\"pages\":%u,\"threads\":%u,"
		"\"build\":\"" BENCH_BUILD "\",\"engine\":\"%s\",\"median\":%s,"
		"\"min\":%s,\"max\":%s,\"base\":%s,\"ops\":%lu,\"invlpg\":%lu,\"flush_all\":%lu,"
		"\"wraps\":%lu,\"sleeps\":%lu,\"switches\":%lu,\"preempt\":%lu,"
		"\"cpus\":%u,\"ipi_sent\":%lu,\"ipi_recv\":%lu%s}\n",
		r->name, r->mem, r->pages, r->threads, bench_engine, med, lo, hi,
		base, r->ops, r->invlpg, r->flush_all, r->wraps, r->sleeps, r->switches,
		r->preempt, num_online_cpus(), r->ipi_sent, r->ipi_recv, sys);
}

int bench_run(const char *glob, unsigned int iters)
{
	static struct bench_result res[BENCH_MAX_RESULTS];
	unsigned int i;
	int n, j, ran = 0, results = 0, failed = 0;

	pr_info("# bench: start engine=%s build=" BENCH_BUILD " iters=%u hz=%u "
		"slice=%u tsc_khz=%lu cpus=%u cpu=\"%s\"\n", bench_engine, iters, HZ,
		sched_slice_ticks, tsc_khz, num_online_cpus(), cpu_engine_name());
	for (i = 0; i < nr_bench_cases; i++) {
		if (!glob_match(glob, bench_cases[i].name))
			continue;
		memset(res, 0, sizeof(res));
		n = bench_cases[i].run(res, ARRAY_SIZE(res), iters);
		if (n < 0) {
			/* Not a BENCH line: the host counts this case as missing. */
			pr_info("# bench: %s: failed (%d)\n", bench_cases[i].name, n);
			failed++;
			continue;
		}
		for (j = 0; j < n; j++)
			bench_report(&res[j]);
		results += n;
		ran++;
	}
	pr_info("# bench: done, %d cases, %d results, %d failed\n", ran, results,
		failed);
	return failed ? -1 : ran;
}

/* Called by start_kernel after the tests when `bench` was given. */
void bench_main(void)
{
	if (bench_enabled)
		bench_run(bench_filter, bench_iters);
}
