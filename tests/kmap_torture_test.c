// SPDX-License-Identifier: GPL-2.0
/*
 * 11. kmap torture: several threads nest kmap_local_page, kmap_atomic and
 * kmap on random highmem and lowmem pages with known contents and check
 * every byte they read, while the timer preempts them and the timer
 * interrupt itself maps pages on top of whichever thread it interrupts.
 * Any slot mix-up on a context switch or in an interrupt shows up as a
 * wrong byte.
 *
 * kmap_torture.ops=N sets the total operations (default 10^6);
 * a bare "torture" on the command line makes it 10^7.
 *
 * kmaplab-lint: allow kmap kmap_atomic -- nests all three mapping APIs under preemption
 */
#include "kmap_test_common.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/init.h>
#include <kmaplab/params.h>
#include <kmaplab/kunit.h>

#define NTHREADS 4
#define NSHARED 48
#define NLOWMEM 8
#define MAX_DEPTH 4
#define CHECKS_PER_MAP 8

static unsigned long torture_ops = 1000000;

static int __init torture_ops_setup(char *str)
{
	unsigned long n;

	if (kstrtoul(str, 0, &n) || n < 1) {
		setup_kept("kmap_torture.ops=%lu (1 or more)", torture_ops);
		return 0;
	}
	torture_ops = n;
	return 1;
}
__setup("kmap_torture.ops=", torture_ops_setup);

static int __init torture_setup(char *str)
{
	torture_ops = 10000000;
	return 1;
}
__setup("torture", torture_setup);

enum kind { K_LOCAL, K_ATOMIC, K_KMAP, NR_KINDS };

struct torturer {
	u32 rng;
	unsigned long ops, maps[NR_KINDS], mismatches;
	struct page *priv;
	unsigned long priv_seed;
	struct completion done;
};

static struct page *shared[NSHARED];
static struct torturer torturers[NTHREADS];
static unsigned long irq_maps, irq_mismatches;
static u32 irq_rng = 12345;

static u32 next_rand(u32 *s)
{
	/* xorshift32: cheap, and deterministic for a given seed. */
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Check CHECKS_PER_MAP random bytes and both ends of a shared page. */
static unsigned long check_shared(const u8 *v, unsigned int idx, u32 *rng)
{
	unsigned long bad = 0;
	int i;

	bad += v[0] != kt_pattern(idx, 0);
	bad += v[PAGE_SIZE - 1] != kt_pattern(idx, PAGE_SIZE - 1);
	for (i = 0; i < CHECKS_PER_MAP; i++) {
		unsigned int off = next_rand(rng) & (PAGE_SIZE - 1);

		bad += v[off] != kt_pattern(idx, off);
	}
	return bad;
}

/* The private page: rewrite a few bytes with a new seed, read them back. */
static unsigned long churn_private(struct torturer *t, u8 *v)
{
	unsigned long bad = 0;
	unsigned int i, off[CHECKS_PER_MAP];

	t->priv_seed++;
	for (i = 0; i < CHECKS_PER_MAP; i++) {
		off[i] = next_rand(&t->rng) & (PAGE_SIZE - 1);
		v[off[i]] = kt_pattern(t->priv_seed, off[i]);
	}
	for (i = 0; i < CHECKS_PER_MAP; i++)
		bad += v[off[i]] != kt_pattern(t->priv_seed, off[i]);
	return bad;
}

static void one_op(struct torturer *t)
{
	struct page *page[MAX_DEPTH];
	void *addr[MAX_DEPTH];
	enum kind kind[MAX_DEPTH];
	int depth = 1 + next_rand(&t->rng) % MAX_DEPTH, d;
	bool atomic = false;

	for (d = 0; d < depth; d++) {
		u32 r = next_rand(&t->rng);
		unsigned int idx = (r >> 8) % NSHARED;
		bool priv = (r & 7) == 0;

		kind[d] = (r >> 4) % NR_KINDS;
		/* kmap() may sleep: never inside kmap_atomic. */
		if (atomic && kind[d] == K_KMAP)
			kind[d] = K_LOCAL;
		page[d] = priv ? t->priv : shared[idx];
		if (kind[d] == K_LOCAL)
			addr[d] = kmap_local_page(page[d]);
		else if (kind[d] == K_ATOMIC)
			addr[d] = kmap_atomic(page[d]);
		else
			addr[d] = kmap(page[d]);
		atomic |= kind[d] == K_ATOMIC;
		t->maps[kind[d]]++;
		if (priv)
			t->mismatches += churn_private(t, addr[d]);
		else
			t->mismatches += check_shared(addr[d], idx, &t->rng);
	}
	/* Strictly the reverse order. */
	while (d--) {
		if (kind[d] == K_LOCAL)
			kunmap_local(addr[d]);
		else if (kind[d] == K_ATOMIC)
			kunmap_atomic(addr[d]);
		else
			kunmap(page[d]);
	}
	t->ops++;
}

static struct kt_counters torture_before;

/*
 * What the test is for happened: an interrupt mapped on top of a thread,
 * and a thread's mappings crossed a context switch. However small
 * kmap_torture.ops= is, the threads go on until it has.
 */
static bool torture_crossed(void)
{
	struct kt_counters now;

	if (!READ_ONCE(irq_maps))
		return false;
	kt_counters(&now);
	return now.kmap.sched_out_slots > torture_before.kmap.sched_out_slots &&
	       now.kmap.sched_in_slots > torture_before.kmap.sched_in_slots;
}

static int torture_thread(void *arg)
{
	struct torturer *t = arg;
	unsigned long n = torture_ops / NTHREADS;

	while (t->ops < n || !torture_crossed())
		one_op(t);
	complete(&t->done);
	return 0;
}

/* From the timer interrupt, on top of whichever thread is running. */
static void torture_tick(void)
{
	unsigned int idx = next_rand(&irq_rng) % NSHARED;
	bool atomic = irq_rng & 1;
	u8 *v = atomic ? kmap_atomic(shared[idx]) : kmap_local_page(shared[idx]);

	irq_mismatches += check_shared(v, idx, &irq_rng);
	if (atomic)
		kunmap_atomic(v);
	else
		kunmap_local(v);
	irq_maps++;
}

static int torture_suite_init(struct kunit_suite *suite)
{
	void *v;
	int i;

	for (i = 0; i < NSHARED; i++) {
		shared[i] = alloc_page(i < NLOWMEM ? GFP_KERNEL : GFP_HIGHUSER);
		if (!shared[i])
			return -ENOMEM;
		v = kmap_local_page(shared[i]);
		kt_fill(v, i);
		kunmap_local(v);
	}
	return 0;
}

static void torture_suite_exit(struct kunit_suite *suite)
{
	int i;

	for (i = 0; i < NSHARED; i++)
		if (shared[i])
			__free_page(shared[i]);
}

static void kmap_torture_random_nesting(struct kunit *test)
{
	struct kt_counters before, after;
	unsigned long ops = 0, bad = 0, maps[NR_KINDS] = { 0 };
	int i, k, highmem = 0;

	for (i = 0; i < NSHARED; i++)
		highmem += PageHighMem(shared[i]);
	if (!highmem)
		kunit_skip(test, "no highmem pages (boot with lowmem=)");

	kt_counters(&before);
	torture_before = before;
	irq_maps = irq_mismatches = 0;
	timer_tick_hook = torture_tick;
	for (i = 0; i < NTHREADS; i++) {
		struct torturer *t = &torturers[i];

		memset(t, 0, sizeof(*t));
		t->rng = 0x9e3779b9 * (i + 1);
		t->priv = alloc_page(GFP_HIGHUSER);
		KUNIT_ASSERT_NOT_NULL(test, t->priv);
		init_completion(&t->done);
		/* All on CPU 0 (SMP): preempting one another while mapped,
		 * under the PIT's interrupt maps. tests/smp_kmap_test.c has
		 * the variant spread over every CPU. */
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(torture_thread, t, 0,
								   "kmap-torture/%u")));
	}
	for (i = 0; i < NTHREADS; i++) {
		struct torturer *t = &torturers[i];

		KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&t->done, 600 * HZ), 0UL);
		ops += t->ops;
		bad += t->mismatches;
		for (k = 0; k < NR_KINDS; k++)
			maps[k] += t->maps[k];
		__free_page(t->priv);
	}
	timer_tick_hook = NULL;
	kt_counters(&after);

	kunit_info(test, "%lu ops (%lu kmap_local, %lu kmap_atomic, %lu kmap), %lu mismatches\n",
		   ops, maps[K_LOCAL], maps[K_ATOMIC], maps[K_KMAP], bad);
	kunit_info(test, "interrupt maps %lu (%lu mismatches); slots saved %lu, restored %lu\n",
		   irq_maps, irq_mismatches,
		   after.kmap.sched_out_slots - before.kmap.sched_out_slots,
		   after.kmap.sched_in_slots - before.kmap.sched_in_slots);
	KUNIT_EXPECT_GE(test, ops, torture_ops - torture_ops % NTHREADS);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	KUNIT_EXPECT_EQ(test, irq_mismatches, 0UL);
	KUNIT_EXPECT_GT(test, irq_maps, 0UL);
	/* The point of the exercise: mappings really crossed context switches. */
	KUNIT_EXPECT_GT(test, after.kmap.sched_out_slots, before.kmap.sched_out_slots);
	KUNIT_EXPECT_GT(test, after.kmap.sched_in_slots, before.kmap.sched_in_slots);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
}

static struct kunit_case kmap_torture_cases[] = {
	KUNIT_CASE(kmap_torture_random_nesting),
	{}
};

static struct kunit_suite kmap_torture_suite = {
	.name = "kmap_torture",
	.suite_init = torture_suite_init,
	.suite_exit = torture_suite_exit,
	.test_cases = kmap_torture_cases,
};
kunit_test_suite(kmap_torture_suite);
