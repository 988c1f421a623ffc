// SPDX-License-Identifier: GPL-2.0
/*
 * lint fixture: every deprecated-API pattern the lint must catch, next to
 * look-alikes it must not.  Never compiled; scripts/lint/selftest/selftest.py checks
 * the exact report against bad.expected.  Keep line numbers in step.
 */
#include <linux/highmem.h>

/* kmaplab-lint: allow kmap kunmap */

/* A prototype and a macro definition are not uses. */
void *kmap_atomic_pfn(unsigned long pfn);
#define kunmap_atomic(addr) __kunmap_atomic(addr)

/* Direct calls. */
static void direct(struct page *page)
{
	char *a = kmap(page);

	a[0] = 1;
	kunmap(page);
}

/* A call split over lines: reported at the line of the name. */
static void split(struct page *page, struct page *other)
{
	char *b = kmap_atomic
		(page);
	char *c = kmap_atomic_prot(other,
				   PAGE_KERNEL);

	kunmap_atomic(c);
	kunmap_atomic(b);
}

/* A call inside a macro body, continued over lines. */
#define ZERO_PAGE_ATOMIC(p) do {			\
	void *__a = kmap_atomic(p);			\
	memset(__a, 0, PAGE_SIZE);			\
	kunmap_atomic(__a);				\
} while (0)

/* Mentions that are not uses. */
static void mentions(struct page *page, struct mapper *ops)
{
	/* kmap(page) is how old code did it; so did kmap_atomic(page). */
	// kunmap_atomic(addr) too
	pr_info("kmap(page) failed\n");
	pr_info("say \"kmap_atomic(page)\" twice\n");
	ops->kmap(page);
	__kmap_atomic(page);
	my_kmap(page);
	kmap_local_page(page);
	pr_info("%c", '"'); kunmap(page); pr_info("')'");
}

/* kmap_atomic_pfn() with a nested call for an argument. */
static void *by_pfn(struct page *page)
{
	return kmap_atomic_pfn(page_to_pfn(page) /* lowmem */ + 1);
}
