/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <asm/pgtable_types.h>

struct page;

/*
 * The vmalloc area (VMALLOC_START..VMALLOC_END, see <asm/pgtable_32_areas.h>):
 * long-lived, virtually contiguous kernel mappings of pages that need
 * not be physically contiguous -- and may be highmem. Each area is
 * followed by an unmapped guard page, so running off its end faults.
 * Mapping needs no TLB flush (the PTEs were empty and every unmap
 * flushed); vunmap() flushes what it unmapped (flush_tlb_kernel_range).
 */
#define VM_IOREMAP	0x00000001	/* (unused) */
#define VM_ALLOC	0x00000002	/* vmalloc(): vfree() frees the pages */
#define VM_MAP		0x00000004	/* vmap()ed pages */
#define VM_USERMAP	0x00000008
#define VM_NO_GUARD	0x00000040	/* no guard page after the area */
#define VM_MAP_PUT_PAGES 0x00000200	/* vfree() drops the pages too */

struct vm_struct {
	struct vm_struct *next;		/* sorted by address */
	void *addr;
	unsigned long size;		/* including the guard page */
	unsigned long flags;
	struct page **pages;
	unsigned int nr_pages;
	const void *caller;
};

void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
void vunmap(const void *addr);

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp_mask);
void vfree(const void *addr);

struct vm_struct *find_vm_area(const void *addr);
/* The page mapped at a vmalloc address (walks the page table), or NULL. */
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);

/* Pages mapped in the vmalloc area right now, and areas in use. */
unsigned long vmalloc_nr_pages(void);
unsigned int vmalloc_nr_areas(void);

#endif /* _LINUX_VMALLOC_H */
