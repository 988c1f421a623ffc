// SPDX-License-Identifier: GPL-2.0
/*
 * A process's VMAs: the sorted list, finding the one that holds an
 * address, placing anonymous mmap()s, munmap (which may split a VMA),
 * stack growth, and creating, copying (fork) and tearing down an mm.
 *
 * brk, mmap and the stack only *reserve*: a VMA says which addresses the
 * process owns and how; the pages come on first touch (mm/memory.c).
 * The caller holds mm->mmap_lock for all of this except mm_alloc() and
 * mmput().
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/err.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <asm/pgalloc.h>

/* Anonymous mmap()s are placed top down from here (Linux's 3G/1G layout). */
#define TASK_UNMAPPED_BASE (TASK_SIZE / 3)
#define MMAP_TOP (STACK_TOP - STACK_RLIMIT - PAGE_SIZE)

/* The first VMA that ends above addr (Linux's definition), or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (addr < vma->vm_end)
			return vma;
	return NULL;
}

struct vm_area_struct *vma_alloc(struct mm_struct *mm, unsigned long start,
				 unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (!vma)
		return NULL;
	vma->vm_mm = mm;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	INIT_LIST_HEAD(&vma->vm_list);
	return vma;
}

/* Insert in address order; -ENOMEM if it overlaps a VMA already there. */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = find_vma(mm, vma->vm_start);

	if (next && next->vm_start < vma->vm_end)
		return -ENOMEM;
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	mm->map_count++;
	return 0;
}

/* A hole of len bytes, highest first below the stack's reserve. */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long top = MMAP_TOP;
	struct vm_area_struct *vma;

	list_for_each_entry_reverse(vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= top)
			continue;
		if (vma->vm_end <= top - len && top - len >= TASK_UNMAPPED_BASE)
			return top - len;
		top = vma->vm_start;
		if (top < TASK_UNMAPPED_BASE + len)
			return -ENOMEM;
	}
	return top - len >= TASK_UNMAPPED_BASE ? top - len : -ENOMEM;
}

static void remove_vma(struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	vma->vm_mm->map_count--;
	kfree(vma);
}

/* Cut vma in two at addr; the new upper part follows it on the list. */
static int split_vma(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *hi = vma_alloc(vma->vm_mm, addr, vma->vm_end,
					      vma->vm_flags);

	if (!hi)
		return -ENOMEM;
	vma->vm_end = addr;
	list_add(&hi->vm_list, &vma->vm_list);
	vma->vm_mm->map_count++;
	return 0;
}

/* Unmap [start, start + len): whole VMAs go, partly covered ones split. */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	unsigned long end = start + PAGE_ALIGN(len);
	struct vm_area_struct *vma, *tmp;

	if (!PAGE_ALIGNED(start) || !len || end > TASK_SIZE || end < start)
		return -EINVAL;
	list_for_each_entry_safe(vma, tmp, &mm->mmap, vm_list) {
		if (vma->vm_end <= start || vma->vm_start >= end)
			continue;
		if (vma->vm_start < start) {
			if (split_vma(vma, start))
				return -ENOMEM;
			vma = list_next_entry(vma, vm_list);	/* the upper part */
		}
		if (vma->vm_end > end && split_vma(vma, end))
			return -ENOMEM;
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		remove_vma(vma);
	}
	return 0;
}

/* A fault below the stack: grow it down, within STACK_RLIMIT. */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct vm_area_struct *prev;

	address &= PAGE_MASK;
	if (!(vma->vm_flags & VM_GROWSDOWN) || vma->vm_end - address > STACK_RLIMIT)
		return -ENOMEM;
	if (!list_is_first(&vma->vm_list, &vma->vm_mm->mmap)) {
		prev = list_prev_entry(vma, vm_list);
		if (prev->vm_end > address - PAGE_SIZE)	/* keep a guard gap */
			return -ENOMEM;
	}
	vma->vm_start = address;
	return 0;
}

const char *vma_name(const struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_HEAP)
		return "[heap]";
	if (vma->vm_flags & VM_STACK_TAG)
		return "[stack]";
	if (vma->vm_flags & VM_EXEC)
		return "[text]";
	return "[anon]";
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	mm->name = "user";
	INIT_LIST_HEAD(&mm->mmap);
	mutex_init(&mm->mmap_lock);
	atomic_set(&mm->mm_users, 1);
	return mm;
}

/* Every VMA, every page, every page table. The mm is no CPU's any more. */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *tmp;

	list_for_each_entry_safe(vma, tmp, &mm->mmap, vm_list) {
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		remove_vma(vma);
	}
	free_pgtables(mm);
	WARN(mm->rss || mm->nr_ptes, "exit_mmap: %lu pages, %lu page tables left",
	     mm->rss, mm->nr_ptes);
}

void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	exit_mmap(mm);
	pgd_free(mm, mm->pgd);
	kfree(mm);
}

/* fork: the same VMAs, the pages shared copy-on-write. */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *vma, *new;
	int err = 0;

	mutex_lock(&oldmm->mmap_lock);
	list_for_each_entry(vma, &oldmm->mmap, vm_list) {
		new = vma_alloc(mm, vma->vm_start, vma->vm_end, vma->vm_flags);
		if (!new) {
			err = -ENOMEM;
			break;
		}
		list_add_tail(&new->vm_list, &mm->mmap);
		mm->map_count++;
		err = copy_page_range(mm, oldmm, vma);
		if (err)
			break;
	}
	memcpy(&mm->start_code, &oldmm->start_code,
	       (char *)(&mm->env_end + 1) - (char *)&mm->start_code);
	/* The parent's writable PTEs just became read-only: drop its TLB. */
	write_cr3(read_cr3());
	mutex_unlock(&oldmm->mmap_lock);
	return err;
}

/* --- the system calls ---------------------------------------------------- */

#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20

static unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/* Grow or shrink the heap VMA [start_brk, brk). Returns the new break. */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk = PAGE_ALIGN(brk), oldbrk;
	struct vm_area_struct *vma;

	mutex_lock(&mm->mmap_lock);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (brk < mm->start_brk || brk > TASK_UNMAPPED_BASE)
		goto out;
	if (newbrk < oldbrk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			goto out;
	} else if (newbrk > oldbrk) {
		vma = find_vma(mm, oldbrk);
		if (vma && vma->vm_start < newbrk + PAGE_SIZE)
			goto out;		/* would run into a mapping */
		vma = oldbrk > mm->start_brk ? find_vma(mm, oldbrk - 1) : NULL;
		if (vma && (vma->vm_flags & VM_HEAP)) {
			vma->vm_end = newbrk;
		} else {
			vma = vma_alloc(mm, oldbrk, newbrk, VM_READ | VM_WRITE | VM_HEAP);
			if (!vma || insert_vm_struct(mm, vma)) {
				kfree(vma);
				goto out;
			}
		}
	}
	mm->brk = brk;
out:
	brk = mm->brk;
	mutex_unlock(&mm->mmap_lock);
	return brk;
}

/* Anonymous private memory only: reserved here, paged in on first touch. */
long sys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
		    unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	long ret;

	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;		/* no file mappings */
	if ((flags & (MAP_SHARED | MAP_PRIVATE)) != MAP_PRIVATE)
		return -EINVAL;
	if (!len || len > TASK_SIZE || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	mutex_lock(&mm->mmap_lock);
	if (flags & MAP_FIXED) {
		ret = -EINVAL;
		if (!PAGE_ALIGNED(addr) || addr > TASK_SIZE - len || addr < PAGE_SIZE)
			goto out;
		ret = do_munmap(mm, addr, len);
		if (ret)
			goto out;
	} else {
		addr = get_unmapped_area(mm, len);
		ret = addr;
		if (IS_ERR_VALUE(addr))
			goto out;
	}
	ret = -ENOMEM;
	vma = vma_alloc(mm, addr, addr + len, calc_vm_prot_bits(prot));
	if (!vma)
		goto out;
	if (insert_vm_struct(mm, vma)) {
		kfree(vma);
		goto out;
	}
	ret = addr;
out:
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/* i386's old mmap (90): one pointer to the six arguments, offset in bytes. */
long sys_old_mmap(void __user *arg)
{
	unsigned long a[6];

	if (copy_from_user(a, arg, sizeof(a)))
		return -EFAULT;
	if (a[5] & ~PAGE_MASK)
		return -EINVAL;
	return sys_mmap_pgoff(a[0], a[1], a[2], a[3], a[4], a[5] >> PAGE_SHIFT);
}

long sys_munmap(unsigned long addr, size_t len)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_munmap(mm, addr, len);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/* Every page of [start, end) must be in some VMA: split at both ends. */
long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = start + PAGE_ALIGN(len), addr = start;
	struct vm_area_struct *vma;
	long ret = 0;

	if (!PAGE_ALIGNED(start) || end < start || end > TASK_SIZE ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	mutex_lock(&mm->mmap_lock);
	for (vma = find_vma(mm, addr); addr < end; vma = find_vma(mm, addr)) {
		if (!vma || vma->vm_start > addr) {
			ret = -ENOMEM;
			break;
		}
		if (vma->vm_start < addr) {
			ret = split_vma(vma, addr);
			if (ret)
				break;
			vma = list_next_entry(vma, vm_list);
		}
		if (vma->vm_end > end) {
			ret = split_vma(vma, end);
			if (ret)
				break;
		}
		vma->vm_flags = (vma->vm_flags & ~VM_ACCESS_FLAGS) | calc_vm_prot_bits(prot);
		change_protection(vma, vma->vm_start, vma->vm_end);
		addr = vma->vm_end;
	}
	mutex_unlock(&mm->mmap_lock);
	return ret;
}
