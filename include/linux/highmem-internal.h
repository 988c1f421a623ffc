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
#include <kmaplab/highmem.h>

/* mm/highmem.c: kmap_local and kmap_atomic */
void *__kmap_local_pfn_prot(unsigned long pfn, pgprot_t prot);
void *__kmap_regparm __kmap_local_page_high(struct page *page);
void __kmap_regparm kunmap_local_indexed(const void *vaddr);
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
		return lowmem_page_address(page);
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

/*
 * kmap_local_page(), kmap_local_page_prot() and kmap_atomic() all come
 * here: a lowmem page needs no slot, its direct-map address will do.
 * Inline, as in Linux, so that the lowmem case is a test, a per-CPU
 * increment and the address computation (docs/performance.md).
 */
static __always_inline bool kmap_local_direct(struct page *page)
{
	if (PageHighMem(page) || kmap_local_force_map)
		return false;
	this_cpu_inc(kmap_stats.lowmem_fast);
	return true;
}

/*
 * The direct map ends below PAGE_OFFSET + MAXMEM (find_low_pfn_range()
 * caps lowmem there), far below the slots. Saying so costs nothing and
 * lets the compiler drop an inline kunmap_local()'s compare on the
 * lowmem path when it sees both calls (docs/performance.md).
 */
static __always_inline void *kmap_local_lowmem_address(struct page *page)
{
	void *addr = lowmem_page_address(page);

	BUILD_BUG_ON(PAGE_OFFSET + MAXMEM > __fix_to_virt(FIX_KMAP_END));
	if ((unsigned long)addr >= PAGE_OFFSET + MAXMEM)
		unreachable();
	return addr;
}

static inline void *__kmap_local_page_prot(struct page *page, pgprot_t prot)
{
	if (kmap_local_direct(page))
		return kmap_local_lowmem_address(page);
	return __kmap_local_pfn_prot(page_to_pfn(page), prot);
}

/* kmap_prot is a variable (NX or not): read it on the highmem path only. */
static inline void *kmap_local_page(struct page *page)
{
	if (kmap_local_direct(page))
		return kmap_local_lowmem_address(page);
	return __kmap_local_page_high(page);
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
	/*
	 * Below the slots (lowmem: the fast path's address): nothing to
	 * undo. One compare; kunmap_local_indexed() sorts out the rest.
	 */
	if ((unsigned long)vaddr < __fix_to_virt(FIX_KMAP_END))
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
	preempt_disable();
	pagefault_disable();
	return kmap_local_page(page);
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
