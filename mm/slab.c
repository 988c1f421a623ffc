// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc(): small lowmem objects (a minimal SLUB-like design).
 *
 * Size classes 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024 and 2048 bytes
 * -- Linux's kmalloc-N caches. Each cache carves one-page slabs into
 * equal objects; a free object holds the pointer to the next one in its
 * first word (the slab's freelist); the slab's state lives in its struct
 * page (PG_slab, the cache index and in-use count in page->flags, the
 * freelist in page->freelist, page->slab_list on the cache's partial
 * list). Why these choices:
 *  - one-page slabs: virt_to_page(object) is the slab, no lookup;
 *  - nothing above 2048 in slabs: a page holds only one bigger object,
 *    so such requests take whole pages from the buddy allocator
 *    (PG_large_kmalloc, order in page->flags) -- no waste beyond the
 *    rounding to a power-of-two number of pages, as SLUB's large kmalloc;
 *  - a slab goes back to the buddy allocator as soon as it is empty, so
 *    kmalloc()+kfree() leaves nr_free_pages() as it was (leak tests).
 *
 * Debug build (CONFIG_DEBUG_VM): freed objects are filled with
 * POISON_FREE (0x6b) ending in POISON_END (0xa5), as SLUB's poisoning;
 * kmalloc() checks the poison before handing an object out (a write
 * after free is reported), kfree() looks for the object on the freelist
 * (a double kfree is reported) and checks it is an object's start.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kmaplab/mm.h>
#include <linux/poison.h>
#include "internal.h"

struct kmalloc_cache {
	const char *name;
	unsigned int size;
	unsigned int objects;		/* per one-page slab */
	struct list_head partial;	/* slabs with both free and used objects */
	unsigned long nr_slabs;
	unsigned long inuse;		/* objects handed out */
	unsigned long allocs, frees;
};

#define KMALLOC_CACHE(n) { .name = "kmalloc-" #n, .size = n }
static struct kmalloc_cache kmalloc_caches[] = {
	KMALLOC_CACHE(8), KMALLOC_CACHE(16), KMALLOC_CACHE(32), KMALLOC_CACHE(64),
	KMALLOC_CACHE(96), KMALLOC_CACHE(128), KMALLOC_CACHE(192), KMALLOC_CACHE(256),
	KMALLOC_CACHE(512), KMALLOC_CACHE(1024), KMALLOC_CACHE(2048),
};
static unsigned long large_allocs, large_pages;

static struct kmalloc_cache *size_to_cache(size_t size)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_caches); i++)
		if (size <= kmalloc_caches[i].size)
			return &kmalloc_caches[i];
	return NULL;
}

static struct kmalloc_cache *slab_cache(const struct page *slab)
{
	return &kmalloc_caches[PAGE_FIELD_GET(slab, SLAB_CACHE)];
}

static unsigned int slab_inuse(const struct page *slab)
{
	return PAGE_FIELD_GET(slab, SLAB_INUSE);
}

static void set_slab_inuse(struct page *slab, unsigned int n)
{
	PAGE_FIELD_SET(slab, SLAB_INUSE, n);
}

static void poison_object(const struct kmalloc_cache *c, void *obj)
{
	if (IS_ENABLED_DEBUG_VM) {
		memset(obj, POISON_FREE, c->size - 1);
		((u8 *)obj)[c->size - 1] = POISON_END;
	}
}

/* Debug: the poison after the freelist word must be intact. */
static void check_poison(const struct kmalloc_cache *c, void *obj)
{
	const u8 *p = obj;
	unsigned int i;

	for (i = sizeof(void *); i < c->size; i++) {
		u8 want = i == c->size - 1 ? POISON_END : POISON_FREE;

		if (p[i] != want) {
			WARN(1, "%s: object %p was written after it was freed: byte %u is %#x, expected %#x\n",
			     c->name, obj, i, p[i], want);
			return;
		}
	}
}

/* A new slab: one lowmem page, every object free, chained in order. */
static struct page *new_slab(struct kmalloc_cache *c, gfp_t gfp)
{
	struct page *slab = alloc_pages((gfp & ~(__GFP_ZERO | __GFP_HIGHMEM)), 0);
	char *base;
	unsigned int i;

	if (!slab)
		return NULL;
	base = lowmem_page_address(slab);
	for (i = 0; i < c->objects; i++) {
		void *obj = base + i * c->size;

		poison_object(c, obj);
		*(void **)obj = i + 1 < c->objects ? base + (i + 1) * c->size : NULL;
	}
	__SetPageSlab(slab);
	PAGE_FIELD_SET(slab, SLAB_CACHE, c - kmalloc_caches);
	set_slab_inuse(slab, 0);
	slab->freelist = base;
	return slab;
}

/* Debug: a freelist link must point at an object of the same slab. */
static bool bad_link(const struct kmalloc_cache *c, const struct page *slab, void *next)
{
	unsigned long off = (unsigned long)next - (unsigned long)lowmem_page_address(slab);

	if (!IS_ENABLED_DEBUG_VM || !next)
		return false;
	if (off < c->objects * c->size && off % c->size == 0)
		return false;
	WARN(1, "%s: freelist of slab pfn %#lx corrupted (next %p): an object was written after free; the rest of the slab is abandoned\n",
	     c->name, page_to_pfn(slab), next);
	return true;
}

static void *slab_alloc(struct kmalloc_cache *c, gfp_t gfp)
{
	struct page *slab, *fresh = NULL;
	unsigned long flags;
	void *obj, *next;

again:
	mm_lock(flags);
	slab = list_first_entry_or_null(&c->partial, struct page, slab_list);
	if (!slab && fresh) {
		slab = fresh;
		fresh = NULL;
		c->nr_slabs++;
		list_add(&slab->slab_list, &c->partial);
	}
	if (!slab) {
		mm_unlock(flags);
		fresh = new_slab(c, gfp);
		if (!fresh)
			return NULL;
		goto again;
	}
	obj = slab->freelist;
	next = *(void **)obj;
	if (bad_link(c, slab, next))
		next = NULL;
	slab->freelist = next;
	set_slab_inuse(slab, slab_inuse(slab) + 1);
	if (!next)
		list_del_init(&slab->slab_list);	/* full: off the partial list */
	c->inuse++;
	c->allocs++;
	mm_unlock(flags);

	if (fresh) {	/* someone refilled the cache meanwhile */
		__ClearPageSlab(fresh);
		PAGE_FIELD_SET(fresh, SLAB_CACHE, 0);
		fresh->freelist = NULL;
		set_page_refcounted(fresh);
		__free_page(fresh);
	}
	if (IS_ENABLED_DEBUG_VM)
		check_poison(c, obj);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->size);
	return obj;
}

static void slab_free(struct page *slab, void *obj)
{
	struct kmalloc_cache *c = slab_cache(slab);
	unsigned long off = (unsigned long)obj - (unsigned long)lowmem_page_address(slab);
	unsigned long flags;
	void *p;

	if (WARN(off % c->size || off >= c->objects * c->size,
		 "kfree(%p): not the start of a %s object (offset %lu in its slab)\n",
		 obj, c->name, off))
		return;
	mm_lock(flags);
	if (IS_ENABLED_DEBUG_VM) {
		for (p = slab->freelist; p; p = *(void **)p) {
			if (p == obj) {
				mm_unlock(flags);
				WARN(1, "%s: double kfree of object %p\n", c->name, obj);
				return;
			}
		}
	}
	poison_object(c, obj);
	*(void **)obj = slab->freelist;
	if (!slab->freelist)		/* was full: back on the partial list */
		list_add(&slab->slab_list, &c->partial);
	slab->freelist = obj;
	set_slab_inuse(slab, slab_inuse(slab) - 1);
	c->inuse--;
	c->frees++;
	if (slab_inuse(slab)) {
		mm_unlock(flags);
		return;
	}
	/* Empty: the page goes back to the buddy allocator. */
	list_del(&slab->slab_list);
	c->nr_slabs--;
	mm_unlock(flags);
	__ClearPageSlab(slab);
	PAGE_FIELD_SET(slab, SLAB_CACHE, 0);
	slab->freelist = NULL;
	set_page_refcounted(slab);
	__free_page(slab);
}

void *kmalloc(size_t size, gfp_t flags)
{
	struct kmalloc_cache *c;
	struct page *page;
	unsigned int order;

	if (WARN_ON_ONCE(flags & __GFP_HIGHMEM))	/* objects need an address */
		flags &= ~__GFP_HIGHMEM;
	if (!size)
		return ZERO_SIZE_PTR;
	c = size_to_cache(size);
	if (c)
		return slab_alloc(c, flags);
	if (size > KMALLOC_MAX_SIZE) {
		WARN_ON_ONCE(!(flags & __GFP_NOWARN));
		return NULL;
	}
	order = get_order(size);
	page = alloc_pages(flags, order);
	if (!page)
		return NULL;
	__SetPageLargeKmalloc(page);
	large_allocs++;
	large_pages += 1UL << order;
	return lowmem_page_address(page);
}

void kfree(const void *objp)
{
	void *obj = (void *)objp;
	struct page *page;
	unsigned int order;

	if (ZERO_OR_NULL_PTR(obj))
		return;
	if (WARN(!virt_addr_valid(obj), "kfree(%p): not a kmalloc address (%s)\n", obj,
		 is_vmalloc_addr(obj) ? "vmalloc area: use vfree()" :
		 (unsigned long)obj >= PKMAP_BASE ? "a kmap/fixmap address" :
		 "not in the direct map"))
		return;
	page = virt_to_page(obj);
	if (PageSlab(page)) {
		slab_free(page, obj);
		return;
	}
	if (WARN(!PageLargeKmalloc(page) || offset_in_page(obj),
		 "kfree(%p): pfn %#lx is not kmalloc memory (free, reserved or from alloc_pages())\n",
		 obj, page_to_pfn(page)))
		return;
	order = PAGE_FIELD_GET(page, PAGE_ORDER);
	__ClearPageLargeKmalloc(page);
	large_allocs--;
	large_pages -= 1UL << order;
	__free_pages(page, order);
}

size_t ksize(const void *objp)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(objp) || !virt_addr_valid(objp))
		return 0;
	page = virt_to_page(objp);
	if (PageSlab(page))
		return slab_cache(page)->size;
	if (PageLargeKmalloc(page))
		return PAGE_SIZE << PAGE_FIELD_GET(page, PAGE_ORDER);
	return 0;
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t old = ksize(p);
	void *n;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (old >= new_size)
		return (void *)p;
	n = kmalloc(new_size, flags);
	if (n && old) {
		memcpy(n, p, old);
		kfree(p);
	}
	return n;
}

void kmalloc_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_caches); i++) {
		struct kmalloc_cache *c = &kmalloc_caches[i];

		c->objects = PAGE_SIZE / c->size;
		INIT_LIST_HEAD(&c->partial);
	}
	BUILD_BUG_ON(ARRAY_SIZE(kmalloc_caches) > SLAB_CACHE_MASK + 1);
	BUILD_BUG_ON(PAGE_SIZE / KMALLOC_MIN_SIZE > SLAB_INUSE_MASK);
}

/*
 * Objects handed out from the slabs and not yet freed: what a leak test
 * compares (a leaked object in a slab that also holds live ones does
 * not show in nr_free_pages()). The large ones, whole pages, are left
 * out: they do show there.
 */
unsigned long kmalloc_nr_objects(void)
{
	unsigned long n = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_caches); i++)
		n += READ_ONCE(kmalloc_caches[i].inuse);
	return n;
}

void kmalloc_show_stats(void)
{
	unsigned int i;

	pr_info("kmalloc: cache          inuse  slabs  allocs   frees\n");
	for (i = 0; i < ARRAY_SIZE(kmalloc_caches); i++) {
		const struct kmalloc_cache *c = &kmalloc_caches[i];

		if (c->allocs)
			pr_info("kmalloc: %-13s %6lu %6lu %7lu %7lu\n", c->name, c->inuse,
				c->nr_slabs, c->allocs, c->frees);
	}
	pr_info("kmalloc: large (pages)  %6lu %6lu\n", large_allocs, large_pages);
}
