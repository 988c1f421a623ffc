// SPDX-License-Identifier: GPL-2.0
/*
 * Static i386 ELF executables (Linux's fs/binfmt_elf.c, without an
 * interpreter). Each PT_LOAD segment becomes a VMA. The file-backed part
 * is copied page by page from the file's page cache into fresh
 * GFP_HIGHUSER pages -- two local mappings per page (memcpy_page()),
 * never the direct map -- and the rest (.bss) is left to demand paging.
 * Then the stack: a VMA under STACK_TOP, filled with argc, argv, envp,
 * the auxiliary vector and the strings through copy_to_user() into the
 * new, already loaded, address space.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <linux/binfmts.h>
#include <linux/slab.h>
#include <asm/pgalloc.h>
#include <asm/ptrace.h>
#include <asm/irqflags.h>

#define STACK_INIT_SIZE (32 * PAGE_SIZE)

static bool phdr_ok(const struct linux_binprm *bprm, const struct elf32_phdr *ph)
{
	u64 end = (u64)ph->p_vaddr + ph->p_memsz;

	return ph->p_filesz <= ph->p_memsz && end <= TASK_SIZE - STACK_RLIMIT &&
	       ph->p_vaddr >= PAGE_SIZE &&
	       (u64)ph->p_offset + ph->p_filesz <= (u64)bprm->inode->i_size &&
	       ((ph->p_vaddr - ph->p_offset) & ~PAGE_MASK) == 0;
}

/* Before the point of no return: is this a program we can run? */
int elf_check_binary(struct linux_binprm *bprm)
{
	const struct elf32_hdr *eh = &bprm->ehdr;
	int i;

	if (memcmp(eh->e_ident, "\177ELF", 4) || eh->e_ident[4] != ELFCLASS32 ||
	    eh->e_ident[5] != ELFDATA2LSB || eh->e_type != ET_EXEC ||
	    eh->e_machine != EM_386 || eh->e_phentsize != sizeof(struct elf32_phdr) ||
	    !eh->e_phnum || eh->e_phnum > ELF_MAX_PHNUM)
		return -ENOEXEC;
	if (kernel_read(bprm->inode, bprm->phdr, eh->e_phnum * sizeof(bprm->phdr[0]),
			eh->e_phoff) != eh->e_phnum * sizeof(bprm->phdr[0]))
		return -ENOEXEC;
	for (i = 0; i < eh->e_phnum; i++) {
		if (bprm->phdr[i].p_type == PT_INTERP)
			return -ENOEXEC;	/* dynamic: no ld.so here */
		if (bprm->phdr[i].p_type == PT_LOAD && !phdr_ok(bprm, &bprm->phdr[i]))
			return -ENOEXEC;
	}
	return 0;
}

static unsigned long elf_vm_flags(u32 p_flags)
{
	return (p_flags & PF_R ? VM_READ : 0) | (p_flags & PF_W ? VM_WRITE : 0) |
	       (p_flags & PF_X ? VM_EXEC : 0);
}

/* One segment: its VMA, and its file bytes copied into new pages. */
static int load_segment(struct linux_binprm *bprm, const struct elf32_phdr *ph)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long start = ph->p_vaddr & PAGE_MASK;
	unsigned long fend = ph->p_vaddr + ph->p_filesz, addr;
	unsigned long flags = elf_vm_flags(ph->p_flags);
	struct vm_area_struct *vma;
	int err;

	vma = vma_alloc(mm, start, PAGE_ALIGN(ph->p_vaddr + ph->p_memsz), flags);
	if (!vma)
		return -ENOMEM;
	err = insert_vm_struct(mm, vma);
	if (err) {
		kfree(vma);
		return err;
	}
	for (addr = start; addr < fend; addr += PAGE_SIZE) {
		unsigned long lo = max(addr, (unsigned long)ph->p_vaddr);
		unsigned long hi = min(addr + PAGE_SIZE, fend);
		unsigned long foff = ph->p_offset + (lo - ph->p_vaddr);
		struct page *src = find_get_page(bprm->inode, foff >> PAGE_SHIFT);
		struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE);

		if (!page)
			return -ENOMEM;
		clear_user_highpage(page, addr);
		if (src)
			memcpy_page(page, lo & ~PAGE_MASK, src, foff & ~PAGE_MASK, hi - lo);
		err = install_user_page(mm, addr, page, flags);
		if (err) {
			put_page(page);
			return err;
		}
	}
	if (flags & VM_EXEC) {
		mm->start_code = start;
		mm->end_code = ph->p_vaddr + ph->p_memsz;
	} else {
		mm->start_data = start;
		mm->end_data = ph->p_vaddr + ph->p_memsz;
	}
	mm->start_brk = max_t(unsigned long, mm->start_brk,
			      PAGE_ALIGN(ph->p_vaddr + ph->p_memsz));
	return 0;
}

/*
 * The initial stack, top down: the strings, then (16-byte aligned)
 * argc, argv[], NULL, envp[], NULL, auxv -- what nolibc's _start and
 * every i386 C runtime expect at %esp.
 */
static int create_elf_tables(struct linux_binprm *bprm, unsigned long *spp)
{
	unsigned long strp = STACK_TOP - bprm->len, sp, p;
	int n = bprm->argc + bprm->envc, i;
	u32 auxv[4] = { AT_PAGESZ, PAGE_SIZE, AT_NULL, 0 };
	const char *s = bprm->strings;

	if (copy_to_user((void __user *)strp, bprm->strings, bprm->len))
		return -EFAULT;
	sp = (strp - (1 + n + 2) * 4 - sizeof(auxv)) & ~15UL;
	p = sp;
	if (put_user((u32)bprm->argc, (u32 __user *)p))
		return -EFAULT;
	p += 4;
	for (i = 0; i < n; i++) {
		if (i == bprm->argc) {		/* argv's NULL */
			if (put_user(0U, (u32 __user *)p))
				return -EFAULT;
			p += 4;
		}
		if (put_user((u32)(strp + (s - bprm->strings)), (u32 __user *)p))
			return -EFAULT;
		p += 4;
		s += strlen(s) + 1;
	}
	if (bprm->argc == n) {
		if (put_user(0U, (u32 __user *)p))
			return -EFAULT;
		p += 4;
	}
	if (put_user(0U, (u32 __user *)p) ||
	    copy_to_user((void __user *)(p + 4), auxv, sizeof(auxv)))
		return -EFAULT;
	bprm->mm->arg_start = strp;
	bprm->mm->env_end = STACK_TOP;
	*spp = sp;
	return 0;
}

/* After the point of no return: current->mm is bprm->mm, empty. */
int load_elf_binary(struct linux_binprm *bprm, struct pt_regs *regs)
{
	struct mm_struct *mm = bprm->mm;
	struct vm_area_struct *stack;
	unsigned long sp;
	int i, err = 0;

	mutex_lock(&mm->mmap_lock);
	for (i = 0; i < bprm->ehdr.e_phnum && !err; i++)
		if (bprm->phdr[i].p_type == PT_LOAD)
			err = load_segment(bprm, &bprm->phdr[i]);
	mm->brk = mm->start_brk;
	stack = err ? NULL : vma_alloc(mm, STACK_TOP - STACK_INIT_SIZE, STACK_TOP,
				       VM_READ | VM_WRITE | VM_GROWSDOWN | VM_STACK_TAG);
	if (!err && (!stack || insert_vm_struct(mm, stack)))
		err = -ENOMEM;
	mm->start_stack = STACK_TOP;
	mutex_unlock(&mm->mmap_lock);
	if (err)
		return err;
	err = create_elf_tables(bprm, &sp);	/* faults in the stack pages */
	if (err)
		return err;

	memset(regs, 0, sizeof(*regs));
	regs->ip = bprm->ehdr.e_entry;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = regs->ds = regs->es = __USER_DS;
	regs->fs = regs->gs = __USER_DS;
	regs->flags = X86_EFLAGS_IF | 0x2;	/* bit 1 is always set */
	return 0;
}
