// SPDX-License-Identifier: GPL-2.0
/*
 * User page tables above 4 GiB (arch/x86/mm/highpte.c). Only with RAM
 * up there (-m 6G): the runs tcg-6G (qemu-system-i386, whose page walk
 * truncates a table's address to 32 bits) and tcg64-6G
 * (qemu-system-x86_64, which walks it right).
 *
 * pte_walk_probes: the two probes agree with each other and with the
 *	boot's verdict -- either the walk follows a page-directory entry
 *	above 4 GiB (forward reads the data, reverse faults) or it reads
 *	the table at the address mod 4 GiB (forward faults, reverse reads
 *	the data). This is the minimal reproducer of the QEMU limit.
 * fault_through_table_above_4g: a page table forced above 4 GiB, and
 *	a user fault resolved through it: the handler fills the entry with
 *	pte_offset_map() and the CPU's retry walks it.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <linux/mutex.h>
#include <asm/pgalloc.h>
#include <kmaplab/highpte.h>

#define BASE 0x10000000UL

static void pte_walk_probes(struct kunit *test)
{
	enum pte_walk_probe fwd = pte_walk_probe(false);
	enum pte_walk_probe rev = pte_walk_probe(true);

	if (fwd == PTE_WALK_NO_PAGES)
		kunit_skip(test, "no RAM above 4 GiB, or no page to probe with");
	KUNIT_ASSERT_NE(test, rev, PTE_WALK_NO_PAGES);
	if (fwd == PTE_WALK_FILLED) {
		kunit_info(test, "the page walk follows a table above 4 GiB\n");
		KUNIT_EXPECT_EQ(test, rev, PTE_WALK_FAULTED);
		KUNIT_EXPECT_FALSE(test, highpte_below_4g);
	} else {
		kunit_info(test, "the page walk reads a table above 4 GiB at its address mod 4 GiB\n");
		KUNIT_EXPECT_EQ(test, fwd, PTE_WALK_FAULTED);
		KUNIT_EXPECT_EQ(test, rev, PTE_WALK_FILLED);
		KUNIT_EXPECT_TRUE(test, highpte_below_4g);
	}
}

/* The table that maps BASE in mm, put there by hand: one above 4 GiB. */
static struct page *force_table_above_4g(struct kunit *test, struct mm_struct *mm)
{
	struct page *pt = alloc_page_above_4g(GFP_HIGHUSER);
	pmd_t *pmd;

	KUNIT_ASSERT_NOT_NULL(test, pt);
	clear_highpage(pt);
	mutex_lock(&mm->mmap_lock);
	pmd = pmd_offset_user(mm, BASE);
	KUNIT_ASSERT_TRUE(test, pmd_none(*pmd));
	set_pmd(pmd, __pmd(page_to_phys(pt) | _PAGE_TABLE));
	mm->nr_ptes++;
	mutex_unlock(&mm->mmap_lock);
	return pt;
}

static void fault_through_table_above_4g(struct kunit *test)
{
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	struct page *pt;
	u32 v = 0;
	pte_t *pte;

	if ((u64)max_pfn << PAGE_SHIFT <= (1ULL << 32))
		kunit_skip(test, "no RAM above 4 GiB");
	if (highpte_below_4g)
		kunit_skip(test, "this CPU's page walk cannot reach a table above 4 GiB (see the boot log); the tcg64-6G run covers it");
	mm = mm_alloc();
	KUNIT_ASSERT_NOT_NULL(test, mm);
	vma = vma_alloc(mm, BASE, BASE + PAGE_SIZE, VM_READ | VM_WRITE);
	KUNIT_ASSERT_NOT_NULL(test, vma);
	KUNIT_ASSERT_EQ(test, insert_vm_struct(mm, vma), 0);
	pt = force_table_above_4g(test, mm);
	kthread_use_mm(mm);
	KUNIT_EXPECT_EQ(test, put_user(0x4a11u, (u32 __user *)BASE), 0);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)BASE), 0);
	KUNIT_EXPECT_EQ(test, v, 0x4a11u);
	/* The fault handler filled our table; it did not make another. */
	KUNIT_EXPECT_PTR_EQ(test, pmd_page(*pmd_offset_user(mm, BASE)), pt);
	KUNIT_EXPECT_EQ(test, mm->nr_ptes, 1UL);
	pte = pte_offset_map(pmd_offset_user(mm, BASE), BASE);
	KUNIT_EXPECT_TRUE(test, pte_present(*pte));
	pte_unmap(pte);
	kthread_unuse_mm(mm);
	mmput(mm);		/* frees pt too (free_pgtables()) */
}

static struct kunit_case mm_highpte_cases[] = {
	KUNIT_CASE(pte_walk_probes),
	KUNIT_CASE(fault_through_table_above_4g),
	{}
};

static struct kunit_suite mm_highpte_suite = {
	.name = "mm_highpte",
	.test_cases = mm_highpte_cases,
};

kunit_test_suite(mm_highpte_suite);
