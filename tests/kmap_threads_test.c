// SPDX-License-Identifier: GPL-2.0
/*
 * kmap_local across tasks and interrupts: a mapping survives preemption
 * at its address, the same address shows another task its own page (so
 * it must never be handed over -- kmap() addresses can), and interrupts
 * that map on top of a task leave the task's mappings as they were.
 *
 * kmaplab-lint: allow kmap kmap_atomic -- contrasts kmap() and kmap_atomic() with kmap_local across tasks
 */
#include "kmap_test_common.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <kmaplab/interrupt.h>

#define WAIT_LIMIT (10 * HZ)

struct survive_ctx {
	struct page *p1, *p2;
	void *addr1, *addr2;
	bool busy;			/* t1 spins (preempted) rather than sleeps */
	int t1_bad, t2_bad;
	int t2_finished;
	struct completion t1_mapped, t2_done, t1_done;
};

static int survive_t1(void *arg)
{
	struct survive_ctx *c = arg;

	c->addr1 = kmap_local_page(c->p1);
	kt_fill(c->addr1, 11);
	complete(&c->t1_mapped);
	if (c->busy) {
		/* Never yields: only preemption lets t2 run. */
		while (!READ_ONCE(c->t2_finished))
			cpu_relax();
	} else {
		wait_for_completion(&c->t2_done);
	}
	c->t1_bad = kt_check(c->addr1, 11);
	kunmap_local(c->addr1);
	complete(&c->t1_done);
	return 0;
}

static int survive_t2(void *arg)
{
	struct survive_ctx *c = arg;

	wait_for_completion(&c->t1_mapped);
	c->addr2 = kmap_local_page(c->p2);
	kt_fill(c->addr2, 22);
	c->t2_bad = kt_check(c->addr2, 22);
	kunmap_local(c->addr2);
	WRITE_ONCE(c->t2_finished, 1);
	complete(&c->t2_done);
	return 0;
}

static void run_survive(struct kunit *test, bool busy)
{
	static struct survive_ctx c;
	struct kt_counters before, after;

	memset(&c, 0, sizeof(c));
	c.p1 = kt_alloc_highpage(test);
	c.p2 = kt_alloc_highpage(test);
	c.busy = busy;
	c.t1_bad = c.t2_bad = -2;
	init_completion(&c.t1_mapped);
	init_completion(&c.t2_done);
	init_completion(&c.t1_done);
	kt_counters(&before);
	/* One CPU for both (SMP): they must preempt each other there. */
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(survive_t1, &c, 0, "kt-survive1/%u")));
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(survive_t2, &c, 0, "kt-survive2/%u")));
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&c.t1_done, WAIT_LIMIT), 0UL);
	kt_counters(&after);

	/* Both used slot 0 of the same CPU: the very same address. */
	KUNIT_EXPECT_PTR_EQ(test, c.addr1, c.addr2);
	KUNIT_EXPECT_EQ(test, c.t2_bad, -1);
	/* t1 still saw P1 through that address after t2 had used it. */
	KUNIT_EXPECT_EQ(test, c.t1_bad, -1);
	KUNIT_EXPECT_GT(test, after.kmap.sched_out_slots, before.kmap.sched_out_slots);
	KUNIT_EXPECT_GT(test, after.kmap.sched_in_slots, before.kmap.sched_in_slots);
	__free_page(c.p1);
	__free_page(c.p2);
}

/* 3. Thread 1 sleeps holding a mapping; thread 2 reuses the address. */
static void kmap_local_survives_sleep(struct kunit *test)
{
	run_survive(test, false);
}

/* 3. The same when thread 1 never yields and is preempted by the timer. */
static void kmap_local_survives_preemption(struct kunit *test)
{
	run_survive(test, true);
}

struct local_ctx {
	struct page *pa, *pb;
	void *addr_a, *addr_b;
	bool use_kmap;
	long nomap_err;		/* B reading A's address while B maps nothing */
	int b_sees_own, b_sees_a;
	struct completion a_mapped, b_done, a_done;
};

static int local_a(void *arg)
{
	struct local_ctx *c = arg;

	c->addr_a = c->use_kmap ? kmap(c->pa) : kmap_local_page(c->pa);
	kt_fill(c->addr_a, 41);
	complete(&c->a_mapped);
	wait_for_completion(&c->b_done);
	if (c->use_kmap)
		kunmap(c->pa);
	else
		kunmap_local(c->addr_a);
	complete(&c->a_done);
	return 0;
}

static int local_b(void *arg)
{
	struct local_ctx *c = arg;
	u8 byte;

	wait_for_completion(&c->a_mapped);
	/* The address A got; B was never given a mapping there. */
	c->nomap_err = get_kernel_nofault(byte, (u8 *)c->addr_a);
	c->b_sees_a = c->nomap_err == 0 && kt_check(c->addr_a, 41) == -1;
	if (!c->use_kmap) {
		c->addr_b = kmap_local_page(c->pb);
		kt_fill(c->addr_b, 42);
		c->b_sees_own = kt_check(c->addr_a, 42) == -1;
		kunmap_local(c->addr_b);
	}
	complete(&c->b_done);
	return 0;
}

static void run_locality(struct kunit *test, bool use_kmap)
{
	static struct local_ctx c;

	memset(&c, 0, sizeof(c));
	c.pa = kt_alloc_highpage(test);
	c.pb = kt_alloc_highpage(test);
	c.use_kmap = use_kmap;
	init_completion(&c.a_mapped);
	init_completion(&c.b_done);
	init_completion(&c.a_done);
	/*
	 * One CPU for both (SMP): the point is the context switch between
	 * them. (On two CPUs b would reach a's CPU's slot: per-CPU slots are
	 * in the one kernel page table -- tests/smp_kmap_test.c covers that.)
	 */
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(local_a, &c, 0, "kt-local-a/%u")));
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(local_b, &c, 0, "kt-local-b/%u")));
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&c.a_done, WAIT_LIMIT), 0UL);
	if (use_kmap) {
		/* A kmap() address is global: B reads A's page through it. */
		KUNIT_EXPECT_EQ(test, c.nomap_err, 0L);
		KUNIT_EXPECT_TRUE(test, c.b_sees_a);
	} else {
		/* A's slot is empty while B runs: the address faults for B... */
		KUNIT_EXPECT_EQ(test, c.nomap_err, (long)-EFAULT);
		KUNIT_EXPECT_FALSE(test, c.b_sees_a);
		/* ...and once B maps something, it is B's own page there. */
		KUNIT_EXPECT_PTR_EQ(test, c.addr_b, c.addr_a);
		KUNIT_EXPECT_TRUE(test, c.b_sees_own);
	}
	__free_page(c.pa);
	__free_page(c.pb);
}

/* 4. A kmap_local address means nothing in another thread. */
static void kmap_local_is_thread_local(struct kunit *test)
{
	run_locality(test, false);
}

/* 4. A kmap() address does: it is one global mapping. */
static void kmap_is_global(struct kunit *test)
{
	run_locality(test, true);
}

struct irq_ctx {
	struct page *p3, *p4;
	void *a3, *a4;
	bool in_irq, preemptible;
	int bad3, bad4, idx_in_irq;
};

static void irq_maps(void *arg)
{
	struct irq_ctx *c = arg;

	c->in_irq = in_interrupt() && in_hardirq();
	c->preemptible = preemptible();
	c->idx_in_irq = current->kmap_ctrl.idx;
	c->a3 = kmap_local_page(c->p3);
	kt_fill(c->a3, 63);
	c->a4 = kmap_atomic(c->p4);
	kt_fill(c->a4, 64);
	c->bad4 = kt_check(c->a4, 64);
	kunmap_atomic(c->a4);
	c->bad3 = kt_check(c->a3, 63);
	kunmap_local(c->a3);
}

/* 6. Interrupts map on top of the task's stack and leave it intact. */
static void kmap_local_from_hardirq(struct kunit *test)
{
	struct page *p1 = kt_alloc_highpage(test), *p2 = kt_alloc_highpage(test);
	static struct irq_ctx c;
	void *a1, *a2;

	memset(&c, 0, sizeof(c));
	c.p3 = kt_alloc_highpage(test);
	c.p4 = kt_alloc_highpage(test);
	a1 = kmap_local_page(p1);
	a2 = kmap_local_page(p2);
	kt_fill(a1, 61);
	kt_fill(a2, 62);

	run_in_hardirq(irq_maps, &c);

	KUNIT_EXPECT_TRUE(test, c.in_irq);
	KUNIT_EXPECT_FALSE(test, c.preemptible);
	KUNIT_EXPECT_EQ(test, c.idx_in_irq, 2 * KM_INCR);
	KUNIT_EXPECT_EQ(test, c.bad3, -1);
	KUNIT_EXPECT_EQ(test, c.bad4, -1);
	/* The handler's slots were above ours and are empty again. */
	KUNIT_EXPECT_LT(test, (unsigned long)c.a3, (unsigned long)a2);
	KUNIT_EXPECT_FALSE(test, kt_mapped(c.a3));
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 2 * KM_INCR);
	KUNIT_EXPECT_EQ(test, kt_check(a1, 61), -1);
	KUNIT_EXPECT_EQ(test, kt_check(a2, 62), -1);
	kunmap_local(a2);
	kunmap_local(a1);
	__free_page(p1);
	__free_page(p2);
	__free_page(c.p3);
	__free_page(c.p4);
}

static struct kunit_case kmap_threads_cases[] = {
	KUNIT_CASE(kmap_local_survives_sleep),
	KUNIT_CASE(kmap_local_survives_preemption),
	KUNIT_CASE(kmap_local_is_thread_local),
	KUNIT_CASE(kmap_is_global),
	KUNIT_CASE(kmap_local_from_hardirq),
	{}
};

static struct kunit_suite kmap_threads_suite = {
	.name = "kmap_threads",
	.test_cases = kmap_threads_cases,
};
kunit_test_suite(kmap_threads_suite);
