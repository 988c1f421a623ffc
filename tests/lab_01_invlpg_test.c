// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 01 (docs/labs/01-missing-invlpg.md): find the missing invlpg.
 *
 * Emptying a kmap_local slot must also make this CPU forget the slot's
 * translation, or the next page mapped at the same address is not what
 * the address shows: the TLB still leads to the old one. `make lab-reset
 * LAB=01` removes that flush; on QEMU TCG, whose software TLB keeps a
 * translation until it is invalidated, these cases then see stale pages.
 * (A real CPU usually does the same, but is free to forget sooner.)
 */
#include "kmap_test_common.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/vmalloc.h>

static void lab1_fill(struct kunit *test, struct page *page, unsigned long seed)
{
	void *v = vmap(&page, 1, VM_MAP, PAGE_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, v);
	kt_fill(v, seed);
	vunmap(v);
}

static void lab1_get(struct kunit *test, struct page **a, struct page **b)
{
	*a = kt_alloc_highpage(test);
	*b = alloc_page(GFP_HIGHUSER);
	if (!*b || !PageHighMem(*b)) {
		if (*b)
			__free_page(*b);
		__free_page(*a);
		kunit_skip(test, "need two highmem pages (boot with lowmem=32M)");
	}
	/*
	 * Filled through vmap(), whose unmap flushes on its own: with the
	 * bug in place, writing through kmap_local slots could land in the
	 * wrong page.
	 */
	lab1_fill(test, *a, 1);
	lab1_fill(test, *b, 2);
}

/* Map A, read it, unmap; map B at the same slot: the read must show B. */
static void lab1_slot_reuse_shows_new_page(struct kunit *test)
{
	struct page *a, *b;
	u8 *va, *vb;

	lab1_get(test, &a, &b);
	va = kmap_local_page(a);
	KUNIT_EXPECT_EQ(test, kt_check(va, 1), -1);	/* translation cached */
	kunmap_local(va);
	vb = kmap_local_page(b);
	KUNIT_ASSERT_PTR_EQ(test, vb, va);		/* the same slot */
	KUNIT_EXPECT_EQ(test, kt_check(vb, 2), -1);
	KUNIT_EXPECT_NE(test, kt_check(vb, 1), -1);
	kunmap_local(vb);
	__free_page(a);
	__free_page(b);
}

/* After kunmap_local() the address must fault, not still reach the page. */
static void lab1_unmapped_slot_faults(struct kunit *test)
{
	struct page *a, *b;
	u8 *va;

	lab1_get(test, &a, &b);
	va = kmap_local_page(a);
	KUNIT_EXPECT_EQ(test, kt_check(va, 1), -1);
	kunmap_local(va);
	KUNIT_EXPECT_FALSE(test, kt_mapped(va));
	__free_page(a);
	__free_page(b);
}

/* One invlpg per unmap -- not a full flush, which would hide the bug. */
static void lab1_unmap_flushes_one_page(struct kunit *test)
{
	struct kt_counters before, after;
	struct page *a, *b;
	void *va;

	lab1_get(test, &a, &b);
	kt_counters(&before);
	va = kmap_local_page(a);
	kunmap_local(va);
	kt_counters(&after);
	KUNIT_EXPECT_EQ(test, after.invlpg - before.invlpg, 1UL);
	KUNIT_EXPECT_EQ(test, after.flush_all, before.flush_all);
	__free_page(a);
	__free_page(b);
}

/*
 * The context switch empties a task's slots too (__kmap_local_sched_out)
 * with the same flush: a second task mapping B at the first task's
 * address must see B, and the first must see A again when it is back.
 */
struct lab1_switch {
	struct page *b;
	u8 *addr;
	int bad;
	struct completion done;
};

static int lab1_other_task(void *arg)
{
	struct lab1_switch *s = arg;

	s->addr = kmap_local_page(s->b);
	s->bad = kt_check(s->addr, 2);
	kunmap_local(s->addr);
	complete(&s->done);
	return 0;
}

static void lab1_switch_shows_each_task_its_page(struct kunit *test)
{
	static struct lab1_switch s;
	struct page *a;
	u8 *va;

	lab1_get(test, &a, &s.b);
	init_completion(&s.done);
	s.bad = -2;
	va = kmap_local_page(a);
	KUNIT_EXPECT_EQ(test, kt_check(va, 1), -1);
	/* On our CPU (SMP): our mapping keeps us on it, and the slots are per CPU. */
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run_on_cpu(lab1_other_task, &s,
							   smp_processor_id(), "lab2-other/%u")));
	wait_for_completion(&s.done);	/* we sleep: our slot is emptied */
	KUNIT_EXPECT_PTR_EQ(test, s.addr, va);
	KUNIT_EXPECT_EQ(test, s.bad, -1);
	KUNIT_EXPECT_EQ(test, kt_check(va, 1), -1);
	kunmap_local(va);
	__free_page(a);
	__free_page(s.b);
}

static struct kunit_case lab1_cases[] = {
	KUNIT_CASE(lab1_slot_reuse_shows_new_page),
	KUNIT_CASE(lab1_unmapped_slot_faults),
	KUNIT_CASE(lab1_unmap_flushes_one_page),
	KUNIT_CASE(lab1_switch_shows_each_task_its_page),
	{}
};

static struct kunit_suite lab1_suite = {
	.name = "lab_01_invlpg",
	.test_cases = lab1_cases,
};
kunit_test_suite(lab1_suite);
