// SPDX-License-Identifier: GPL-2.0
/*
 * SMP benchmark cases: what sharing kmap()'s pool costs once there are
 * several CPUs, against kmap_local_page(), which shares nothing.
 *
 * smp_kmap_local / smp_kmap / smp_kmap_wrap: N = 1, 2, 4 threads (as
 * many as there are online CPUs), bound one per CPU (CPU 0..N-1), each
 * mapping its own highmem pages: SMP_HIT_PAGES each for kmap_local and
 * kmap (the kmap() pages all stay in the pool: the cost is kmap_lock),
 * BENCH_MANY (576) each for kmap_wrap, more than the pool holds, so
 * every kmap() takes a new slot and the pool wraps every 512 -- each
 * wrap a global flush, which on several CPUs is an IPI to every other
 * one (the shootdown). The figure is throughput: ticks from releasing
 * the threads to the last one finishing, per operation of all threads.
 *
 * smp_pool_wrap: the cost of one wrap. The boot task, pinned to CPU 0,
 * maps and unmaps 576 pages in turn and times each kmap()+kunmap(); the
 * one that wrapped ran flush_all_zero_pkmaps() -- 511 count-1 slots
 * cleared, then the flush, with its shootdown when there are other
 * CPUs. Median over WRAP_ROUNDS wraps of (the wrapping op - the median
 * op of the same round); that median op is the "base".
 *
 * The shootdown IPIs come from tlb_stats (shootdown_sent on the CPU
 * that flushed, shootdown_received on the others).
 *
 * kmaplab-lint: allow kmap -- measures the deprecated API against kmap_local_page
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <asm/processor.h>
#include <kmaplab/bench.h>
#include <kmaplab/highmem.h>
#include <kmaplab/kthread.h>

#define SMP_THREADS 4
#define SMP_HIT_PAGES 16
#define SMP_ROUNDS 3
#define WRAP_ROUNDS 7
#define BENCH_MANY (LAST_PKMAP + 64)

enum smp_op { SMP_LOCAL, SMP_KMAP };

struct smp_worker {
	struct page **pages;
	unsigned int npages;
	unsigned long ops;
	enum smp_op op;
	int cpu;			/* where it actually ran */
	struct task_struct *task;
	struct completion *start, *leave;
	struct completion ready, done;
};

static struct smp_worker sworkers[SMP_THREADS];

static void put_pages(struct page **pages, unsigned int n)
{
	while (n--)
		if (pages[n])
			__free_page(pages[n]);
	kfree(pages);
}

static struct page **get_high_pages(unsigned int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	unsigned int i;

	if (!pages)
		return NULL;
	for (i = 0; i < n; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER);
		if (!pages[i] || !PageHighMem(pages[i])) {
			put_pages(pages, i + 1);
			return NULL;
		}
	}
	return pages;
}

static int smp_map_worker(void *arg)
{
	struct smp_worker *w = arg;
	unsigned int next = 0;
	unsigned long i;

	w->cpu = raw_smp_processor_id();
	complete(&w->ready);
	wait_for_completion(w->start);
	for (i = 0; i < w->ops; i++) {
		struct page *p = w->pages[next];

		if (++next == w->npages)
			next = 0;
		bench_map_touch_unmap(p, w->op == SMP_KMAP);
	}
	complete(&w->done);
	/* Exit (and free the stack: a vfree, a shootdown) after the count. */
	wait_for_completion(w->leave);
	return 0;
}

/* One round on CPUs 0..n-1: ticks from release to the last end, 0 on failure. */
static u64 smp_round(struct bench_result *r, unsigned int n, unsigned long ops,
		     enum smp_op op)
{
	struct bench_counters before;
	struct completion start, leave;
	unsigned int i, started = 0;
	bool placed = true;
	u64 t0, t1;

	init_completion(&start);
	init_completion(&leave);
	for (i = 0; i < n; i++) {
		struct smp_worker *w = &sworkers[i];

		w->ops = ops;
		w->op = op;
		w->start = &start;
		w->leave = &leave;
		w->cpu = -1;
		init_completion(&w->ready);
		init_completion(&w->done);
		w->task = kthread_run_on_cpu(smp_map_worker, w, i, "bench/%u");
		if (IS_ERR(w->task))
			break;
		get_task_struct(w->task);	/* it waits for leave: still there */
		started++;
	}
	for (i = 0; i < started; i++) {
		wait_for_completion(&sworkers[i].ready);
		placed &= sworkers[i].cpu == (int)i;
	}
	bench_counters_read(&before);
	t0 = rdtsc_ordered();
	complete_all(&start);
	for (i = 0; i < started; i++)
		wait_for_completion(&sworkers[i].done);
	t1 = rdtsc_ordered();
	bench_counters_add(r, &before);
	complete_all(&leave);
	for (i = 0; i < started; i++)
		kthread_join_put(sworkers[i].task);
	return started == n && placed ? t1 - t0 : 0;
}

static int smp_case(struct bench_result *res, int max, unsigned int iters,
		    const char *name, enum smp_op op, unsigned int npages)
{
	static const unsigned int ncpus[] = { 1, 2, 4 };
	unsigned long per = max(1U, iters);
	unsigned int i, k;
	int out = 0;

	if (npages > SMP_HIT_PAGES)	/* whole pool rounds per thread */
		per = round_up(per, LAST_PKMAP);
	for (i = 0; i < SMP_THREADS; i++) {
		sworkers[i].npages = npages;
		sworkers[i].pages = get_high_pages(npages);
		if (!sworkers[i].pages) {
			out = -ENOMEM;
			goto free;
		}
	}
	for (i = 0; i < ARRAY_SIZE(ncpus) && out < max; i++) {
		struct bench_result *r = &res[out];
		unsigned int n = ncpus[i];
		s64 v[SMP_ROUNDS];

		if (n > num_online_cpus())
			break;
		r->name = name;
		r->mem = "highmem";
		r->threads = n;
		r->pages = n * npages;
		for (k = 0; k < SMP_ROUNDS; k++) {
			u64 t = smp_round(r, n, per, op);

			if (!t)
				break;
			v[k] = bench_per_op(t, per * n);
			r->ops += per * n;
		}
		if (k < SMP_ROUNDS) {
			out = -EAGAIN;	/* a thread missing or on the wrong CPU */
			break;
		}
		bench_summarise(r, v, SMP_ROUNDS);
		out++;
	}
free:
	for (i = 0; i < SMP_THREADS; i++) {
		if (sworkers[i].pages)
			put_pages(sworkers[i].pages, sworkers[i].npages);
		sworkers[i].pages = NULL;
	}
	return out;
}

int case_smp_local(struct bench_result *res, int max, unsigned int iters)
{
	return smp_case(res, max, iters, "smp_kmap_local", SMP_LOCAL, SMP_HIT_PAGES);
}

int case_smp_kmap(struct bench_result *res, int max, unsigned int iters)
{
	return smp_case(res, max, iters, "smp_kmap", SMP_KMAP, SMP_HIT_PAGES);
}

int case_smp_kmap_wrap(struct bench_result *res, int max, unsigned int iters)
{
	return smp_case(res, max, iters, "smp_kmap_wrap", SMP_KMAP, BENCH_MANY);
}

static unsigned long wraps_now(void)
{
	struct kmap_stats ks;

	kmap_stats_read(&ks);
	return ks.pkmap_wraps;
}

static s64 ticks_round[LAST_PKMAP];

/*
 * Pinned to CPU 0 (migrate_disable: preemptible, and the shootdown
 * needs IRQs on). The first LAST_PKMAP + 1 ops fill the pool with
 * count-1 slots and wrap once, untimed.
 */
int case_smp_pool_wrap(struct bench_result *res, int max, unsigned int iters)
{
	struct bench_result *r = &res[0];
	struct bench_counters before;
	s64 wrap[WRAP_ROUNDS], base[WRAP_ROUNDS];
	struct page **pages = get_high_pages(BENCH_MANY);
	unsigned int next = 0, k, i, nw;
	u64 t0, t1;

	if (!pages)
		return -ENOMEM;
	*r = (struct bench_result){ .name = "smp_pool_wrap", .mem = "highmem",
				    .pages = BENCH_MANY };
	migrate_disable();
	for (i = 0; i <= LAST_PKMAP; i++, next = (next + 1) % BENCH_MANY) {
		bench_touch(kmap(pages[next]));
		kunmap(pages[next]);
	}
	bench_counters_read(&before);
	for (k = 0; k < WRAP_ROUNDS; k++) {
		nw = 0;
		wrap[k] = -1;
		for (i = 0; i < LAST_PKMAP; i++, next = (next + 1) % BENCH_MANY) {
			unsigned long w0 = wraps_now();

			t0 = rdtsc_ordered();
			bench_touch(kmap(pages[next]));
			kunmap(pages[next]);
			t1 = rdtsc_ordered();
			if (wraps_now() != w0)
				wrap[k] = (s64)(t1 - t0) * BENCH_SCALE;
			else
				ticks_round[nw++] = (s64)(t1 - t0) * BENCH_SCALE;
		}
		if (wrap[k] < 0 || !nw)
			break;
		bench_summarise(r, ticks_round, nw);	/* median of the round */
		base[k] = r->median;
		wrap[k] -= base[k];
	}
	bench_counters_add(r, &before);
	migrate_enable();
	put_pages(pages, BENCH_MANY);
	if (k < WRAP_ROUNDS)
		return -EAGAIN;		/* no wrap where one was due */
	r->ops = (unsigned long)WRAP_ROUNDS * LAST_PKMAP;
	bench_summarise(r, base, WRAP_ROUNDS);
	r->base = r->median;
	bench_summarise(r, wrap, WRAP_ROUNDS);
	return 1;
}
