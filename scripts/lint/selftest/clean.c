// SPDX-License-Identifier: GPL-2.0
/*
 * lint fixture: the kmap_local API only.  Mentions of kmap() and
 * kmap_atomic() in comments and strings, look-alike names and a field
 * called kmap are not uses, so the lint must pass this file.
 * (See the kmaplab-lint: allow marker in allowed.c: prose is no marker.)
 */
#include <linux/highmem.h>

struct mapper {
	void *(*kmap)(struct page *page);
};

static void copy_page_local(struct page *dst, struct page *src)
{
	char *s = kmap_local_page(src);
	char *d = kmap_local_page_prot(dst, PAGE_KERNEL);

	memcpy(d, s, PAGE_SIZE);	/* was kmap_atomic(dst) */
	kunmap_local(d);
	kunmap_local(s);
}

static void say(struct mapper *m, struct page *page)
{
	pr_info("use kmap_local_page(), not kmap() or kmap_atomic()\n");
	m->kmap(page);
	kmap_local_pfn(page_to_pfn(page));
}
