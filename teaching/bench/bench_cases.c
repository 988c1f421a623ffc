// SPDX-License-Identifier: GPL-2.0
/*
 * The single-thread benchmark cases. Each operation maps a page, reads
 * one word through the mapping (so that the mapping is really used: the
 * TLB fill is part of the cost) and unmaps it, for a lowmem and for a
 * highmem page (bench_touch()).
 *
 * The floor is the least any temporary mapping of a highmem page can
 * cost: write the 64-bit PTE of a spare fixmap slot, read through it,
 * clear it, invlpg -- with the PTE value and its address worked out
 * beforehand. For lowmem it is the direct-map address computation.
 * The "tlb" case times the flush primitives alone, because under an
 * emulator they do not cost what their instruction count suggests.
 *
 * Working sets: one page (what a loop over one buffer does), or
 * BENCH_MANY pages, more than kmap()'s pool holds, so that every kmap()
 * takes a new slot and the pool wraps -- one global flush per
 * LAST_PKMAP operations.
 *
 * kmaplab-lint: allow kmap kmap_atomic -- measures the deprecated APIs
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <asm/fixmap.h>
#include <asm/tlbflush.h>
#include <kmaplab/bench.h>
#include <kmaplab/ramdisk.h>

#define BENCH_MANY (LAST_PKMAP + 64)

struct map_ctx {
	struct page *page;		/* the one-page working set */
	struct page **pages;		/* the BENCH_MANY one, cycled through */
	unsigned int npages, next;
};

static __always_inline struct page *next_page(struct map_ctx *c)
{
	struct page *p = c->pages[c->next];

	if (++c->next == c->npages)
		c->next = 0;
	return p;
}

/*
 * The empty operations subtracted from the ones below: they fetch their
 * page from the context as the measured op does (a frame, two loads), so
 * that what remains is what the API does with a page in a register.
 */
static void op_base(void *arg)
{
	struct map_ctx *c = arg;
	struct page *p = c->page;

	__asm__ __volatile__("" : : "r"(p));
}

static void op_base_many(void *arg)
{
	struct page *p = next_page(arg);

	__asm__ __volatile__("" : : "r"(p));
}

/* --- the floor and the flush primitives --------------------------------- */

static pte_t *floor_ptep;	/* FIX_BENCH_SLOT's PTE */
static pte_t floor_pte;		/* the highmem page, PAGE_KERNEL */

#define FLOOR_VA __fix_to_virt(FIX_BENCH_SLOT)

static void op_floor_high(void *arg)
{
	pte_t *ptep = floor_ptep;	/* a register, not reloaded after set_pte */

	set_pte(ptep, floor_pte);
	bench_touch((void *)FLOOR_VA);
	pte_clear(&init_mm, FLOOR_VA, ptep);
	__flush_tlb_one_kernel(FLOOR_VA);
}

static void op_floor_low(void *arg)
{
	struct map_ctx *c = arg;

	bench_touch(lowmem_page_address(c->page));
}

static void op_invlpg(void *arg)
{
	__flush_tlb_one_kernel(FLOOR_VA);
}

/* Drops non-global translations only; kernel mappings are global. */
static void op_cr3(void *arg)
{
	write_cr3(read_cr3());
}

/* Drops everything, global entries included: kmap()'s flush on a wrap. */
static void op_pge(void *arg)
{
	__flush_tlb_all();
}

/* --- the APIs ------------------------------------------------------------ */

static void op_local(void *arg)
{
	struct map_ctx *c = arg;
	void *v = kmap_local_page(c->page);

	bench_touch(v);
	kunmap_local(v);
}

static void op_local_many(void *arg)
{
	struct map_ctx *c = arg;
	void *v = kmap_local_page(next_page(c));

	bench_touch(v);
	kunmap_local(v);
}

static void op_atomic(void *arg)
{
	struct map_ctx *c = arg;
	void *v = kmap_atomic(c->page);

	bench_touch(v);
	kunmap_atomic(v);
}

static void op_kmap(void *arg)
{
	struct map_ctx *c = arg;

	bench_touch(kmap(c->page));
	kunmap(c->page);
}

static void op_kmap_many(void *arg)
{
	struct map_ctx *c = arg;
	struct page *p = next_page(c);

	bench_touch(kmap(p));
	kunmap(p);
}

static void op_memcpy(void *arg)
{
	struct map_ctx *c = arg;

	memcpy(lowmem_page_address(c->pages[0]),
	       lowmem_page_address(c->pages[1]), PAGE_SIZE);
}

static void op_copy_highpage(void *arg)
{
	struct map_ctx *c = arg;

	copy_highpage(c->pages[0], c->pages[1]);
}

/* --- pages ---------------------------------------------------------------- */

static void put_pages(struct page **pages, unsigned int n)
{
	while (n--)
		__free_page(pages[n]);
	kfree(pages);
}

/* n pages, all lowmem or all highmem; NULL if that cannot be had. */
static struct page **get_pages(bool high, unsigned int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	unsigned int i;

	if (!pages)
		return NULL;
	for (i = 0; i < n; i++) {
		pages[i] = alloc_page(high ? GFP_HIGHUSER : GFP_KERNEL);
		/* GFP_HIGHUSER falls back to lowmem when highmem runs out. */
		if (!pages[i] || PageHighMem(pages[i]) != high) {
			if (pages[i])
				__free_page(pages[i]);
			put_pages(pages, i);
			return NULL;
		}
	}
	return pages;
}

/*
 * op over a lowmem and a highmem working set of npages, in batches of n.
 * Both results or an error: a missing half would hide a failure.
 */
static int run_pair(struct bench_result *res, const char *name, bench_op_t op,
		    unsigned int npages, unsigned int n)
{
	struct map_ctx c = { .npages = npages };
	int h;

	for (h = 0; h < 2; h++) {
		c.pages = get_pages(h, npages);
		if (!c.pages)
			return -ENOMEM;	/* e.g. a boot without highmem */
		c.page = c.pages[0];
		c.next = 0;
		res[h].name = name;
		res[h].mem = h ? "highmem" : "lowmem";
		res[h].pages = npages;
		bench_measure(&res[h], op, npages > 1 ? op_base_many : op_base,
			      &c, n);
		put_pages(c.pages, npages);
	}
	return 2;
}

/* Batch size for a case: iters operations over all the batches. */
static unsigned int batch(unsigned int iters)
{
	return max(1U, iters / 32);
}

/*
 * lowmem: the address computation and the read. highmem: the PTE dance
 * on FIX_BENCH_SLOT, whose PTE address and value are worked out here,
 * once; its op takes no page, so the plain empty op is its baseline.
 */
static int case_floor(struct bench_result *res, int max, unsigned int iters)
{
	struct map_ctx c = { .npages = 1 };

	c.pages = get_pages(false, 1);
	if (!c.pages)
		return -ENOMEM;
	c.page = c.pages[0];
	res[0] = (struct bench_result){ .name = "floor", .mem = "lowmem", .pages = 1 };
	bench_measure(&res[0], op_floor_low, op_base, &c, batch(iters));
	put_pages(c.pages, 1);

	c.pages = get_pages(true, 1);
	if (!c.pages)
		return -ENOMEM;
	floor_ptep = virt_to_kpte(FLOOR_VA);
	floor_pte = mk_pte(c.pages[0], PAGE_KERNEL);
	res[1] = (struct bench_result){ .name = "floor", .mem = "highmem", .pages = 1 };
	bench_measure(&res[1], op_floor_high, NULL, NULL, batch(iters));
	put_pages(c.pages, 1);
	/* A bare invlpg, not flush_tlb_one_kernel(): count it here. */
	res[1].invlpg += res[1].ops;
	return 2;
}

static int case_tlb(struct bench_result *res, int max, unsigned int iters)
{
	static const struct { const char *name; bench_op_t op; } prim[] = {
		{ "invlpg", op_invlpg },
		{ "mov_cr3", op_cr3 },
		{ "pge_toggle", op_pge },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(prim); i++) {
		res[i].name = prim[i].name;
		res[i].mem = "-";
		bench_measure(&res[i], prim[i].op, NULL, NULL, batch(iters));
	}
	res[0].invlpg += res[0].ops;
	res[2].flush_all += res[2].ops;
	return i;
}

static int case_local(struct bench_result *res, int max, unsigned int iters)
{
	return run_pair(res, "kmap_local", op_local, 1, batch(iters));
}

static int case_local_many(struct bench_result *res, int max, unsigned int iters)
{
	return run_pair(res, "kmap_local_many", op_local_many, BENCH_MANY,
			batch(iters));
}

static int case_atomic(struct bench_result *res, int max, unsigned int iters)
{
	return run_pair(res, "kmap_atomic", op_atomic, 1, batch(iters));
}

static int case_kmap(struct bench_result *res, int max, unsigned int iters)
{
	return run_pair(res, "kmap", op_kmap, 1, batch(iters));
}

/*
 * Every op a new pool slot; batches of whole multiples of LAST_PKMAP so
 * that each holds the same number of wraps and the median is not a
 * matter of where the batch boundaries fall.
 */
static int case_kmap_wrap(struct bench_result *res, int max, unsigned int iters)
{
	return run_pair(res, "kmap_wrap", op_kmap_many, BENCH_MANY,
			round_up(batch(iters), LAST_PKMAP));
}

static int case_copy(struct bench_result *res, int max, unsigned int iters)
{
	struct map_ctx c = { .npages = 2 };
	unsigned int n = max(4U, batch(iters) / 16);	/* a copy is ~20 maps */

	c.pages = get_pages(false, 2);
	if (!c.pages)
		return -ENOMEM;
	res[0] = (struct bench_result){ .name = "memcpy", .mem = "lowmem", .pages = 2 };
	bench_measure(&res[0], op_memcpy, op_base, &c, n);
	res[1] = (struct bench_result){ .name = "copy_highpage", .mem = "lowmem", .pages = 2 };
	bench_measure(&res[1], op_copy_highpage, op_base, &c, n);
	put_pages(c.pages, 2);

	c.pages = get_pages(true, 2);
	if (!c.pages)
		return -ENOMEM;
	res[2] = (struct bench_result){ .name = "copy_highpage", .mem = "highmem", .pages = 2 };
	bench_measure(&res[2], op_copy_highpage, op_base, &c, n);
	put_pages(c.pages, 2);
	return 3;
}

const struct bench_case bench_cases[] = {
	{ "floor", case_floor },
	{ "tlb", case_tlb },
	{ "kmap_local", case_local },
	{ "kmap_local_many", case_local_many },
	{ "kmap_atomic", case_atomic },
	{ "kmap", case_kmap },
	{ "kmap_wrap", case_kmap_wrap },
	{ "copy", case_copy },
	{ "threads_kmap_local", case_threads_local },
	{ "threads_kmap", case_threads_kmap },
	{ "context_switch", case_switch },
	{ "smp_kmap_local", case_smp_local },
	{ "smp_kmap", case_smp_kmap },
	{ "smp_kmap_wrap", case_smp_kmap_wrap },
	{ "smp_pool_wrap", case_smp_pool_wrap },
	{ "ramdisk", case_ramdisk },	/* the conversion: before vs after */
	{ "read", case_read },		/* read(): kmap_local vs kmap_atomic copy */
};
const unsigned int nr_bench_cases = ARRAY_SIZE(bench_cases);
