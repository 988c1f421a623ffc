// SPDX-License-Identifier: GPL-2.0
/*
 * kmaplab's benchmark harness, written for Linux 6.1 (`make bench-linux`,
 * docs/performance.md). Copied into the extracted tree as
 * mm/kmaplab_bench.c and built in; it runs as a late initcall, prints the
 * same "# BENCH {json}" lines as kmaplab's teaching/bench/bench.c and
 * leaves QEMU through the isa-debug-exit port.
 *
 * Same method as kmaplab's: each operation called through a function
 * pointer, one warm-up batch, 31 timed batches, the median; an empty
 * operation that fetches its page from the context the same way is
 * timed first and its median subtracted; time is rdtsc_ordered(), which
 * under QEMU -icount shift=0 counts guest instructions.
 *
 * kmaplab-lint: allow kmap kmap_atomic -- measures the deprecated APIs
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/math64.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <asm/msr.h>
#include <asm/io.h>

#define SAMPLES 31
#define SCALE 100		/* hundredths of a tick, as kmaplab's */
#define ITERS 5000

typedef void (*bench_op_t)(void *ctx);

struct map_ctx {
	struct page *page;
};

static __always_inline void bench_touch(const void *v)
{
	(void)READ_ONCE(*(const u32 *)v);
}

static noinline void op_base(void *arg)
{
	struct map_ctx *c = arg;
	struct page *p = c->page;

	__asm__ __volatile__("" : : "r"(p));
}

static noinline void op_local(void *arg)
{
	struct map_ctx *c = arg;
	void *v = kmap_local_page(c->page);

	bench_touch(v);
	kunmap_local(v);
}

static noinline void op_atomic(void *arg)
{
	struct map_ctx *c = arg;
	void *v = kmap_atomic(c->page);

	bench_touch(v);
	kunmap_atomic(v);
}

static noinline void op_kmap(void *arg)
{
	struct map_ctx *c = arg;

	bench_touch(kmap(c->page));
	kunmap(c->page);
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

static void sort_s64(s64 *v, int n)
{
	int i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1] > v[j]; j--)
			swap(v[j - 1], v[j]);
}

static void sample(s64 *per_op, bench_op_t op, void *ctx, unsigned int n)
{
	int s;

	time_batch(op, ctx, n);
	for (s = 0; s < SAMPLES; s++)
		per_op[s] = div64_u64(time_batch(op, ctx, n) * SCALE, n);
}

static const char *fixed(char *buf, size_t len, s64 v)
{
	u64 a = v < 0 ? -(u64)v : (u64)v;
	u32 frac;
	u64 whole = div_u64_rem(a, SCALE, &frac);

	snprintf(buf, len, "%s%llu.%02u", v < 0 ? "-" : "", whole, frac);
	return buf;
}

static void measure(const char *name, bench_op_t op, struct page *page,
		    unsigned int n)
{
	struct map_ctx c = { .page = page };
	s64 cost[SAMPLES], empty[SAMPLES], base;
	char med[24], lo[24], hi[24], b[24];
	int s;

	sample(empty, op_base, &c, n);
	sort_s64(empty, SAMPLES);
	base = empty[SAMPLES / 2];
	sample(cost, op, &c, n);
	for (s = 0; s < SAMPLES; s++)
		cost[s] -= base;
	sort_s64(cost, SAMPLES);
	pr_info("# BENCH {\"case\":\"%s\",\"mem\":\"%s\",\"pages\":1,"
		"\"threads\":1,\"build\":\"linux-%s\",\"engine\":\"icount\","
		"\"median\":%s,\"min\":%s,\"max\":%s,\"base\":%s,\"ops\":%u,"
		"\"cpus\":%u}\n", name,
		PageHighMem(page) ? "highmem" : "lowmem",
		IS_ENABLED(CONFIG_SMP) ? "smp" : "up",
		fixed(med, sizeof(med), cost[SAMPLES / 2]),
		fixed(lo, sizeof(lo), cost[0]),
		fixed(hi, sizeof(hi), cost[SAMPLES - 1]),
		fixed(b, sizeof(b), base), n * (SAMPLES + 1),
		num_online_cpus());
}

static const struct {
	const char *name;
	bench_op_t op;
} cases[] = {
	{ "kmap_local", op_local },
	{ "kmap_atomic", op_atomic },
	{ "kmap", op_kmap },
};

static int __init kmaplab_bench_init(void)
{
	unsigned int n = ITERS / 32;	/* kmaplab's batch(iters) */
	struct page *page[2];
	int i, h, failed = 0, ran = 0;

	pr_info("# bench: start engine=icount build=linux-%s iters=%u cpus=%u\n",
		IS_ENABLED(CONFIG_SMP) ? "smp" : "up", ITERS,
		num_online_cpus());
	page[0] = alloc_page(GFP_KERNEL);
	page[1] = alloc_page(GFP_HIGHUSER);
	if (!page[0] || !page[1] || !PageHighMem(page[1])) {
		pr_info("# bench: no lowmem and highmem page (highmem= given?)\n");
		failed = 1;
	} else {
		for (i = 0; i < ARRAY_SIZE(cases); i++)
			for (h = 0; h < 2; h++)
				measure(cases[i].name, cases[i].op, page[h], n);
		ran = ARRAY_SIZE(cases);
	}
	pr_info("# bench: done, %d cases, %d results, %d failed\n", ran,
		2 * ran, failed);
	outb(failed ? 1 : 16, 0xf4);	/* isa-debug-exit: 33 is a pass */
	return 0;
}
late_initcall(kmaplab_bench_init);
