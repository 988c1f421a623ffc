// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel side of user memory, without a user program: the test
 * thread builds an address space, borrows it (kthread_use_mm()) and
 * works in it as a process's system call would -- demand faults,
 * copy_to_user() across a page boundary whose second page is not there
 * yet, -EFAULT for what no VMA covers, copy-on-write after dup_mmap(),
 * and every page back at the end.
 */
#include "user_mm_common.h"
#include <kmaplab/printk.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <linux/mutex.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/pgalloc.h>

#define BASE 0x10000000UL

/* First touch: a zeroed page, from highmem when the machine has any. */
static void demand_zero_fill(struct kunit *test)
{
	struct mm_struct *mm = test_mm_alloc(test, BASE, 4, VM_READ | VM_WRITE);
	u32 v = 0xdeadbeef;
	struct page *page;

	kthread_use_mm(mm);
	KUNIT_EXPECT_FALSE(test, test_mm_present(mm, BASE));
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)BASE), 0);
	KUNIT_EXPECT_EQ(test, v, 0U);
	page = test_mm_page(mm, BASE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	if (totalhigh_pages())
		KUNIT_EXPECT_TRUE(test, PageHighMem(page));
	put_page(page);
	KUNIT_EXPECT_EQ(test, mm->rss, 1UL);
	test_mm_put(mm);
}

/* The copy faults in the middle, on the second page, and carries on. */
static void copy_across_missing_page(struct kunit *test)
{
	struct mm_struct *mm = test_mm_alloc(test, BASE, 2, VM_READ | VM_WRITE);
	char __user *u = (char __user *)(BASE + PAGE_SIZE - 8);
	char out[16] = "0123456789abcdef", in[16];

	kthread_use_mm(mm);
	KUNIT_ASSERT_EQ(test, put_user('x', (char __user *)BASE), 0);
	KUNIT_EXPECT_TRUE(test, test_mm_present(mm, BASE));
	KUNIT_EXPECT_FALSE(test, test_mm_present(mm, BASE + PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, copy_to_user(u, out, sizeof(out)), 0UL);
	KUNIT_EXPECT_TRUE(test, test_mm_present(mm, BASE + PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, copy_from_user(in, u, sizeof(in)), 0UL);
	KUNIT_EXPECT_MEMEQ(test, in, out, sizeof(in));
	test_mm_put(mm);
}

/* Outside every VMA, in kernel space, or read-only: -EFAULT, no oops. */
static void efault_paths(struct kunit *test)
{
	struct mm_struct *mm = test_mm_alloc(test, BASE, 1, VM_READ | VM_WRITE);
	char buf[32] = { 0 };
	u32 v;

	kthread_use_mm(mm);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(BASE + PAGE_SIZE), buf, 8), 8UL);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)PAGE_OFFSET, buf, 8), 8UL);
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void __user *)(TASK_SIZE - 4), 8), 8UL);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)0xc0100000), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0U);
	/* The copy stops where the VMA ends: 8 bytes copied, 8 left. */
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(BASE + PAGE_SIZE - 8), buf, 16), 8UL);
	KUNIT_EXPECT_EQ(test, clear_user((void __user *)(BASE + PAGE_SIZE - 4), 8), 4UL);
	/* A string that runs off the end of the VMA without its NUL. */
	memset(buf, 'a', sizeof(buf));
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(BASE + PAGE_SIZE - 4), buf, 4), 0UL);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, (void __user *)(BASE + PAGE_SIZE - 4), 32),
			(long)-EFAULT);
	KUNIT_EXPECT_EQ(test, strnlen_user((void __user *)(BASE + PAGE_SIZE - 4), 32), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user((void __user *)(BASE + 4), 32), 1L);
	test_mm_put(mm);
}

static void readonly_vma(struct kunit *test)
{
	struct mm_struct *mm = test_mm_alloc(test, BASE, 1, VM_READ);
	u32 v = 1;

	kthread_use_mm(mm);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)BASE), 0);	/* faults in */
	KUNIT_EXPECT_EQ(test, put_user(v, (u32 __user *)BASE), -EFAULT);
	test_mm_put(mm);
}

/*
 * PROT_NONE holds against the kernel too: a page present before
 * mprotect() took the access away is refused to get_user()/put_user()
 * (the entry is not present to the CPU; the fault handler's access check
 * says no; the exception table gives -EFAULT), and is still there, with
 * its data, when the access comes back.
 */
static void prot_none_refuses_kernel(struct kunit *test)
{
	struct mm_struct *mm = test_mm_alloc(test, BASE, 1, VM_READ | VM_WRITE);
	struct vm_area_struct *vma = find_vma(mm, BASE);
	u32 v = 0;

	kthread_use_mm(mm);
	KUNIT_ASSERT_EQ(test, put_user(0x5eedu, (u32 __user *)BASE), 0);
	mutex_lock(&mm->mmap_lock);
	vma->vm_flags &= ~VM_ACCESS_FLAGS;
	change_protection(vma, vma->vm_start, vma->vm_end);
	mutex_unlock(&mm->mmap_lock);
	KUNIT_EXPECT_TRUE(test, test_mm_present(mm, BASE));	/* to the kernel's walks */
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)BASE), -EFAULT);
	KUNIT_EXPECT_EQ(test, put_user(1u, (u32 __user *)BASE), -EFAULT);
	mutex_lock(&mm->mmap_lock);
	vma->vm_flags |= VM_READ | VM_WRITE;
	change_protection(vma, vma->vm_start, vma->vm_end);
	mutex_unlock(&mm->mmap_lock);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)BASE), 0);
	KUNIT_EXPECT_EQ(test, v, 0x5eedu);
	KUNIT_EXPECT_EQ(test, mm->rss, 1UL);
	test_mm_put(mm);
}

/* With page faults disabled nothing is resolved: the copy just fails. */
static void pagefault_disabled_no_resolve(struct kunit *test)
{
	struct mm_struct *mm = test_mm_alloc(test, BASE, 1, VM_READ | VM_WRITE);
	unsigned long left;
	u32 v = 5;

	kthread_use_mm(mm);
	pagefault_disable();
	left = copy_to_user((void __user *)BASE, &v, sizeof(v));
	pagefault_enable();
	KUNIT_EXPECT_EQ(test, left, sizeof(v));
	KUNIT_EXPECT_FALSE(test, test_mm_present(mm, BASE));
	test_mm_put(mm);
}

/* After dup_mmap() a write copies the page; the other mm keeps the old one. */
static void cow_copies_on_write(struct kunit *test)
{
	struct mm_struct *a = test_mm_alloc(test, BASE, 1, VM_READ | VM_WRITE);
	struct mm_struct *b = mm_alloc();
	struct page *pa, *pb;
	bool wa, wb;

	KUNIT_ASSERT_NOT_NULL(test, b);
	kthread_use_mm(a);
	KUNIT_ASSERT_EQ(test, put_user('A', (char __user *)BASE), 0);
	KUNIT_ASSERT_EQ(test, dup_mmap(b, a), 0);
	pa = follow_page(a, BASE, &wa);
	pb = follow_page(b, BASE, &wb);
	KUNIT_EXPECT_PTR_EQ(test, pa, pb);
	KUNIT_EXPECT_FALSE(test, wa);		/* shared: read-only in both */
	KUNIT_EXPECT_FALSE(test, wb);
	put_page(pa);
	put_page(pb);
	KUNIT_ASSERT_EQ(test, put_user('B', (char __user *)BASE), 0);
	pa = follow_page(a, BASE, &wa);
	KUNIT_EXPECT_PTR_NE(test, pa, pb);	/* a has its own copy now */
	KUNIT_EXPECT_TRUE(test, wa);
	put_page(pa);
	KUNIT_EXPECT_EQ(test, test_mm_peek(a, BASE), 'B');
	KUNIT_EXPECT_EQ(test, test_mm_peek(b, BASE), 'A');
	mmput(b);
	test_mm_put(a);
}

/* The other side gone, a write to the read-only page just reclaims it. */
static void cow_reuses_unshared(struct kunit *test)
{
	struct mm_struct *a = test_mm_alloc(test, BASE, 1, VM_READ | VM_WRITE);
	struct mm_struct *b = mm_alloc();
	struct page *before, *after;

	KUNIT_ASSERT_NOT_NULL(test, b);
	kthread_use_mm(a);
	KUNIT_ASSERT_EQ(test, put_user('A', (char __user *)BASE), 0);
	KUNIT_ASSERT_EQ(test, dup_mmap(b, a), 0);
	mmput(b);
	before = follow_page(a, BASE, NULL);
	put_page(before);	/* our reference would make it look shared */
	KUNIT_ASSERT_EQ(test, put_user('B', (char __user *)BASE), 0);
	after = follow_page(a, BASE, NULL);
	KUNIT_EXPECT_PTR_EQ(test, before, after);
	put_page(after);
	test_mm_put(a);
}

/* Pages, page tables, PDPT and page directories: all back after mmput(). */
static void mmput_frees_everything(struct kunit *test)
{
	unsigned long before, addr;
	struct mm_struct *mm;
	int round;

	for (round = 0; round < 2; round++) {	/* the first warms kmalloc's slabs */
		before = nr_free_pages();
		mm = test_mm_alloc(test, BASE, 1024, VM_READ | VM_WRITE);	/* 4 MiB: 2+ tables */
		kthread_use_mm(mm);
		for (addr = BASE; addr < BASE + 1024 * PAGE_SIZE; addr += 16 * PAGE_SIZE)
			KUNIT_ASSERT_EQ(test, put_user(1, (int __user *)addr), 0);
		KUNIT_EXPECT_GE(test, mm->nr_ptes, 2UL);
		KUNIT_EXPECT_EQ(test, mm->rss, 64UL);
		test_mm_put(mm);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static void read_pte(void *arg)
{
	(void)*(volatile u64 *)arg;
}

static char oops_log[1024];

/*
 * A PTE pointer kept past pte_unmap() points into an empty kmap_local
 * slot: reading it faults, and the oops says what happened.
 */
static void pte_used_after_unmap(struct kunit *test)
{
	struct mm_struct *mm = test_mm_alloc(test, BASE, 1, VM_READ | VM_WRITE);
	struct printk_capture cap;
	const char *oops;
	pmd_t *pmd;
	pte_t *pte;

	kthread_use_mm(mm);
	KUNIT_ASSERT_EQ(test, put_user(1, (int __user *)BASE), 0);
	pmd = pmd_offset_user(mm, BASE);
	if (!PageHighMem(pmd_page(*pmd))) {
		test_mm_put(mm);
		kunit_skip(test, "the page table is in lowmem: no slot to go stale");
	}
	pte = pte_offset_map(pmd, BASE);
	KUNIT_EXPECT_TRUE(test, pte_present(*pte));
	pte_unmap(pte);
	printk_capture_start(&cap, oops_log, sizeof(oops_log));
	oops = kunit_catch_oops(test, read_pte, pte);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test, oops);
	KUNIT_EXPECT_NOT_NULL(test, strstr(oops_log, "empty kmap_local slot"));
	test_mm_put(mm);
}

static struct kunit_case mm_user_cases[] = {
	KUNIT_CASE(demand_zero_fill),
	KUNIT_CASE(copy_across_missing_page),
	KUNIT_CASE(efault_paths),
	KUNIT_CASE(readonly_vma),
	KUNIT_CASE(prot_none_refuses_kernel),
	KUNIT_CASE(pagefault_disabled_no_resolve),
	KUNIT_CASE(cow_copies_on_write),
	KUNIT_CASE(cow_reuses_unshared),
	KUNIT_CASE(mmput_frees_everything),
	KUNIT_CASE(pte_used_after_unmap),
	{}
};

static struct kunit_suite mm_user_suite = {
	.name = "mm_user",
	.test_cases = mm_user_cases,
};

kunit_test_suite(mm_user_suite);
