// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark cases with several threads.
 *
 * threads_kmap / threads_kmap_local: 1, 2, 4 and 8 threads map pages at
 * the same time, preempted by the timer. Each thread cycles through its
 * own THREAD_PAGES highmem pages: up to 4 threads the pages of all of
 * them fit in kmap()'s pool, with 8 they do not, so kmap() has to share
 * one pool (one lock, one flush for everybody) where kmap_local_page()
 * shares nothing. The figure is throughput: ticks from releasing the
 * threads to the last one finishing, per operation.
 *
 * On one CPU "at the same time" means interleaved by preemption, so
 * the time slice is cut to one tick for these cases and the workers
 * count how often they were preempted: a result with 0 preemptions ran
 * its threads one after another and says nothing about concurrency.
 *
 * context_switch: two threads yield to each other while each holds 0, 1
 * or 4 local mappings. Every held mapping costs a PTE clear and an
 * invlpg at switch-out and a PTE write at switch-in; the figure is per
 * switch actually counted.
 *
 * kmaplab-lint: allow kmap -- measures the deprecated API against kmap_local_page
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <asm/processor.h>
#include <kmaplab/bench.h>

#define MAX_THREADS 8
#define THREAD_PAGES 96		/* x 8 threads = 768 > LAST_PKMAP */
#define ROUNDS 3
#define HELD_MAX 4

struct worker {
	struct page *pages[THREAD_PAGES];
	unsigned int npages, held;
	unsigned long ops;
	unsigned long preempt;		/* this round */
	bool use_kmap;
	struct completion *start;
	struct completion ready, done;
};

static struct worker workers[MAX_THREADS];

static int map_worker(void *arg)
{
	struct worker *w = arg;
	unsigned long i, nivcsw;
	unsigned int next = 0;

	complete(&w->ready);
	wait_for_completion(w->start);
	nivcsw = current->nivcsw;
	for (i = 0; i < w->ops; i++) {
		struct page *p = w->pages[next];

		if (++next == w->npages)
			next = 0;
		bench_map_touch_unmap(p, w->use_kmap);
	}
	w->preempt = current->nivcsw - nivcsw;
	complete(&w->done);
	return 0;
}

static int switch_worker(void *arg)
{
	struct worker *w = arg;
	void *v[HELD_MAX];
	unsigned long i, nivcsw;
	unsigned int m;

	for (m = 0; m < w->held; m++)
		v[m] = kmap_local_page(w->pages[m]);
	complete(&w->ready);
	wait_for_completion(w->start);
	nivcsw = current->nivcsw;
	for (i = 0; i < w->ops; i++)
		yield();
	w->preempt = current->nivcsw - nivcsw;
	while (m--)
		kunmap_local(v[m]);
	complete(&w->done);
	return 0;
}

static void free_pages_of(unsigned int n)
{
	unsigned int i, m;

	for (i = 0; i < n; i++)
		for (m = 0; m < THREAD_PAGES; m++)
			if (workers[i].pages[m])
				__free_page(workers[i].pages[m]);
	memset(workers, 0, sizeof(workers));
}

/* THREAD_PAGES highmem pages for each of n workers. */
static int alloc_pages_for(unsigned int n)
{
	unsigned int i, m;

	memset(workers, 0, sizeof(workers));
	for (i = 0; i < n; i++) {
		for (m = 0; m < THREAD_PAGES; m++) {
			struct page *p = alloc_page(GFP_HIGHUSER);

			workers[i].pages[m] = p;
			if (!p || !PageHighMem(p)) {
				free_pages_of(n);
				return -ENOMEM;
			}
		}
	}
	return 0;
}

/*
 * One round: start n workers, wait until all of them are at the start
 * line, release them together, wait for the last. Returns the ticks
 * from release to the end (0 on failure) and adds what the counters saw
 * in that interval -- not the thread creation -- to r. *switches gets
 * the context switches of the interval.
 */
static u64 round_ticks(struct bench_result *r, int (*fn)(void *), unsigned int n,
		       unsigned int held, bool use_kmap, unsigned long ops,
		       unsigned long *switches)
{
	struct bench_counters before;
	struct completion start;
	unsigned int i, started = 0;
	unsigned long sw;
	u64 t0, t1;

	init_completion(&start);
	for (i = 0; i < n; i++) {
		struct worker *w = &workers[i];

		w->npages = THREAD_PAGES;
		w->held = held;
		w->ops = ops;
		w->use_kmap = use_kmap;
		w->start = &start;
		w->preempt = 0;
		init_completion(&w->ready);
		init_completion(&w->done);
		if (IS_ERR(kthread_run(fn, w, "bench/%u", i)))
			break;
		started++;
	}
	for (i = 0; i < started; i++)
		wait_for_completion(&workers[i].ready);
	bench_counters_read(&before);
	t0 = rdtsc_ordered();
	complete_all(&start);
	for (i = 0; i < started; i++)
		wait_for_completion(&workers[i].done);
	t1 = rdtsc_ordered();
	sw = nr_context_switches() - before.switches;
	bench_counters_add(r, &before);
	for (i = 0; i < started; i++)
		r->preempt += workers[i].preempt;
	if (switches)
		*switches = sw;
	return started == n ? t1 - t0 : 0;
}

static int threads_case(struct bench_result *res, int max, unsigned int iters,
			bool use_kmap)
{
	static const unsigned int nthreads[] = { 1, 2, 4, 8 };
	unsigned int slice = sched_slice_ticks;
	unsigned long per = max(1U, iters);
	unsigned int i, k;
	int out = 0;

	if (alloc_pages_for(MAX_THREADS))
		return -ENOMEM;
	sched_slice_ticks = 1;		/* interleave as much as the tick allows */
	for (i = 0; i < ARRAY_SIZE(nthreads) && out < max; i++) {
		struct bench_result *r = &res[out];
		s64 v[ROUNDS];

		r->name = use_kmap ? "threads_kmap" : "threads_kmap_local";
		r->mem = "highmem";
		r->threads = nthreads[i];
		r->pages = nthreads[i] * THREAD_PAGES;
		for (k = 0; k < ROUNDS; k++) {
			u64 t = round_ticks(r, map_worker, nthreads[i], 0, use_kmap,
					    per, NULL);

			if (!t)
				break;
			v[k] = bench_per_op(t, per * nthreads[i]);
			r->ops += per * nthreads[i];
		}
		if (k < ROUNDS) {
			out = -ENOMEM;
			break;
		}
		bench_summarise(r, v, ROUNDS);
		out++;
	}
	sched_slice_ticks = slice;
	free_pages_of(MAX_THREADS);
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

int case_switch(struct bench_result *res, int max, unsigned int iters)
{
	static const unsigned int held[] = { 0, 1, HELD_MAX };
	static const char *const names[] = {
		"switch_0_maps", "switch_1_map", "switch_4_maps",
	};
	unsigned long per = max(16U, iters / 8);
	unsigned int i, k;
	int out = 0;

	if (alloc_pages_for(2))
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(held) && out < max; i++) {
		struct bench_result *r = &res[out];
		s64 v[ROUNDS];

		r->name = names[i];
		r->mem = "highmem";
		r->threads = 2;
		r->pages = held[i];
		for (k = 0; k < ROUNDS; k++) {
			unsigned long sw;
			u64 t = round_ticks(r, switch_worker, 2, held[i], false,
					    per, &sw);

			if (!t || !sw)
				break;
			/* Per switch that happened, not per yield asked for. */
			v[k] = bench_per_op(t, sw);
			r->ops += sw;
		}
		if (k < ROUNDS) {
			out = -ENOMEM;
			break;
		}
		bench_summarise(r, v, ROUNDS);
		out++;
	}
	free_pages_of(2);
	return out;
}
