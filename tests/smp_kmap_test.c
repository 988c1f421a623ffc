// SPDX-License-Identifier: GPL-2.0
/*
 * smp, the mapping cases (the suite is in smp_test.c, docs/smp.md):
 *
 *  - kmap_local slots are per CPU: every CPU maps at its own addresses,
 *    at the same time, and sees only its own page;
 *  - kmap()'s pool wrap flushes every CPU's TLB (the IPI shootdown): a
 *    CPU that cached a pkmap address sees the new page after a wrap --
 *    and, with the shootdown switched off, the old one;
 *  - the kmap torture, spread over every CPU.
 *
 * kmaplab-lint: allow kmap kunmap kmap_atomic kunmap_atomic -- the shootdown case is about kmap()'s pool; the torture mixes all three APIs
 */
#include "smp_test_common.h"
#include <asm/fixmap.h>

/* --- per-CPU slots ------------------------------------------------------ */

struct slot_ctx {
	struct page *page;
	unsigned long seed, bad_addr, bad_data, maps;
	int cpu;
	struct completion done;
};

static int slot_thread(void *data)
{
	struct slot_ctx *c = data;
	unsigned long lo = fix_to_virt(FIX_KMAP_BEGIN + KM_MAX_IDX * (c->cpu + 1) - 1);
	unsigned long hi = fix_to_virt(FIX_KMAP_BEGIN + KM_MAX_IDX * c->cpu);
	unsigned long end = jiffies + HZ / 5;

	while (time_before(jiffies, end)) {
		u8 *v = kmap_local_page(c->page);
		unsigned long a = (unsigned long)v;

		if (a < lo || a > hi || smp_processor_id() != c->cpu)
			c->bad_addr++;
		if (kt_check(v, c->seed) >= 0)
			c->bad_data++;
		kunmap_local(v);
		c->maps++;
	}
	complete(&c->done);
	return 0;
}

void smp_kmap_local_slots_per_cpu(struct kunit *test)
{
	static struct slot_ctx c[NR_CPUS];
	unsigned int cpu, n = 0;

	need_cpus(test, 2);
	for_each_online_cpu(cpu) {
		struct slot_ctx *s = &c[cpu];
		u8 *v;

		memset(s, 0, sizeof(*s));
		s->page = kt_alloc_highpage(test);
		s->seed = 1000 + cpu;
		s->cpu = cpu;
		v = kmap_local_page(s->page);
		kt_fill(v, s->seed);
		kunmap_local(v);
		init_completion(&s->done);
	}
	for_each_online_cpu(cpu)
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(slot_thread, &c[cpu],
								   cpu, "slots/%u")));
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&c[cpu].done, WAIT_LIMIT), 0UL);
		KUNIT_EXPECT_EQ(test, c[cpu].bad_addr, 0UL);
		KUNIT_EXPECT_EQ(test, c[cpu].bad_data, 0UL);
		KUNIT_EXPECT_GT(test, c[cpu].maps, 0UL);
		__free_page(c[cpu].page);
		n++;
	}
	kunit_info(test, "%u CPUs mapped at once, each in its own slots\n", n);
}

/* --- the shootdown ------------------------------------------------------ */

struct sd_ctx {
	volatile u32 *addr;
	volatile bool cached, check, done;
	u32 seen;
};

/* CPU B: read through the kmap() address until its TLB holds it, then
 * stay off it until told to look once more. */
static int sd_reader(void *data)
{
	struct sd_ctx *c = data;
	u32 sum = 0;
	int i;

	for (i = 0; i < 100000; i++)
		sum += *c->addr;
	c->cached = true;
	while (!READ_ONCE(c->check))
		cpu_relax();
	(void)sum;
	c->seen = *c->addr;
	c->done = true;
	return 0;
}

#define SD_POOL (LAST_PKMAP + 16)
#define OLD_WORD 0x01d01d00
#define NEW_WORD 0x00ee00ee

/* One round; returns what CPU B read after the remap (or 0 on failure). */
static u32 shootdown_round(struct kunit *test, struct page **pool)
{
	static struct sd_ctx c;
	struct page *p1 = pool[SD_POOL - 1], *p2 = NULL;
	struct task_struct *t;
	u32 *v, *w;
	int i;

	memset(&c, 0, sizeof(c));
	v = kmap(p1);
	*v = OLD_WORD;
	c.addr = v;
	t = kthread_run_on_cpu(sd_reader, &c, 1, "sd-reader/%u");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	while (!READ_ONCE(c.cached))
		cpu_relax();
	/* CPU A (this one): drop p1, map page after page until the pool
	 * wraps and hands out v's slot again, to another page. */
	kunmap(p1);
	for (i = 0; i < SD_POOL - 1 && !p2; i++) {
		w = kmap(pool[i]);
		if (w == v) {
			p2 = pool[i];
			*w = NEW_WORD;
		} else {
			kunmap(pool[i]);
		}
	}
	KUNIT_EXPECT_NOT_NULL(test, p2);
	c.check = true;
	while (!READ_ONCE(c.done))
		msleep(1);
	if (p2)
		kunmap(p2);
	kmap_flush_unused();
	return p2 ? c.seen : 0;
}

void smp_kmap_wrap_shootdown(struct kunit *test)
{
	static struct page *pool[SD_POOL];
	bool saved = tlb_shootdown_enabled;
	unsigned long ipis0 = 0, ipis1 = 0;
	u32 on, off = 0;
	unsigned int cpu;
	int i, tries;

	need_cpus(test, 2);
	for (i = 0; i < SD_POOL; i++) {
		pool[i] = alloc_page(GFP_HIGHUSER);
		if (!pool[i] || !PageHighMem(pool[i])) {
			if (pool[i])
				__free_page(pool[i]);
			while (i--)
				__free_page(pool[i]);
			kunit_skip(test, "needs %d highmem pages", SD_POOL);
		}
	}
	for_each_online_cpu(cpu)
		ipis0 += per_cpu(tlb_stats, cpu).shootdown_received;
	on = shootdown_round(test, pool);
	for_each_online_cpu(cpu)
		ipis1 += per_cpu(tlb_stats, cpu).shootdown_received;

	/* The same with the shootdown off: CPU B keeps its stale entry. */
	tlb_shootdown_enabled = false;
	for (tries = 0; tries < 3 && off != OLD_WORD; tries++)
		off = shootdown_round(test, pool);
	tlb_shootdown_enabled = saved;

	kunit_info(test, "shootdown on: CPU 1 read %#x (new page), %lu flush IPIs taken; "
		   "off: CPU 1 read %#x (%s) after %d round(s)\n", on, ipis1 - ipis0, off,
		   off == OLD_WORD ? "the OLD page: stale TLB" : "?", tries);
	KUNIT_EXPECT_EQ(test, on, (u32)NEW_WORD);
	KUNIT_EXPECT_GT(test, ipis1 - ipis0, 0UL);
	KUNIT_EXPECT_EQ(test, off, (u32)OLD_WORD);
	for (i = 0; i < SD_POOL; i++)
		__free_page(pool[i]);
}

/* --- torture on every CPU ----------------------------------------------- */

#define TORTURE_THREADS 8
#define TORTURE_PAGES 4

struct tt_ctx {
	struct page *pages[TORTURE_PAGES];
	unsigned long ops, bad, rng;
	cpumask_t ran_on;
	struct completion done;
};

static unsigned long tt_rand(struct tt_ctx *t)
{
	t->rng = t->rng * 1103515245 + 12345;
	return t->rng >> 8;
}

static int tt_thread(void *data)
{
	struct tt_ctx *t = data;
	unsigned long end = jiffies + HZ;

	while (time_before(jiffies, end)) {
		unsigned int i = tt_rand(t) % TORTURE_PAGES, j = (i + 1) % TORTURE_PAGES;
		unsigned long seed = (unsigned long)t + i, seed2 = (unsigned long)t + j;
		u8 *a, *b;

		cpumask_set_cpu(raw_smp_processor_id(), &t->ran_on);
		switch (tt_rand(t) % 3) {
		case 0:
			a = kmap_local_page(t->pages[i]);
			b = kmap_local_page(t->pages[j]);
			t->bad += kt_check(a, seed) >= 0 || kt_check(b, seed2) >= 0;
			kunmap_local(b);
			kunmap_local(a);
			break;
		case 1:
			a = kmap_atomic(t->pages[i]);
			t->bad += kt_check(a, seed) >= 0;
			kunmap_atomic(a);
			break;
		default:
			a = kmap(t->pages[i]);
			b = kmap_local_page(t->pages[j]);
			t->bad += kt_check(a, seed) >= 0 || kt_check(b, seed2) >= 0;
			kunmap_local(b);
			kunmap(t->pages[i]);
		}
		t->ops++;
	}
	complete(&t->done);
	return 0;
}

void smp_kmap_torture_all_cpus(struct kunit *test)
{
	static struct tt_ctx tt[TORTURE_THREADS];
	unsigned long ops = 0, bad = 0;
	cpumask_t ran = { { 0 } };
	int i, k;

	need_cpus(test, 2);
	for (i = 0; i < TORTURE_THREADS; i++) {
		struct tt_ctx *t = &tt[i];

		memset(t, 0, sizeof(*t));
		t->rng = i + 1;
		for (k = 0; k < TORTURE_PAGES; k++) {
			u8 *v;

			t->pages[k] = kt_alloc_highpage(test);
			v = kmap_local_page(t->pages[k]);
			kt_fill(v, (unsigned long)t + k);
			kunmap_local(v);
		}
		init_completion(&t->done);
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(tt_thread, t, "smp-torture/%d", i)));
	}
	for (i = 0; i < TORTURE_THREADS; i++) {
		KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&tt[i].done, WAIT_LIMIT), 0UL);
		ops += tt[i].ops;
		bad += tt[i].bad;
		ran.bits[0] |= tt[i].ran_on.bits[0];
		for (k = 0; k < TORTURE_PAGES; k++)
			__free_page(tt[i].pages[k]);
	}
	kunit_info(test, "%lu ops by %d threads on %u CPUs, %lu mismatches\n", ops,
		   TORTURE_THREADS, cpumask_weight(&ran), bad);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	KUNIT_EXPECT_GE(test, cpumask_weight(&ran), 2U);
}
