/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_KMAP_TEST_COMMON_H
#define _TESTS_KMAP_TEST_COMMON_H

/*
 * Shared by the highmem suites: highmem pages with a known pattern, and
 * the TLB/kmap counters. Every test that needs highmem skips (with the
 * reason) on a boot without it: `lowmem=32M` gives any guest highmem.
 */
#include <kunit/test.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/uaccess.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <asm/tlbflush.h>
#include <kmaplab/highmem.h>

/*
 * Up to n highmem pages into pages[] (stops at the first lowmem or
 * missing one): how many. The pool suites need more pages than slots.
 */
static inline int kt_alloc_highpages(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct page *p = alloc_page(GFP_HIGHUSER);

		if (!p || !PageHighMem(p)) {
			if (p)
				__free_page(p);
			break;
		}
		pages[i] = p;
	}
	return i;
}

static inline void kt_free_highpages(struct page **pages, int *n)
{
	while (*n)
		__free_page(pages[--*n]);
}

static inline struct page *kt_alloc_highpage(struct kunit *test)
{
	struct page *page = alloc_page(GFP_HIGHUSER);

	if (page && !PageHighMem(page)) {
		__free_page(page);
		page = NULL;
	}
	if (!page)
		kunit_skip(test, "no free highmem page (boot with lowmem=32M for highmem)");
	return page;
}

/* Byte i of a page filled for 'seed': distinct for nearby seeds and offsets. */
static inline u8 kt_pattern(unsigned long seed, unsigned int i)
{
	return (u8)(seed * 131 + i * 7 + (i >> 8));
}

static inline void kt_fill(void *addr, unsigned long seed)
{
	u8 *p = addr;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE; i++)
		p[i] = kt_pattern(seed, i);
}

/* Offset of the first byte that differs from the pattern, or -1. */
static inline int kt_check(const void *addr, unsigned long seed)
{
	const u8 *p = addr;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE; i++)
		if (p[i] != kt_pattern(seed, i))
			return i;
	return -1;
}

struct kt_counters {
	struct kmap_stats kmap;
	unsigned long invlpg, flush_all;
};

static inline void kt_counters(struct kt_counters *c)
{
	unsigned int cpu;

	kmap_stats_read(&c->kmap);
	c->invlpg = c->flush_all = 0;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		c->invlpg += per_cpu(tlb_stats, cpu).invlpg;
		c->flush_all += per_cpu(tlb_stats, cpu).flush_all;
	}
}

/* Is addr mapped right now? (a read that cannot oops) */
static inline bool kt_mapped(const void *addr)
{
	u8 b;

	return get_kernel_nofault(b, (const u8 *)addr) == 0;
}

#endif /* _TESTS_KMAP_TEST_COMMON_H */
