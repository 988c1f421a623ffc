// SPDX-License-Identifier: GPL-2.0
/*
 * Allocation helpers on top of kmalloc() and vmalloc(), as in Linux's
 * mm/util.c: kvmalloc()/kvfree(), kmemdup(), kstrdup().
 */
#include <linux/bug.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

/*
 * kmalloc() first -- physically contiguous, no page-table work -- but
 * for more than a page without the caller's leave to fail
 * (__GFP_NORETRY) that is just a first try: vmalloc() needs only
 * single pages. As in Linux, a size over INT_MAX is a bug in the caller
 * (an unchecked multiplication, usually) and is refused.
 */
void *kvmalloc_node(size_t size, gfp_t flags, int node)
{
	void *p;

	if (size > PAGE_SIZE)
		p = kmalloc_node(size, flags | __GFP_NOWARN, node);
	else
		p = kmalloc_node(size, flags, node);
	if (p || size <= PAGE_SIZE)
		return p;
	if (unlikely(size > INT_MAX)) {
		WARN_ON_ONCE(!(flags & __GFP_NOWARN));
		return NULL;
	}
	return __vmalloc(size, flags);
}

void kvfree(const void *addr)
{
	if (is_vmalloc_addr(addr))
		vfree(addr);
	else
		kfree(addr);
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}
