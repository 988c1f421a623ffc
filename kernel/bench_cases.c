// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark cases. Each maps a page, reads one word through the
 * mapping (so a mapping that is never used cannot be optimised away, and
 * the TLB fill is part of the cost) and unmaps it, for a lowmem and a
 * highmem page. The "floor" is the least any temporary mapping can cost:
 * a bare PTE write, the read, the PTE clear and one invlpg on a spare
 * fixmap slot.
 *
 * kmaplab-lint: allow kmap kmap_atomic kunmap_atomic -- measures the deprecated APIs
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <asm/tlbflush.h>
#include <kmaplab/bench.h>

struct map_ctx {
	struct page **pages;
	unsigned int npages, next;
	u32 sink;
};

static struct page *ctx_page(struct map_ctx *c)
{
	struct page *p = c->pages[c->next];

	if (++c->next == c->npages)
		c->next = 0;
	return p;
}

static void op_floor(void *arg)
{
	struct map_ctx *c = arg;
	unsigned long va = __fix_to_virt(FIX_BENCH_SLOT);
	pte_t *ptep = virt_to_kpte(va);

	set_pte(ptep, mk_pte(c->pages[0], PAGE_KERNEL));
	c->sink += *(volatile u32 *)va;
	pte_clear(&init_mm, va, ptep);
	__flush_tlb_one_kernel(va);
}

static void op_floor_lowmem(void *arg)
{
	struct map_ctx *c = arg;

	c->sink += *(volatile u32 *)page_address(c->pages[0]);
}

static void op_local(void *arg)
{
	struct map_ctx *c = arg;
	u32 *v = kmap_local_page(ctx_page(c));

	c->sink += *(volatile u32 *)v;
	kunmap_local(v);
}

static void op_atomic(void *arg)
{
	struct map_ctx *c = arg;
	u32 *v = kmap_atomic(ctx_page(c));

	c->sink += *(volatile u32 *)v;
	kunmap_atomic(v);
}

static void op_kmap(void *arg)
{
	struct map_ctx *c = arg;
	struct page *p = ctx_page(c);
	u32 *v = kmap(p);

	c->sink += *(volatile u32 *)v;
	kunmap(p);
}

/* Allocate n pages of one kind; NULL-terminated array, or NULL. */
static struct page **get_pages(bool high, unsigned int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	unsigned int i;

	if (!pages)
		return NULL;
	for (i = 0; i < n; i++) {
		pages[i] = alloc_page(high ? GFP_HIGHUSER : GFP_KERNEL);
		if (!pages[i] || PageHighMem(pages[i]) != high) {
			if (pages[i])
				__free_page(pages[i]);
			while (i--)
				__free_page(pages[i]);
			kfree(pages);
			return NULL;
		}
	}
	return pages;
}

static void put_pages(struct page **pages, unsigned int n)
{
	while (n--)
		__free_page(pages[n]);
	kfree(pages);
}

/* One op over lowmem and highmem pages; working set of n pages. */
static int run_pair(struct bench_result *res, const char *name, bench_op_t low,
		    bench_op_t high, unsigned int n, unsigned int iters)
{
	struct map_ctx c = { .npages = n };
	int out = 0, h;

	for (h = 0; h < 2; h++) {
		c.pages = get_pages(h, n);
		c.next = 0;
		if (!c.pages)
			continue;	/* e.g. no highmem in this boot */
		res[out].name = name;
		res[out].mem = h ? "highmem" : "lowmem";
		bench_measure(&res[out], h ? high : low, &c, iters);
		put_pages(c.pages, n);
		out++;
	}
	return out ? out : -ENOMEM;
}

static int case_floor(struct bench_result *res, int max, unsigned int iters)
{
	return run_pair(res, "floor", op_floor_lowmem, op_floor, 1, iters);
}

static int case_local(struct bench_result *res, int max, unsigned int iters)
{
	return run_pair(res, "kmap_local", op_local, op_local, 1, iters);
}

static int case_atomic(struct bench_result *res, int max, unsigned int iters)
{
	return run_pair(res, "kmap_atomic", op_atomic, op_atomic, 1, iters);
}

static int case_kmap(struct bench_result *res, int max, unsigned int iters)
{
	return run_pair(res, "kmap", op_kmap, op_kmap, 1, iters);
}

/* More distinct pages than pool slots: every op takes a new slot. */
static int case_kmap_wrap(struct bench_result *res, int max, unsigned int iters)
{
	return run_pair(res, "kmap_wrap", op_kmap, op_kmap, LAST_PKMAP + 64,
			max(iters, (unsigned int)(4 * LAST_PKMAP)));
}

static void op_copy_highpage(void *arg)
{
	struct map_ctx *c = arg;

	copy_highpage(c->pages[0], c->pages[1]);
}

static void op_memcpy(void *arg)
{
	struct map_ctx *c = arg;

	memcpy(page_address(c->pages[0]), page_address(c->pages[1]), PAGE_SIZE);
}

static int case_copy(struct bench_result *res, int max, unsigned int iters)
{
	struct map_ctx c = { .npages = 2 };
	int out = 0;
	unsigned int n = max(iters / 16, 64U);	/* a copy is ~1000x a map */

	c.pages = get_pages(false, 2);
	if (c.pages) {
		res[out] = (struct bench_result){ .name = "memcpy_page", .mem = "lowmem" };
		bench_measure(&res[out++], op_memcpy, &c, n);
		res[out] = (struct bench_result){ .name = "copy_highpage", .mem = "lowmem" };
		bench_measure(&res[out++], op_copy_highpage, &c, n);
		put_pages(c.pages, 2);
	}
	c.pages = get_pages(true, 2);
	if (c.pages) {
		res[out] = (struct bench_result){ .name = "copy_highpage", .mem = "highmem" };
		bench_measure(&res[out++], op_copy_highpage, &c, n);
		put_pages(c.pages, 2);
	}
	return out ? out : -ENOMEM;
}

const struct bench_case bench_cases[] = {
	{ "floor", case_floor },
	{ "kmap_local", case_local },
	{ "kmap_atomic", case_atomic },
	{ "kmap", case_kmap },
	{ "kmap_wrap", case_kmap_wrap },
	{ "copy", case_copy },
	{ "threads_kmap_local", case_threads_local },
	{ "threads_kmap", case_threads_kmap },
	{ "context_switch", case_switch },
};
const unsigned int nr_bench_cases = ARRAY_SIZE(bench_cases);
