// SPDX-License-Identifier: GPL-2.0
/*
 * vmap() and vmalloc(): virtually contiguous kernel mappings in the
 * vmalloc area (Linux's mm/vmalloc.c, with a sorted list instead of
 * red-black trees, and no lazy freeing).
 *
 * An area is [addr, addr + size), size counting one guard page at the
 * end that is never mapped: running off an area faults. Areas are kept
 * in a list sorted by address and found first-fit. Page tables for the
 * vmalloc area are allocated when first needed and never freed (there
 * is only one kernel page directory, so nothing needs syncing).
 *
 * TLB: mapping needs no flush -- the PTEs were empty, and every unmap
 * flushed what it cleared. vunmap() flushes its range at once
 * (flush_tlb_kernel_range(): invlpg per page up to the ceiling, else a
 * full flush). Linux defers and batches these flushes (lazy vunmap);
 * kmaplab does not, so the cost is visible where it is paid.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/tlbflush.h>
#include <kmaplab/mm.h>
#include "internal.h"

static struct vm_struct *vmlist;	/* sorted by addr */
static unsigned int nr_areas;
static unsigned long nr_mapped_pages;

static unsigned long mapped_size(const struct vm_struct *area)
{
	return area->size - ((area->flags & VM_NO_GUARD) ? 0 : PAGE_SIZE);
}

/* Reserve size bytes (guard included) of the vmalloc area, first fit. */
static struct vm_struct *get_vm_area(unsigned long size, unsigned long flags,
				     const void *caller)
{
	struct vm_struct *area = kzalloc(sizeof(*area), GFP_KERNEL), **link;
	unsigned long addr = VMALLOC_START, irqflags;

	if (!area)
		return NULL;
	mm_lock(irqflags);
	for (link = &vmlist; *link; link = &(*link)->next) {
		if (addr + size <= (unsigned long)(*link)->addr)
			break;
		addr = (unsigned long)(*link)->addr + (*link)->size;
	}
	if (addr + size < addr || addr + size > VMALLOC_END) {
		mm_unlock(irqflags);
		kfree(area);
		pr_warn("vmap allocation for size %lu failed: vmalloc area full\n", size);
		return NULL;
	}
	area->addr = (void *)addr;
	area->size = size;
	area->flags = flags;
	area->caller = caller;
	area->next = *link;
	*link = area;
	nr_areas++;
	mm_unlock(irqflags);
	return area;
}

/* Unlink the area that starts at addr; NULL if there is none. */
static struct vm_struct *remove_vm_area(const void *addr)
{
	struct vm_struct **link, *area = NULL;
	unsigned long flags;

	mm_lock(flags);
	for (link = &vmlist; *link; link = &(*link)->next) {
		if ((*link)->addr == addr) {
			area = *link;
			*link = area->next;
			nr_areas--;
			break;
		}
	}
	mm_unlock(flags);
	return area;
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct *area;
	unsigned long a = (unsigned long)addr, flags;

	mm_lock(flags);
	for (area = vmlist; area; area = area->next)
		if (a >= (unsigned long)area->addr && a < (unsigned long)area->addr + area->size)
			break;
	mm_unlock(flags);
	return area;
}

static void unmap_pages(unsigned long addr, unsigned int count)
{
	unsigned int i;

	for (i = 0; i < count; i++) {
		pte_t *pte = virt_to_kpte(addr + i * PAGE_SIZE);

		if (pte && !pte_none(*pte)) {
			pte_clear_kernel(pte);
			nr_mapped_pages--;
		}
	}
	flush_tlb_kernel_range(addr, addr + (unsigned long)count * PAGE_SIZE);
}

static int map_pages(unsigned long addr, struct page **pages, unsigned int count,
		     pgprot_t prot)
{
	unsigned int i;

	for (i = 0; i < count; i++) {
		unsigned long va = addr + i * PAGE_SIZE;
		pte_t *pte = kernel_pte_alloc(va);

		if (!pte || WARN_ON(!pages[i])) {
			unmap_pages(addr, i);
			return -ENOMEM;
		}
		WARN(!pte_none(*pte), "vmap: pte for %08lx already in use (%016llx)\n",
		     va, pte_val(*pte));
		set_pte(pte, mk_pte(pages[i], prot));
		nr_mapped_pages++;
	}
	return 0;
}

static struct vm_struct *__vmap(struct page **pages, unsigned int count,
				unsigned long flags, pgprot_t prot, const void *caller)
{
	struct vm_struct *area;
	unsigned long size;

	if (!count || count > totalram_pages())
		return NULL;
	size = (unsigned long)count << PAGE_SHIFT;
	if (!(flags & VM_NO_GUARD))
		size += PAGE_SIZE;
	area = get_vm_area(size, flags, caller);
	if (!area)
		return NULL;
	if (map_pages((unsigned long)area->addr, pages, count, prot)) {
		remove_vm_area(area->addr);
		kfree(area);
		return NULL;
	}
	area->nr_pages = count;
	return area;
}

void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot)
{
	struct vm_struct *area = __vmap(pages, count, flags | VM_MAP, prot,
					__builtin_return_address(0));

	if (!area)
		return NULL;
	if (flags & VM_MAP_PUT_PAGES)	/* vfree() will free them */
		area->pages = pages;
	return area->addr;
}

static void free_area_pages(struct vm_struct *area)
{
	unsigned int i;

	for (i = 0; i < area->nr_pages; i++)
		__free_page(area->pages[i]);
	kfree(area->pages);
}

/* Unmap (and flush) the area at addr; free its pages if it owns them. */
static void __vunmap(const void *addr, bool free_pages_too, const char *who)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area(addr);
	if (WARN(!area || area->addr != addr,
		 "Trying to %s() nonexistent vm area (%p)\n", who, addr))
		return;
	/*
	 * Unmap (and flush every CPU) while the addresses are still ours;
	 * only then give them back. In the other order another CPU could
	 * vmalloc the range in between, and this unmap would take down its
	 * fresh mapping.
	 */
	unmap_pages((unsigned long)area->addr, mapped_size(area) >> PAGE_SHIFT);
	remove_vm_area(addr);
	if (free_pages_too && area->pages)
		free_area_pages(area);
	kfree(area);
}

void vunmap(const void *addr)
{
	struct vm_struct *area = find_vm_area(addr);

	if (area && area->addr == addr && (area->flags & VM_ALLOC))
		WARN(1, "vunmap(%p): a vmalloc() area; use vfree()\n", addr);
	__vunmap(addr, false, "vunmap");
}

void vfree(const void *addr)
{
	__vunmap(addr, true, "vfree");
}

static void *__vmalloc_caller(unsigned long size, gfp_t gfp, const void *caller)
{
	unsigned int i, nr;
	struct page **pages;
	struct vm_struct *area;

	size = PAGE_ALIGN(size);
	if (!size || size >> PAGE_SHIFT > totalram_pages())
		return NULL;
	nr = size >> PAGE_SHIFT;
	pages = kmalloc_array(nr, sizeof(*pages), GFP_KERNEL | __GFP_NOWARN);
	if (!pages)
		return NULL;
	/* Any page will do, highmem first: only the mapping is contiguous. */
	for (i = 0; i < nr; i++) {
		pages[i] = alloc_page(gfp | __GFP_HIGHMEM | __GFP_NOWARN);
		if (!pages[i])
			goto fail;
	}
	area = __vmap(pages, nr, VM_ALLOC, PAGE_KERNEL, caller);
	if (!area)
		goto fail;
	area->pages = pages;
	return area->addr;
fail:
	if (!(gfp & __GFP_NOWARN))
		pr_warn("vmalloc error: size %lu, allocation failure\n", size);
	while (i--)
		__free_page(pages[i]);
	kfree(pages);
	return NULL;
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL, __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL | __GFP_ZERO, __builtin_return_address(0));
}

/* vmalloc() with the caller's gfp flags (__GFP_ZERO, __GFP_NOWARN). */
void *__vmalloc(unsigned long size, gfp_t gfp)
{
	return __vmalloc_caller(size, gfp, __builtin_return_address(0));
}

struct page *vmalloc_to_page(const void *addr)
{
	pte_t *pte = virt_to_kpte((unsigned long)addr);

	if (!is_vmalloc_addr(addr) || !pte || !pte_present(*pte) || !pfn_valid(pte_pfn(*pte)))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}

unsigned long vmalloc_to_pfn(const void *addr)
{
	struct page *page = vmalloc_to_page(addr);

	return page ? page_to_pfn(page) : 0;
}

unsigned long vmalloc_nr_pages(void)
{
	return READ_ONCE(nr_mapped_pages);
}

unsigned int vmalloc_nr_areas(void)
{
	return READ_ONCE(nr_areas);
}

/* /proc/vmallocinfo's format. */
void show_vmalloc_areas(void)
{
	struct vm_struct *area;
	unsigned long flags;

	mm_lock(flags);
	for (area = vmlist; area; area = area->next)
		pr_info("0x%08lx-0x%08lx %8lu %pS pages=%u%s%s\n",
			(unsigned long)area->addr, (unsigned long)area->addr + area->size,
			area->size, area->caller, area->nr_pages,
			(area->flags & VM_ALLOC) ? " vmalloc" : "",
			(area->flags & VM_MAP) ? " vmap" : "");
	mm_unlock(flags);
}

void __init vmalloc_init(void)
{
	BUG_ON(VMALLOC_START >= VMALLOC_END);
}
