// SPDX-License-Identifier: GPL-2.0
/*
 * kmap(): the legacy global pool of LAST_PKMAP mappings (pkmap).
 *
 * Every slot has a count:
 *   0    free, and no CPU can have it in its TLB
 *   1    mapped, nobody uses it; may still be cached in some TLB
 *   n>1  in use by n - 1 kmap() callers
 *
 * kunmap() only drops the count: unmapping is lazy. A count-1 slot is
 * reclaimed when the search for a free slot wraps round to slot 0: then
 * flush_all_zero_pkmaps() clears every count-1 PTE and does ONE global
 * TLB flush for all of them. When no slot is free at all the caller
 * sleeps until a kunmap() makes one. One lock, kmap_lock, covers it all:
 * the pool is shared by every CPU, which is the problem with kmap().
 *
 * page_address() of a highmem page finds its pkmap address through a
 * small hash (as Linux's HASHED_PAGE_VIRTUAL) rather than a field in
 * struct page: 4 bytes in every struct page would cost more lowmem than
 * a table sized by the 512 slots.
 *
 * kmaplab-lint: allow kmap kunmap -- implements kmap()'s global pkmap pool
 */
#include <linux/highmem.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <kmaplab/bug.h>
#include <kmaplab/highmem.h>
#include <trace/events/kmap.h>


static int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;
static DEFINE_SPINLOCK(kmap_lock);
static DECLARE_WAIT_QUEUE_HEAD(pkmap_map_wait);

/* --- page -> pkmap address ------------------------------------------------ */

#define PA_HASH_BITS 7
#define PA_HASH_SIZE (1 << PA_HASH_BITS)

/*
 * Chains run through the slots themselves; links hold slot + 1 so that
 * 0, the value everything starts with, means "end of chain".
 */
static struct page *slot_page[LAST_PKMAP];	/* page in each mapped slot */
static u16 slot_next[LAST_PKMAP];
static u16 hash_head[PA_HASH_SIZE];
static DEFINE_SPINLOCK(pa_lock);		/* readers may be in any context */

static unsigned int pa_hash(const struct page *page)
{
	return (page_to_pfn(page) * 0x9e3779b1U) >> (32 - PA_HASH_BITS);
}

/*
 * Linux's set_page_address(): record that page is mapped at virtual (a
 * pkmap address), or with virtual NULL, that it is not mapped any more.
 */
static void set_page_address(struct page *page, void *virtual)
{
	u16 *link = &hash_head[pa_hash(page)];
	unsigned long flags;
	unsigned int nr;

	spin_lock_irqsave(&pa_lock, flags);
	if (virtual) {
		nr = PKMAP_NR((unsigned long)virtual);
		slot_page[nr] = page;
		slot_next[nr] = *link;
		*link = nr + 1;
	} else {
		/* A page is in the pool once at most: unlink its slot. */
		while (*link && slot_page[*link - 1] != page)
			link = &slot_next[*link - 1];
		BUG_ON(!*link);
		nr = *link - 1;
		*link = slot_next[nr];
		slot_page[nr] = NULL;
	}
	spin_unlock_irqrestore(&pa_lock, flags);
}

/* The walk of page's chain; the caller keeps the writers out. */
static __always_inline void *pa_lookup(const struct page *page)
{
	unsigned int link;

	for (link = hash_head[pa_hash(page)]; link; link = slot_next[link - 1])
		if (slot_page[link - 1] == page)
			return (void *)PKMAP_ADDR(link - 1);
	return NULL;
}

/* page_address() for a highmem page: its pkmap address, or NULL. */
void *page_address_highmem(const struct page *page)
{
	unsigned long flags;
	void *ret;

	spin_lock_irqsave(&pa_lock, flags);
	ret = pa_lookup(page);
	spin_unlock_irqrestore(&pa_lock, flags);
	return ret;
}

/*
 * The same under kmap_lock, without pa_lock: every writer of the hash
 * (set_page_address(), from map_new_virtual() and flush_all_zero_pkmaps())
 * holds kmap_lock, so a reader that holds it sees no change under way.
 * pa_lock is for page_address() callers that do not hold kmap_lock. This
 * saves kmap() and kunmap() an IRQ-saving lock pair each (Linux takes
 * both; docs/performance.md).
 */
static void *page_address_kmap_locked(const struct page *page)
{
	return pa_lookup(page);
}

/* --- the pool --------------------------------------------------------------- */

/*
 * Reclaim every slot nobody uses (count 1): clear its PTE and forget its
 * page, then flush the whole pkmap range once. That range is far above
 * the single-page flush ceiling, so it is a full, global TLB flush --
 * on every CPU, once there are several.
 */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;
	int i;

	for (i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		BUG_ON(pte_none(pkmap_page_table[i]));
		set_page_address(slot_page[i], NULL);
		pte_clear(&init_mm, PKMAP_ADDR(i), &pkmap_page_table[i]);
		need_flush = true;
	}
	if (need_flush)
		flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
}

/* Drop all unused mappings now rather than at the next wrap. */
void kmap_flush_unused(void)
{
	spin_lock(&kmap_lock);
	flush_all_zero_pkmaps();
	spin_unlock(&kmap_lock);
}

/* Called with kmap_lock held; may drop it to sleep. */
static unsigned long map_new_virtual(struct page *page)
{
	unsigned int count;
	void *vaddr;

start:
	count = LAST_PKMAP;
	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (!last_pkmap_nr) {
			this_cpu_inc(kmap_stats.pkmap_wraps);
			trace_kmap_high_wrap();
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count)
			continue;

		/* Every slot is in use: sleep until kunmap() frees one. */
		{
			DECLARE_WAITQUEUE(wait, current);

			this_cpu_inc(kmap_stats.pkmap_sleeps);
			trace_kmap_high_sleep(page);
			__set_current_state(TASK_UNINTERRUPTIBLE);
			add_wait_queue(&pkmap_map_wait, &wait);
			spin_unlock(&kmap_lock);
			schedule();
			remove_wait_queue(&pkmap_map_wait, &wait);
			spin_lock(&kmap_lock);

			/* Another task may have mapped this page meanwhile. */
			vaddr = page_address_kmap_locked(page);
			if (vaddr)
				return (unsigned long)vaddr;
			goto start;
		}
	}
	set_pte(&pkmap_page_table[last_pkmap_nr], mk_pte(page, kmap_prot));
	pkmap_count[last_pkmap_nr] = 1;
	set_page_address(page, (void *)PKMAP_ADDR(last_pkmap_nr));
	this_cpu_inc(kmap_stats.pkmap_map);
	return PKMAP_ADDR(last_pkmap_nr);
}

void *kmap_high(struct page *page)
{
	unsigned long vaddr;

	spin_lock(&kmap_lock);
	vaddr = (unsigned long)page_address_kmap_locked(page);
	if (!vaddr)
		vaddr = map_new_virtual(page);
	else
		this_cpu_inc(kmap_stats.pkmap_hit);
	pkmap_count[PKMAP_NR(vaddr)]++;
	BUG_ON(pkmap_count[PKMAP_NR(vaddr)] < 2);
	trace_kmap_high_map(PKMAP_NR(vaddr), page, pkmap_count[PKMAP_NR(vaddr)]);
	spin_unlock(&kmap_lock);
	return (void *)vaddr;
}

void kunmap_high(struct page *page)
{
	unsigned long vaddr;
	bool need_wakeup;
	unsigned int nr;

	spin_lock(&kmap_lock);
	vaddr = (unsigned long)page_address_kmap_locked(page);
	nr = vaddr ? PKMAP_NR(vaddr) : 0;
	if (!vaddr || pkmap_count[nr] < 2) {
		/* Unlock first: the report must not leave the pool locked. */
		spin_unlock(&kmap_lock);
		if (!vaddr)
			BUG_MSG("kunmap: page (pfn %#lx) is not mapped by kmap()",
				page_to_pfn(page));
		BUG_MSG("kunmap: page (pfn %#lx) is not mapped by kmap(): its pool "
			"slot %u has no users left (unmapped more often than mapped)",
			page_to_pfn(page), nr);
	}
	pkmap_count[nr]--;
	trace_kmap_high_unmap(nr, page, pkmap_count[nr]);
	/* Down to 1: the slot is reclaimable, a sleeping kmap() can retry. */
	need_wakeup = pkmap_count[nr] == 1 && waitqueue_active(&pkmap_map_wait);
	if (need_wakeup)
		trace_kmap_high_wake(nr, pkmap_count[nr]);
	spin_unlock(&kmap_lock);
	if (need_wakeup)
		wake_up(&pkmap_map_wait);
}

struct page *__kmap_to_page(void *vaddr)
{
	unsigned long addr = (unsigned long)vaddr;

	if (addr >= PKMAP_ADDR(0) && addr < PKMAP_ADDR(LAST_PKMAP)) {
		pte_t pte = pkmap_page_table[PKMAP_NR(addr)];

		return pte_present(pte) ? pfn_to_page(pte_pfn(pte)) : NULL;
	}
	if (kmap_local_addr(addr)) {
		pte_t pte = *virt_to_kpte(addr & PAGE_MASK);

		return pte_present(pte) ? pfn_to_page(pte_pfn(pte)) : NULL;
	}
	return virt_to_page(vaddr);
}

int pkmap_slots_in_use(void)
{
	int i, n = 0;

	spin_lock(&kmap_lock);
	for (i = 0; i < LAST_PKMAP; i++)
		n += pkmap_count[i] > 1;
	spin_unlock(&kmap_lock);
	return n;
}

/* The pool as the monitor's "kmaps" shows it. */
void show_pkmaps(void)
{
	int i, used = 0, lazy = 0;

	spin_lock(&kmap_lock);
	pr_info("pkmap pool: %d slots at %08lx-%08lx, next search from slot %u\n",
		LAST_PKMAP, PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP) - 1,
		(last_pkmap_nr + 1) & LAST_PKMAP_MASK);
	for (i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] > 1) {
			used++;
			pr_info("  slot %3d  %08lx  pfn %#07lx  users %d\n", i,
				PKMAP_ADDR(i), page_to_pfn(slot_page[i]),
				pkmap_count[i] - 1);
		} else if (pkmap_count[i] == 1) {
			lazy++;
		}
	}
	pr_info("  %d in use, %d mapped but unused (reclaimed at the next wrap), %d free\n",
		used, lazy, LAST_PKMAP - used - lazy);
	spin_unlock(&kmap_lock);
}
