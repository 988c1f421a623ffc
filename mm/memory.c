// SPDX-License-Identifier: GPL-2.0
/*
 * User page tables and the page fault: demand paging from highmem.
 *
 * A user page is allocated on first touch (do_anonymous_page), as
 * GFP_HIGHUSER_MOVABLE -- from ZONE_HIGHMEM when there is one -- and
 * zeroed through a local mapping (clear_user_highpage). fork() shares
 * every private page read-only (copy_page_range); the first write to
 * one copies it through two nested local mappings (do_wp_page ->
 * copy_user_highpage), or, when nobody else holds the page any more,
 * just makes it writable again. The kernel never addresses a user page
 * through the direct map, even when it happens to be lowmem.
 *
 * Page tables are highmem pages too (CONFIG_HIGHPTE): every walk maps
 * the table with pte_offset_map() and unmaps it with pte_unmap()
 * (<asm/pgalloc.h>). The caller holds mm->mmap_lock.
 *
 * TLB: a user mm is loaded only on the CPU running its (only) task
 * (<asm/mmu_context.h>), so a PTE change needs a local invlpg when the
 * mm is current's, and nothing when it is not loaded anywhere.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/highmem.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <kmaplab/fault.h>

static void flush_tlb_user_page(struct mm_struct *mm, unsigned long addr)
{
	if (current->mm == mm)
		__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	u64 prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW | _PAGE_DIRTY;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	prot &= __supported_pte_mask;
	/*
	 * PROT_NONE: not present, so that the kernel's copy_{to,from}_user()
	 * faults on it too and the fault handler refuses (as on Linux: a
	 * supervisor access ignores _PAGE_USER); _PAGE_PROTNONE keeps the
	 * page known to zap, fork and mprotect.
	 */
	if (!(vm_flags & VM_ACCESS_FLAGS))
		prot = (prot & ~_PAGE_PRESENT) | _PAGE_PROTNONE;
	return __pgprot(prot);
}

/* The PTE slot for addr, mapped; allocates the page table. */
static pte_t *pte_alloc_map(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_offset_user(mm, addr);

	if (pmd_none(*pmd)) {
		struct page *pt = pte_alloc_one(mm);

		if (!pt)
			return NULL;
		clear_highpage(pt);
		set_pmd(pmd, __pmd(page_to_phys(pt) | _PAGE_TABLE));
		mm->nr_ptes++;
	}
	return pte_offset_map(pmd, addr);
}

/* The PTE slot for addr, mapped, or NULL when there is no page table. */
static pte_t *pte_lookup_map(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_offset_user(mm, addr);

	return pmd_none(*pmd) ? NULL : pte_offset_map(pmd, addr);
}

static int do_anonymous_page(struct vm_area_struct *vma, unsigned long addr,
			     pte_t *pte)
{
	struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE);

	if (!page)
		return VM_FAULT_OOM;
	clear_user_highpage(page, addr);
	set_pte(pte, mk_pte(page, vm_get_page_prot(vma->vm_flags)));
	vma->vm_mm->rss++;
	return 0;
}

/* A write to a present, read-only page of a writable VMA: copy-on-write. */
static int do_wp_page(struct vm_area_struct *vma, unsigned long addr,
		      pte_t *pte, pte_t orig)
{
	struct page *old = pte_page(orig), *new;

	if (page_ref_count(old) == 1) {
		/* Nobody else has it any more: reuse it. */
		set_pte(pte, pte_mkwrite(orig));
		flush_tlb_user_page(vma->vm_mm, addr);
		return 0;
	}
	new = alloc_page(GFP_HIGHUSER_MOVABLE);
	if (!new)
		return VM_FAULT_OOM;
	copy_user_highpage(new, old, addr);
	set_pte(pte, mk_pte(new, vm_get_page_prot(vma->vm_flags)));
	flush_tlb_user_page(vma->vm_mm, addr);
	put_page(old);
	return 0;
}

/*
 * Debug (fault_sleep_ms, mm/fault_stats.c): an anonymous fault sleeps
 * first, as one that reads its page from disk would -- before any page
 * table is mapped, as Linux allocates (and may sleep) before it maps
 * the PTE. mmap_lock is held: nobody fills the PTE meanwhile.
 */
static void anonymous_fault_sleep(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_lookup_map(mm, addr);
	bool missing = !pte || !pte_present(*pte);

	if (pte)
		pte_unmap(pte);
	if (missing)
		fault_sleep();
}

/*
 * Resolve a fault at address inside vma (the caller checked the access
 * against vm_flags). 0, or VM_FAULT_*.
 */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
		    unsigned int flags)
{
	unsigned long addr = address & PAGE_MASK;
	pte_t *pte, entry;
	int ret = 0;

	if (unlikely(fault_sleep_ms))
		anonymous_fault_sleep(vma->vm_mm, addr);
	pte = pte_alloc_map(vma->vm_mm, addr);
	if (!pte)
		return VM_FAULT_OOM;
	entry = *pte;
	if (!pte_present(entry))
		ret = do_anonymous_page(vma, addr, pte);
	else if ((flags & FAULT_FLAG_WRITE) && !pte_write(entry))
		ret = do_wp_page(vma, addr, pte, entry);
	else
		flush_tlb_user_page(vma->vm_mm, addr);	/* a stale TLB entry */
	pte_unmap(pte);
	return ret;
}

/*
 * might_fault(): a user access may fault, and the fault may sleep. As in
 * Linux until 3.11, it complains in atomic context even when page faults
 * are disabled; Linux since 4.2 stays quiet then (the access is fixed
 * up, never slept on), but a copy_to_user() under kmap_atomic() is
 * still a caller that did not say it expects a short copy. Said with
 * __copy_to_user_inatomic() (no might_fault()), it is not reported.
 */
void __might_fault(const char *file, int line)
{
	__might_sleep(file, line);
	if (in_atomic() && pagefault_disabled() && current->kmap_ctrl.idx &&
	    scheduler_running)
		printk(KERN_ERR "%s holds a kmap_atomic() mapping: this user copy "
		       "cannot fault the page in, it stops short -- use "
		       "__copy_{to,from}_user_inatomic() and handle the bytes left\n",
		       current->comm);
}

/* Map page at addr (execve fills text and data this way). */
int install_user_page(struct mm_struct *mm, unsigned long addr,
		      struct page *page, unsigned long vm_flags)
{
	pte_t *pte = pte_alloc_map(mm, addr);

	if (!pte)
		return -ENOMEM;
	if (WARN_ON(pte_present(*pte))) {
		pte_unmap(pte);
		return -EEXIST;
	}
	set_pte(pte, mk_pte(page, vm_get_page_prot(vm_flags)));
	mm->rss++;
	pte_unmap(pte);
	return 0;
}

/* Walk [start, end) one page table at a time: fn on each present PTE. */
static void walk_range(struct mm_struct *mm, unsigned long start,
		       unsigned long end,
		       void (*fn)(struct mm_struct *, unsigned long, pte_t *, void *),
		       void *arg)
{
	unsigned long addr = start;

	while (addr < end) {
		unsigned long next = min((addr & PMD_MASK) + PMD_SIZE, end);
		pte_t *pte = pte_lookup_map(mm, addr), *p;

		if (pte) {
			for (p = pte; addr < next; addr += PAGE_SIZE, p++)
				if (pte_present(*p))
					fn(mm, addr, p, arg);
			pte_unmap(pte);
		}
		addr = next;
	}
}

static void zap_one(struct mm_struct *mm, unsigned long addr, pte_t *pte, void *arg)
{
	struct page *page = pte_page(*pte);

	pte_clear(mm, addr, pte);
	flush_tlb_user_page(mm, addr);
	put_page(page);
	mm->rss--;
}

void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end)
{
	walk_range(vma->vm_mm, start, end, zap_one, NULL);
}

static void protect_one(struct mm_struct *mm, unsigned long addr, pte_t *pte,
			void *arg)
{
	struct vm_area_struct *vma = arg;
	pte_t entry = pfn_pte(pte_pfn(*pte), vm_get_page_prot(vma->vm_flags));

	/* A page shared copy-on-write stays read-only whatever mprotect says. */
	if (!pte_write(*pte))
		entry = pte_wrprotect(entry);
	set_pte(pte, entry);
	flush_tlb_user_page(mm, addr);
}

void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end)
{
	walk_range(vma->vm_mm, start, end, protect_one, vma);
}

/* After the last VMA is gone: the page tables themselves. */
void free_pgtables(struct mm_struct *mm)
{
	unsigned long addr;

	for (addr = 0; addr < TASK_SIZE; addr += PMD_SIZE) {
		pmd_t *pmd = pmd_offset_user(mm, addr);

		if (pmd_none(*pmd))
			continue;
		__free_page(pmd_page(*pmd));
		pmd_clear(pmd);
		mm->nr_ptes--;
	}
}

struct copy_arg {
	struct mm_struct *dst;
	struct vm_area_struct *vma;
	int err;
};

/*
 * fork: share the page. A private writable page becomes read-only in
 * both processes; the first write in either copies it (do_wp_page).
 */
static void copy_one(struct mm_struct *src, unsigned long addr, pte_t *spte,
		     void *arg)
{
	struct copy_arg *c = arg;
	pte_t entry = *spte, *dpte;

	if (c->err)
		return;
	if (c->vma->vm_flags & VM_WRITE) {
		entry = pte_wrprotect(entry);
		set_pte(spte, entry);
	}
	dpte = pte_alloc_map(c->dst, addr);	/* nested: src's table is mapped */
	if (!dpte) {
		c->err = -ENOMEM;
		return;
	}
	get_page(pte_page(entry));
	set_pte(dpte, entry);
	c->dst->rss++;
	pte_unmap(dpte);
}

int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	struct copy_arg c = { dst, vma, 0 };

	walk_range(src, vma->vm_start, vma->vm_end, copy_one, &c);
	return c.err;
}

static void follow_one(struct mm_struct *mm, unsigned long addr, pte_t *pte,
		       void *arg)
{
	struct page **pp = arg;

	pp[0] = pte_page(*pte);
	get_page(pp[0]);
	if (pte_write(*pte))
		pp[1] = pp[0];
}

struct page *follow_page(struct mm_struct *mm, unsigned long addr, bool *writable)
{
	struct page *pp[2] = { NULL, NULL };

	addr &= PAGE_MASK;
	walk_range(mm, addr, addr + PAGE_SIZE, follow_one, pp);
	if (writable)
		*writable = pp[1];
	return pp[0];
}
