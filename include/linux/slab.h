/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>

/*
 * kmalloc (mm/slab.c): small lowmem objects. Requests up to
 * KMALLOC_MAX_CACHE_SIZE come from size-class caches (kmalloc-8 ...
 * kmalloc-2048), each a list of one-page slabs; bigger ones are whole
 * page blocks straight from the buddy allocator. Every object has a
 * direct-map address, so __GFP_HIGHMEM is refused. Objects are at least
 * 8-byte aligned, power-of-two sizes naturally aligned.
 */
#define KMALLOC_MIN_SIZE 8
#define KMALLOC_SHIFT_HIGH 11
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE (1UL << (12 + 10))	/* an order-10 block */
#define ARCH_KMALLOC_MINALIGN 8

/* kmalloc(0) returns this: not NULL, but faults if dereferenced. */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *objp);
/* Usable size of a kmalloc'ed object (its size class). */
size_t ksize(const void *objp);
void *krealloc(const void *p, size_t new_size, gfp_t flags);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (check_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/*
 * The _node variants: kmaplab has one memory node (no NUMA), so node is
 * checked to be NUMA_NO_NODE or 0 and otherwise ignored.
 */
#define NUMA_NO_NODE (-1)

static inline void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	return kmalloc(size, flags);
}

static inline void *kzalloc_node(size_t size, gfp_t flags, int node)
{
	return kmalloc_node(size, flags | __GFP_ZERO, node);
}

static inline void *kmalloc_array_node(size_t n, size_t size, gfp_t flags,
				       int node)
{
	return kmalloc_array(n, size, flags);
}

static inline void *kcalloc_node(size_t n, size_t size, gfp_t flags, int node)
{
	return kmalloc_array_node(n, size, flags | __GFP_ZERO, node);
}

/*
 * kvmalloc(): kmalloc() when that can work, else vmalloc(); free with
 * kvfree(), which tells them apart by address (mm/util.c). As in Linux,
 * a size over INT_MAX is refused (with a warning unless __GFP_NOWARN).
 */
void *kvmalloc_node(size_t size, gfp_t flags, int node);
void kvfree(const void *addr);

static inline void *kvmalloc(size_t size, gfp_t flags)
{
	return kvmalloc_node(size, flags, NUMA_NO_NODE);
}

static inline void *kvzalloc_node(size_t size, gfp_t flags, int node)
{
	return kvmalloc_node(size, flags | __GFP_ZERO, node);
}

static inline void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | __GFP_ZERO);
}

static inline void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kvmalloc(bytes, flags);
}

static inline void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kvmalloc_array(n, size, flags | __GFP_ZERO);
}

/* mm/util.c: copies in kmalloc()ed memory. */
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);

/* Per-cache statistics, printed by show_mem(). */
void kmalloc_show_stats(void);
void kmalloc_init(void);

#endif /* _LINUX_SLAB_H */
