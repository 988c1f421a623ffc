// SPDX-License-Identifier: GPL-2.0
/*
 * execve (Linux's fs/exec.c): replace the calling process's program.
 *
 * Everything that can fail for a reason the caller should hear about --
 * the file, its ELF headers, the argument strings -- is checked and
 * copied into the kernel first, while the old program is intact and an
 * error can still be returned. Then the point of no return: the new,
 * empty address space is switched in and the old one freed
 * (exec_mmap()); a failure after that kills the process, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/binfmts.h>
#include <linux/syscalls.h>
#include <linux/spinlock.h>
#include <asm/mmu_context.h>
#include <asm/ptrace.h>
#include <kmaplab/traps.h>

/* Append one string (kernel or user) to bprm->strings. */
static int copy_string(struct linux_binprm *bprm, const char *str, bool user)
{
	long room = ARG_MAX - bprm->len, n;

	if (user) {
		n = strncpy_from_user(bprm->strings + bprm->len,
				      (const char __user *)str, room);
		if (n < 0)
			return n;
	} else {
		n = strnlen(str, room);
		memcpy(bprm->strings + bprm->len, str, min(n + 1, room));
	}
	if (n >= room)
		return -E2BIG;
	bprm->len += n + 1;
	return 0;
}

/* argv or envp, a NULL-terminated array in user or kernel memory. */
static int copy_strings(struct linux_binprm *bprm, const char *const *arr,
			bool user, int *count)
{
	int i, err;

	for (i = 0; arr; i++) {
		const char *s;

		if (i >= MAX_ARG_STRINGS)
			return -E2BIG;
		if (user) {
			if (get_user(s, (const char *const __user *)arr + i))
				return -EFAULT;
		} else {
			s = arr[i];
		}
		if (!s)
			break;
		err = copy_string(bprm, s, user);
		if (err)
			return err;
	}
	*count = i;
	return 0;
}

/* The point of no return: the new mm in, the old one out. */
static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old = tsk->mm;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);	/* vs get_task_mm() */
	tsk->mm = mm;
	switch_mm(tsk->active_mm, mm);
	tsk->active_mm = mm;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (old)
		mmput(old);
}

static int open_exec(struct linux_binprm *bprm)
{
	struct inode *inode;
	int err = 0;

	mutex_lock(&fs_lock);
	inode = kern_path(AT_FDCWD, bprm->filename);
	if (IS_ERR(inode))
		err = PTR_ERR(inode);
	else if (!S_ISREG(inode->i_mode))
		err = -EACCES;
	else if (kernel_read(inode, &bprm->ehdr, sizeof(bprm->ehdr), 0) != sizeof(bprm->ehdr))
		err = -ENOEXEC;
	if (!err) {
		iget(inode);
		bprm->inode = inode;
		err = elf_check_binary(bprm);
	}
	mutex_unlock(&fs_lock);
	return err;
}

static int do_execve(const char *filename, const char *const *argv,
		     const char *const *envp, bool user)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	struct pt_regs *regs = task_pt_regs(current);
	const char *base;
	int err;

	if (!bprm)
		return -ENOMEM;
	bprm->filename = filename;
	bprm->strings = kmalloc(ARG_MAX, GFP_KERNEL);
	err = bprm->strings ? open_exec(bprm) : -ENOMEM;
	if (!err)
		err = copy_strings(bprm, argv, user, &bprm->argc);
	if (!err)
		err = copy_strings(bprm, envp, user, &bprm->envc);
	if (!err) {
		bprm->mm = mm_alloc();
		if (!bprm->mm)
			err = -ENOMEM;
	}
	if (err)
		goto out;

	exec_mmap(bprm->mm);
	mutex_lock(&fs_lock);
	err = load_elf_binary(bprm, regs);
	mutex_unlock(&fs_lock);
	if (err) {
		pr_info("%s[%d]: execve of %s failed after the point of no return (%d)\n",
			current->comm, current->pid, filename, err);
		force_sig_report(regs, 11, "execve");
	}
	base = strrchr(filename, '/');
	strscpy(current->comm, base ? base + 1 : filename, sizeof(current->comm));
	if (current->files)
		do_close_on_exec(current->files);
out:
	if (bprm->inode)
		iput(bprm->inode);
	kfree(bprm->strings);
	kfree(bprm);
	return err;
}

/* From the kernel: the caller then leaves through ret_to_user(). */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	return do_execve(filename, argv, envp, false);
}

long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long n, err;

	if (!name)
		return -ENOMEM;
	n = strncpy_from_user(name, filename, PATH_MAX);
	if (n < 0)
		err = n;
	else if (n == PATH_MAX)
		err = -ENAMETOOLONG;
	else
		err = do_execve(name, (const char *const *)argv,
				(const char *const *)envp, true);
	kfree(name);
	return err;
}
