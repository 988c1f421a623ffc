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

void kmalloc_init(void);

#endif /* _LINUX_SLAB_H */
