// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark cases with several threads: kmap() against kmap_local_page()
 * when 1, 2, 4 and 8 threads map at once under preemption, and the cost
 * of a context switch while a thread holds 0, 1 or 4 local mappings
 * (each held mapping is one PTE cleared + invlpg at switch-out and one
 * PTE written at switch-in).
 *
 * kmaplab-lint: allow kmap -- measures the deprecated API against kmap_local_page
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/math64.h>
#include <linux/delay.h>
#include <asm/processor.h>
#include <kmaplab/bench.h>

#define MAX_THREADS 8

struct worker {
	struct page *page[4];
	unsigned int held;		/* context-switch case: mappings held */
	unsigned long ops;
	bool use_kmap;
	u32 sink;
	struct completion *start;
	struct completion done;
};

static struct worker workers[MAX_THREADS];

static int map_worker(void *arg)
{
	struct worker *w = arg;
	unsigned long i;

	wait_for_completion(w->start);
	for (i = 0; i < w->ops; i++) {
		u32 *v;

		if (w->use_kmap) {
			v = kmap(w->page[0]);
			w->sink += *(volatile u32 *)v;
			kunmap(w->page[0]);
		} else {
			v = kmap_local_page(w->page[0]);
			w->sink += *(volatile u32 *)v;
			kunmap_local(v);
		}
	}
	complete(&w->done);
	return 0;
}

static int switch_worker(void *arg)
{
	struct worker *w = arg;
	void *v[4];
	unsigned long i;
	unsigned int m;

	for (m = 0; m < w->held; m++)
		v[m] = kmap_local_page(w->page[m]);
	wait_for_completion(w->start);
	for (i = 0; i < w->ops; i++)
		yield();
	for (m = w->held; m-- > 0;)
		kunmap_local(v[m]);
	complete(&w->done);
	return 0;
}

static void free_workers(unsigned int n)
{
	unsigned int i, m;

	for (i = 0; i < n; i++)
		for (m = 0; m < 4; m++)
			if (workers[i].page[m])
				__free_page(workers[i].page[m]);
}

/*
 * Start n workers, release them together, time until the last is done.
 * Returns total ticks, or 0 on failure.
 */
static u64 run_workers(struct bench_result *r, int (*fn)(void *), unsigned int n,
		       unsigned int pages, unsigned int held, bool use_kmap,
		       unsigned long ops)
{
	struct completion start;
	unsigned int i, m;
	u64 t0, t1;

	memset(workers, 0, sizeof(workers));
	init_completion(&start);
	for (i = 0; i < n; i++) {
		struct worker *w = &workers[i];

		for (m = 0; m < pages; m++) {
			w->page[m] = alloc_page(GFP_HIGHUSER);
			if (!w->page[m] || !PageHighMem(w->page[m])) {
				free_workers(n);
				return 0;
			}
		}
		w->held = held;
		w->ops = ops;
		w->use_kmap = use_kmap;
		w->start = &start;
		init_completion(&w->done);
		if (IS_ERR(kthread_run(fn, w, "bench/%u", i)))
			return 0;
	}
	msleep(20);		/* let every worker reach the start line */
	bench_counters_begin(r);
	t0 = rdtsc_ordered();
	complete_all(&start);
	for (i = 0; i < n; i++)
		wait_for_completion(&workers[i].done);
	t1 = rdtsc_ordered();
	bench_counters_end(r);
	free_workers(n);
	return t1 - t0;
}

static int threads_case(struct bench_result *res, int max, unsigned int iters,
			bool use_kmap)
{
	static const unsigned int nthreads[] = { 1, 2, 4, 8 };
	unsigned int i;
	int out = 0;

	for (i = 0; i < ARRAY_SIZE(nthreads) && out < max; i++) {
		struct bench_result *r = &res[out];
		unsigned long per = max(1U, iters / nthreads[i]);
		u64 ticks;

		r->name = use_kmap ? "threads_kmap" : "threads_kmap_local";
		r->mem = "highmem";
		r->threads = nthreads[i];
		ticks = run_workers(r, map_worker, nthreads[i], 1, 0, use_kmap, per);
		if (!ticks)
			return out ? out : -ENOMEM;
		r->ops = per * nthreads[i];
		/* One wall-clock figure: throughput, so min = median = max. */
		r->median = r->min = r->max = div64_u64(ticks, r->ops);
		out++;
	}
	return out;
}

int case_threads_local(struct bench_result *res, int max, unsigned int iters)
{
	return threads_case(res, max, iters, false);
}

int case_threads_kmap(struct bench_result *res, int max, unsigned int iters)
{
	return threads_case(res, max, iters, true);
}

/* Two threads yield to each other; each switch saves/restores `held` maps. */
int case_switch(struct bench_result *res, int max, unsigned int iters)
{
	static const unsigned int held[] = { 0, 1, 4 };
	unsigned long per = max(16U, iters / 8);
	unsigned int i;
	int out = 0;

	for (i = 0; i < ARRAY_SIZE(held) && out < max; i++) {
		struct bench_result *r = &res[out];
		u64 ticks;

		r->name = held[i] == 0 ? "switch_0_maps" :
			  held[i] == 1 ? "switch_1_map" : "switch_4_maps";
		r->mem = "highmem";
		r->threads = 2;
		ticks = run_workers(r, switch_worker, 2, 4, held[i], false, per);
		if (!ticks)
			return out ? out : -ENOMEM;
		r->ops = 2 * per;	/* one switch per yield */
		r->median = r->min = r->max = div64_u64(ticks, r->ops);
		out++;
	}
	return out;
}
