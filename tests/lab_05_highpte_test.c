// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 05 (docs/labs/05-highpte.md): page tables in highmem.
 *
 * A process's page tables are GFP_HIGHUSER pages (CONFIG_HIGHPTE), so
 * the kernel reaches an entry only by mapping its table: pte_offset_map()
 * and pte_unmap() in arch/x86/include/asm/pgalloc.h. The first cases
 * hand it tables built here, the last one the kernel's own walkers.
 */
#include "lab_user_mm.h"
#include "kmap_test_common.h"
#include <linux/delay.h>
#include <linux/vmalloc.h>
#include <linux/preempt.h>

struct lab5_table {
	struct page *page;
	pmd_t pmd;
};

/* A highmem page table whose entry i holds a recognisable value. */
static void lab5_table(struct kunit *test, struct lab5_table *t, u32 tag)
{
	pte_t *v;
	int i;

	t->page = alloc_page(GFP_HIGHUSER);
	KUNIT_ASSERT_NOT_NULL(test, t->page);
	if (!PageHighMem(t->page)) {
		__free_page(t->page);
		kunit_skip(test, "needs a highmem page table (boot with lowmem=32M)");
	}
	v = vmap(&t->page, 1, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	for (i = 0; i < PTRS_PER_PTE; i++)
		v[i] = __pte(((u64)(tag + i) << PAGE_SHIFT) | _PAGE_USER);
	vunmap(v);
	t->pmd = __pmd(page_to_phys(t->page) | _PAGE_TABLE);
}

static u64 lab5_want(u32 tag, unsigned long addr)
{
	return ((u64)(tag + pte_index(addr)) << PAGE_SHIFT) | _PAGE_USER;
}

/* The entry for addr, from the table the pmd names. */
static void lab5_right_entry(struct kunit *test)
{
	static const unsigned long addrs[] = { 0x10000000, 0x10001000, 0x101ff000,
					       0x0804a123, 0xbfffe000 };
	struct lab5_table t;
	unsigned int i;

	lab5_table(test, &t, 0x1000);
	for (i = 0; i < ARRAY_SIZE(addrs); i++) {
		pte_t *pte = pte_offset_map(&t.pmd, addrs[i]);

		KUNIT_ASSERT_NOT_NULL_MSG(test, pte, "pte_offset_map(%08lx)", addrs[i]);
		KUNIT_EXPECT_EQ_MSG(test, pte_val(*pte), lab5_want(0x1000, addrs[i]),
				    "the entry for %08lx", addrs[i]);
		pte_unmap(pte);
	}
	__free_page(t.page);
}

/* Holding a table mapped is like holding any local mapping: preemptible,
 * page faults on, released by pte_unmap(). */
static void lab5_a_local_mapping(struct kunit *test)
{
	int idx = current->kmap_ctrl.idx, pc = preempt_count();
	struct lab5_table t;
	pte_t *pte;

	lab5_table(test, &t, 0x2000);
	pte = pte_offset_map(&t.pmd, 0x10000000);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ_MSG(test, preempt_count(), pc,
			    "preempt_count() while a page table is mapped");
	KUNIT_EXPECT_FALSE_MSG(test, pagefault_disabled(),
			       "page faults are disabled while a page table is mapped");
	KUNIT_EXPECT_NE_MSG(test, current->kmap_ctrl.idx, idx,
			    "no kmap_local slot was taken for the table");
	pte_unmap(pte);
	KUNIT_EXPECT_EQ_MSG(test, current->kmap_ctrl.idx, idx,
			    "kmap_local slots still held after pte_unmap()");
	KUNIT_EXPECT_FALSE_MSG(test, kt_mapped(pte), "%p still mapped after pte_unmap()", pte);
	__free_page(t.page);
}

/* Two tables at once (fork copies from one into the other). */
static void lab5_two_tables(struct kunit *test)
{
	int idx = current->kmap_ctrl.idx;
	struct lab5_table s, d;
	pte_t *sp, *dp;

	lab5_table(test, &s, 0x3000);
	lab5_table(test, &d, 0x4000);
	sp = pte_offset_map(&s.pmd, 0x10005000);
	dp = pte_offset_map(&d.pmd, 0x10007000);
	KUNIT_ASSERT_TRUE(test, sp && dp);
	KUNIT_EXPECT_EQ(test, pte_val(*sp), lab5_want(0x3000, 0x10005000));
	KUNIT_EXPECT_EQ(test, pte_val(*dp), lab5_want(0x4000, 0x10007000));
	pte_unmap(dp);
	pte_unmap(sp);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, idx);
	__free_page(s.page);
	__free_page(d.page);
}

/* Sleep with the table mapped: back here, it is still ours. */
static void lab5_sleep_while_mapped(struct kunit *test)
{
	struct lab5_table t;
	pte_t *pte;

	lab5_table(test, &t, 0x5000);
	pte = pte_offset_map(&t.pmd, 0x10003000);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	msleep(20);
	KUNIT_EXPECT_EQ(test, pte_val(*pte), lab5_want(0x5000, 0x10003000));
	pte_unmap(pte);
	__free_page(t.page);
}

/* A user page with v at its start, put at addr as execve() does. */
static void lab5_install(struct kunit *test, struct mm_struct *mm,
			 unsigned long addr, int v)
{
	struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE);
	int *k;

	KUNIT_ASSERT_NOT_NULL(test, page);
	k = kmap_local_page(page);
	*k = v;
	kunmap_local(k);
	mutex_lock(&mm->mmap_lock);
	if (install_user_page(mm, addr, page, VM_READ | VM_WRITE)) {
		__free_page(page);
		KUNIT_FAIL(test, "install_user_page(%08lx) failed: no page table entry", addr);
	}
	mutex_unlock(&mm->mmap_lock);
}

/*
 * The real users: install_user_page() and follow_page() walk an address
 * space of two tables; the CPU then reads through them on its own.
 * (No page fault: that needs lab 06, which comes after this one.)
 */
static void lab5_real_walkers(struct kunit *test)
{
	struct mm_struct *mm = lab_mm(test, 1024, VM_READ | VM_WRITE);
	unsigned long far = LAB_BASE + 600 * PAGE_SIZE;	/* the second table */
	struct page *page;
	int v = 0;

	lab5_install(test, mm, LAB_BASE, 41);
	lab5_install(test, mm, far, 42);
	KUNIT_EXPECT_EQ(test, mm->nr_ptes, 2UL);
	page = lab_page(mm, far, NULL);
	KUNIT_EXPECT_NOT_NULL_MSG(test, page, "follow_page() found no page at %08lx", far);
	if (page)
		put_page(page);
	kthread_use_mm(mm);
	pagefault_disable();	/* present: the CPU's own walk must find them */
	KUNIT_EXPECT_EQ(test, get_user(v, (int __user *)far), 0);
	KUNIT_EXPECT_EQ(test, v, 42);
	KUNIT_EXPECT_EQ(test, get_user(v, (int __user *)LAB_BASE), 0);
	KUNIT_EXPECT_EQ(test, v, 41);
	pagefault_enable();
	KUNIT_EXPECT_EQ(test, lab_peek(mm, LAB_BASE), 41);
	lab_mm_put(mm);
}

static struct kunit_case lab5_cases[] = {
	KUNIT_CASE(lab5_right_entry),
	KUNIT_CASE(lab5_a_local_mapping),
	KUNIT_CASE(lab5_two_tables),
	KUNIT_CASE(lab5_sleep_while_mapped),
	KUNIT_CASE(lab5_real_walkers),
	{}
};

static struct kunit_suite lab5_suite = {
	.name = "lab_05_highpte",
	.test_cases = lab5_cases,
};
kunit_test_suite(lab5_suite);
