/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HIGHMEM_INTERNAL_H
#define _LINUX_HIGHMEM_INTERNAL_H

/*
 * The mapping primitives behind <linux/highmem.h>, as in Linux's
 * highmem-internal.h. kmaplab is always a HIGHMEM kernel.
 *
 * kmaplab-lint: allow kmap kunmap kmap_atomic kmap_atomic_prot kmap_atomic_pfn kunmap_atomic -- defines the deprecated API on top of kmap_local
 */
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/uaccess.h>
#include <asm/highmem.h>

/* mm/highmem.c: kmap_local and kmap_atomic */
void *__kmap_local_pfn_prot(unsigned long pfn, pgprot_t prot);
void *__kmap_local_page_prot(struct page *page, pgprot_t prot);
void kunmap_local_indexed(const void *vaddr);
/* The context switch's half (sched/core.c calls them when a task holds maps). */
void __kmap_local_sched_out(void);
void __kmap_local_sched_in(void);

/* mm/pkmap.c: kmap()'s global pool */
void *kmap_high(struct page *page);
void kunmap_high(struct page *page);
void kmap_flush_unused(void);
struct page *__kmap_to_page(void *addr);
void kmap_from_interrupt(void);		/* mm/kmap_slot_debug.c */

/* --- kmap(): the global pool --------------------------------------------- */

static inline void *kmap(struct page *page)
{
	if (unlikely(in_interrupt()))
		kmap_from_interrupt();
	might_sleep();
	if (!PageHighMem(page))
		return page_address(page);
	return kmap_high(page);
}

static inline void kunmap(struct page *page)
{
	if (!PageHighMem(page))
		return;
	kunmap_high(page);
}

static inline struct page *kmap_to_page(void *addr)
{
	return __kmap_to_page(addr);
}

/* --- kmap_local: thread-local, CPU-local, preemptible ------------------- */

static inline void *kmap_local_page(struct page *page)
{
	return __kmap_local_page_prot(page, kmap_prot);
}

static inline void *kmap_local_page_prot(struct page *page, pgprot_t prot)
{
	return __kmap_local_page_prot(page, prot);
}

static inline void *kmap_local_pfn(unsigned long pfn)
{
	return __kmap_local_pfn_prot(pfn, kmap_prot);
}

/* True when addr lies in some CPU's kmap_local slots. */
static inline bool kmap_local_addr(unsigned long addr)
{
	return addr >= __fix_to_virt(FIX_KMAP_END) &&
	       addr < __fix_to_virt(FIX_KMAP_BEGIN) + PAGE_SIZE;
}

static inline void __kunmap_local(const void *vaddr)
{
#ifndef CONFIG_DEBUG_KMAP_LOCAL
	/* A lowmem address came from the fast path: nothing to undo. */
	if (!kmap_local_addr((unsigned long)vaddr))
		return;
#endif
	/* The debug build checks every address, out of line. */
	kunmap_local_indexed(vaddr);
}

/* --- kmap_atomic: kmap_local plus no preemption, no page faults ---------- */

static inline void *kmap_atomic_prot(struct page *page, pgprot_t prot)
{
	preempt_disable();
	pagefault_disable();
	return __kmap_local_page_prot(page, prot);
}

static inline void *kmap_atomic(struct page *page)
{
	return kmap_atomic_prot(page, kmap_prot);
}

static inline void *kmap_atomic_pfn(unsigned long pfn)
{
	preempt_disable();
	pagefault_disable();
	return __kmap_local_pfn_prot(pfn, kmap_prot);
}

static inline void __kunmap_atomic(const void *addr)
{
	kunmap_local_indexed(addr);
	pagefault_enable();
	preempt_enable();
}

static inline bool is_kmap_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return (addr >= PKMAP_ADDR(0) && addr < PKMAP_ADDR(LAST_PKMAP)) ||
	       kmap_local_addr(addr);
}

/*
 * Unmap by address; a struct page * here is a common mistake (kunmap()
 * takes the page, these take the address) and is refused at compile time.
 */
#define kunmap_atomic(__addr)						\
do {									\
	BUILD_BUG_ON(__same_type((__addr), struct page *));		\
	__kunmap_atomic(__addr);					\
} while (0)

#define kunmap_local(__addr)						\
do {									\
	BUILD_BUG_ON(__same_type((__addr), struct page *));		\
	__kunmap_local(__addr);						\
} while (0)

#endif /* _LINUX_HIGHMEM_INTERNAL_H */
