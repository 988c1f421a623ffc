// SPDX-License-Identifier: GPL-2.0
/*
 * May a user page table live above 4 GiB? PAE says yes: a page-directory
 * entry holds a 36-bit (here up to 52-bit) physical address, and Linux's
 * CONFIG_HIGHPTE tables sat wherever GFP_HIGHUSER put them. But QEMU
 * 7.2's qemu-system-i386 (TCG) reads the page-table entries of its page
 * walk through its softmmu TLB, whose addresses are target_ulong, 32 bits
 * on the i386 target: probe_access_full(env, target_ulong addr, ...) in
 * ptw_translate(), target/i386/tcg/sysemu/excp_helper.c. A table at
 * 4 GiB + x is read at x; a *page* up there is fine (the walk's result is
 * a hwaddr). qemu-system-x86_64, same version, walks it correctly.
 *
 * So kmaplab asks the CPU at boot, on a spare page-directory entry of
 * kernel space (the 8 MiB hole after the direct map, which nothing
 * maps), rather than guessing from the engine's name:
 *
 *   forward: the PDE points at a table T above 4 GiB whose entry i maps
 *	a page of known data. A correct walker reads the data; one that
 *	truncates reads entry i of T - 4 GiB instead.
 *   reverse: the PDE points at B = L + 4 GiB, where L is our table below
 *	4 GiB that maps the data. A correct walker reads B's entry i; one
 *	that truncates reads the data through L.
 *
 * The entry i of the page we do not own (T - 4 GiB, or B) is picked
 * zero, so whichever walker runs never finds it present and never sets
 * an accessed bit in someone else's memory; interrupts are off across
 * the read. When the forward probe fails, user page tables are kept
 * below 4 GiB (pte_alloc_one(), arch/x86/mm/pgtable.c), with one line
 * at boot saying why.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/highmem.h>
#include <linux/memblock.h>
#include <linux/uaccess.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/irqflags.h>
#include <kmaplab/highpte.h>

#define SZ_4G (1ULL << 32)
#define PROBE_MAGIC 0x6b6d61706c616221ULL	/* "!balpamk" */
#define PROBE_TRIES 4096

bool highpte_below_4g;

/* A GFP_HIGHUSER page above 4 GiB, or NULL after PROBE_TRIES others. */
struct page *alloc_page_above_4g(gfp_t gfp)
{
	struct page *page = NULL, *p, *tmp;
	LIST_HEAD(rejects);
	int i;

	if ((u64)max_pfn << PAGE_SHIFT <= SZ_4G)
		return NULL;
	for (i = 0; i < PROBE_TRIES; i++) {
		p = alloc_page(gfp | __GFP_NOWARN);
		if (!p)
			break;
		if (page_to_phys(p) >= SZ_4G) {
			page = p;
			break;
		}
		list_add(&p->lru, &rejects);
	}
	list_for_each_entry_safe(p, tmp, &rejects, lru) {
		list_del(&p->lru);
		__free_page(p);
	}
	return page;
}

/* A zero entry of the RAM page at phys, or -1: the walk may read it. */
static int zero_entry(phys_addr_t phys)
{
	u64 *e;
	int i;

	if (!memblock_is_memory(phys) || !pfn_valid(phys >> PAGE_SHIFT))
		return -1;
	e = kmap_local_page(pfn_to_page(phys >> PAGE_SHIFT));
	for (i = 0; i < PTRS_PER_PTE && e[i]; i++)
		;
	kunmap_local(e);
	return i < PTRS_PER_PTE ? i : -1;
}

/* The first whole 2 MiB of the hole between the direct map and vmalloc. */
static unsigned long probe_va(void)
{
	return ALIGN((unsigned long)high_memory, PMD_SIZE);
}

/*
 * Fill entry idx of table to map data, point the spare PDE at pde_phys,
 * and read through it with interrupts off. FILLED, FAULTED or OTHER.
 */
static enum pte_walk_probe probe_read(struct page *table, phys_addr_t pde_phys,
				      int idx, struct page *data)
{
	unsigned long va = probe_va() + idx * PAGE_SIZE, flags;
	pmd_t *pmd = pmd_off_k(va);
	pte_t *pte;
	u64 val = 0;
	long err;

	if (WARN_ON(!pmd_none(*pmd)))
		return PTE_WALK_OTHER;
	clear_highpage(table);
	pte = kmap_local_page(table);
	set_pte(pte + idx, pfn_pte(page_to_pfn(data),
				   __pgprot(_PAGE_PRESENT | _PAGE_ACCESSED)));
	kunmap_local(pte);
	local_irq_save(flags);
	set_pmd(pmd, __pmd(pde_phys | _KERNPG_TABLE));
	__flush_tlb_one_kernel(va);
	err = copy_from_kernel_nofault(&val, (void *)va, sizeof(val));
	pmd_clear(pmd);
	__flush_tlb_one_kernel(va);
	local_irq_restore(flags);
	if (err)
		return PTE_WALK_FAULTED;
	return val == PROBE_MAGIC ? PTE_WALK_FILLED : PTE_WALK_OTHER;
}

/*
 * One probe (see the top of the file): forward through a table above
 * 4 GiB, or reverse through the address 4 GiB above a table below it.
 */
enum pte_walk_probe pte_walk_probe(bool reverse)
{
	enum pte_walk_probe ret = PTE_WALK_NO_PAGES;
	struct page *table, *data = alloc_page(GFP_KERNEL);
	phys_addr_t pde_phys, other;
	u64 *d;
	int idx;

	if (!data)
		return ret;
	d = kmap_local_page(data);
	d[0] = PROBE_MAGIC;
	kunmap_local(d);
	table = reverse ? alloc_page(GFP_KERNEL) : alloc_page_above_4g(GFP_HIGHUSER);
	if (!table)
		goto out;
	pde_phys = page_to_phys(table) + (reverse ? SZ_4G : 0);
	other = reverse ? pde_phys : pde_phys - SZ_4G;	/* not ours */
	idx = zero_entry(other);
	if (idx >= 0)
		ret = probe_read(table, pde_phys, idx, data);
	__free_page(table);
out:
	__free_page(data);
	return ret;
}

void __init highpte_check(void)
{
	enum pte_walk_probe fwd, rev;

	if ((u64)max_pfn << PAGE_SHIFT <= SZ_4G)
		return;			/* no RAM up there: nothing to ask */
	fwd = pte_walk_probe(false);
	if (fwd == PTE_WALK_FILLED)
		return;
	highpte_below_4g = true;
	if (fwd == PTE_WALK_NO_PAGES) {	/* no page to probe with: be safe */
		pr_warn("x86/mm: could not probe the page walk above 4 GiB; user page tables kept below 4 GiB\n");
		return;
	}
	rev = pte_walk_probe(true);
	pr_warn("x86/mm: page walk %s a page table above 4 GiB%s; user page tables kept below 4 GiB\n",
		fwd == PTE_WALK_FAULTED ? "faults through" : "reads other data through",
		rev == PTE_WALK_FILLED ?
		" (it reads the one at the address mod 4 GiB: QEMU 7.2 qemu-system-i386's 32-bit walk)" : "");
}
