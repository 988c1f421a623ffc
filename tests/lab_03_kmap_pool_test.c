// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 03 (docs/labs/03-kmap-pool.md): the kmap() pool's wrap.
 *
 * kunmap() only drops a slot's count; the slot keeps its page and its
 * PTE until flush_all_zero_pkmaps() in mm/pkmap.c reclaims every unused
 * slot -- when the search for a free slot wraps, or on
 * kmap_flush_unused() -- with one TLB flush for all of them. The cases
 * judge what the pool does, not how the function is written.
 *
 * kmaplab-lint: allow kmap kunmap -- tests kmap()'s global pkmap pool
 */
#include "kmap_test_common.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/vmalloc.h>

#define NPAGES (LAST_PKMAP + 8)

static struct page *pages[NPAGES];
static int npages;

static int lab3_init(struct kunit *test)
{
	npages = kt_alloc_highpages(pages, NPAGES);
	return 0;
}

static void lab3_exit(struct kunit *test)
{
	kt_free_highpages(pages, &npages);
}

static void lab3_need_pages(struct kunit *test)
{
	if (npages < NPAGES)
		kunit_skip(test, "needs %d highmem pages, got %d (boot with lowmem=32M)",
			   NPAGES, npages);
}

/* An unused slot is reclaimed: its page forgets the address, the PTE goes. */
static void lab3_unused_slot_reclaimed(struct kunit *test)
{
	void *a;

	lab3_need_pages(test);
	a = kmap(pages[0]);
	kunmap(pages[0]);
	KUNIT_EXPECT_TRUE_MSG(test, kt_mapped(a), "kunmap() is lazy: still mapped");
	kmap_flush_unused();
	KUNIT_EXPECT_NULL_MSG(test, page_address(pages[0]),
			      "after kmap_flush_unused() the page still has its pkmap address");
	KUNIT_EXPECT_FALSE_MSG(test, kt_mapped(a),
			       "after kmap_flush_unused() %p still reaches a page", a);
	KUNIT_EXPECT_EQ(test, pkmap_slots_in_use(), 0);
}

/* A slot somebody holds is left alone, page, address and contents. */
static void lab3_used_slot_kept(struct kunit *test)
{
	void *a, *b;

	lab3_need_pages(test);
	a = kmap(pages[1]);
	kt_fill(a, 31);
	b = kmap(pages[2]);
	kunmap(pages[2]);
	kmap_flush_unused();
	KUNIT_EXPECT_PTR_EQ(test, page_address(pages[1]), a);
	KUNIT_EXPECT_TRUE(test, kt_mapped(a));
	KUNIT_EXPECT_EQ(test, kt_check(a, 31), -1);
	KUNIT_EXPECT_NULL(test, page_address(pages[2]));
	KUNIT_EXPECT_FALSE(test, kt_mapped(b));
	kunmap(pages[1]);
	kmap_flush_unused();
}

/* Many unused slots, one flush: a full one, and no invlpg per slot. */
static void lab3_one_flush_for_all(struct kunit *test)
{
	struct kt_counters before, after;
	int i;

	lab3_need_pages(test);
	kmap_flush_unused();
	for (i = 0; i < 32; i++) {
		kmap(pages[i]);
		kunmap(pages[i]);
	}
	kt_counters(&before);
	kmap_flush_unused();
	kt_counters(&after);
	KUNIT_EXPECT_EQ_MSG(test, after.flush_all - before.flush_all, 1UL,
			    "full TLB flushes for reclaiming 32 slots");
	KUNIT_EXPECT_EQ_MSG(test, after.invlpg - before.invlpg, 0UL,
			    "single-page flushes for reclaiming 32 slots");
	/* Nothing left to reclaim: nothing to flush. */
	kmap_flush_unused();
	kt_counters(&before);
	KUNIT_EXPECT_EQ(test, before.flush_all, after.flush_all);
}

struct lab3_wrap {
	void *old;		/* pages[0]'s address, read before the wrap */
	int reused;		/* index of the page that got that slot, or -1 */
	int bad;		/* kt_check() of that page through it */
	unsigned long wraps;
	struct completion done;
};

/*
 * Map page after page until the pool wraps and hands out the old slot
 * again. Runs in a thread of its own: if nothing is reclaimed at the
 * wrap, kmap() waits for a free slot for ever, and the case must still
 * end (with a failure) rather than hang the boot.
 */
static int lab3_wrapper(void *arg)
{
	struct lab3_wrap *w = arg;
	struct kt_counters before, after;
	int i;

	kt_counters(&before);
	for (i = 1; i < NPAGES && w->reused < 0; i++) {
		void *v = kmap(pages[i]);

		if (v == w->old) {
			w->reused = i;
			w->bad = kt_check(v, 1000 + i);
		}
		kunmap(pages[i]);
	}
	kt_counters(&after);
	w->wraps = after.kmap.pkmap_wraps - before.kmap.pkmap_wraps;
	complete(&w->done);
	return 0;
}

/* Through the wrap: the reused slot shows its new page, not the old one. */
static void lab3_wrap_reuses_slot(struct kunit *test)
{
	static struct lab3_wrap w;
	struct task_struct *t;
	u32 sum = 0;
	int i;

	lab3_need_pages(test);
	for (i = 0; i < NPAGES; i++) {
		/* vmap(), not kmap(): filling must not go round the pool */
		void *v = vmap(&pages[i], 1, VM_MAP, PAGE_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, v);
		kt_fill(v, 1000 + i);
		vunmap(v);
	}
	kmap_flush_unused();	/* every page starts without a slot */
	w.reused = -1;
	init_completion(&w.done);
	w.old = kmap(pages[0]);
	for (i = 0; i < 4096; i++)	/* this CPU's TLB now holds the slot */
		sum += ((volatile u8 *)w.old)[i];
	kunmap(pages[0]);
	t = kthread_run(lab3_wrapper, &w, "lab3-wrap");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	if (!wait_for_completion_timeout(&w.done, 30 * HZ)) {
		KUNIT_FAIL(test, "kmap() still waits for a free slot 30 s after the "
			   "pool wrapped: the wrap reclaimed nothing");
		npages = 0;	/* the waiter may still take one: leak them */
		return;
	}
	KUNIT_EXPECT_EQ(test, w.wraps, 1UL);
	KUNIT_ASSERT_GE_MSG(test, w.reused, 0, "the old slot was never handed out again");
	KUNIT_EXPECT_EQ_MSG(test, w.bad, -1,
			    "the reused slot shows another page (first wrong byte): "
			    "a stale TLB entry for %p", w.old);
	(void)sum;
}

static struct kunit_case lab3_cases[] = {
	KUNIT_CASE(lab3_unused_slot_reclaimed),
	KUNIT_CASE(lab3_used_slot_kept),
	KUNIT_CASE(lab3_one_flush_for_all),
	KUNIT_CASE(lab3_wrap_reuses_slot),
	{}
};

static struct kunit_suite lab3_suite = {
	.name = "lab_03_kmap_pool",
	.init = lab3_init,
	.exit = lab3_exit,
	.test_cases = lab3_cases,
};
kunit_test_suite(lab3_suite);
