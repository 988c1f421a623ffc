// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a process (Linux's kernel/exit.c): its address space, its
 * files and its cwd are let go at once -- every user page and page
 * table goes back to the allocator here -- and what remains, the
 * task_struct with the exit status, is a zombie until its parent
 * collects it with wait4()/waitpid(). A dying parent's children go to
 * the child reaper (the PID 1 that execve'd /init), or, when there is
 * none (a self-test's parent is a kernel thread), are reaped by the
 * kernel as soon as they exit.
 *
 * The parent's link holds a reference on the child's task_struct: it is
 * taken at fork and dropped at the reaping.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <asm/mmu_context.h>

#define WNOHANG 0x00000001

struct task_struct *child_reaper;
static DECLARE_WAIT_QUEUE_HEAD(child_exit_wq);

/* Off the user page tables for good, then free them. */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	unsigned long flags;

	if (!mm)
		return;
	spin_lock_irqsave(&tasklist_lock, flags);	/* vs get_task_mm() */
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	switch_mm(mm, &init_mm);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	mmput(mm);
}

static void exit_files(struct task_struct *tsk)
{
	if (tsk->files)
		put_files_struct(tsk->files);
	tsk->files = NULL;
	if (tsk->fs_cwd)
		iput(tsk->fs_cwd);
	tsk->fs_cwd = NULL;
}

/* tasklist_lock held: child loses its parent; false when it must be reaped. */
static bool reparent(struct task_struct *child, struct task_struct *dying)
{
	struct task_struct *reaper = child_reaper;

	list_del_init(&child->sibling);
	if (!reaper || reaper == dying) {
		child->real_parent = NULL;
		return child->exit_state != EXIT_ZOMBIE;
	}
	child->real_parent = reaper;
	list_add_tail(&child->sibling, &reaper->children);
	return true;
}

static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *c, *tmp;
	LIST_HEAD(reap);
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry_safe(c, tmp, &tsk->children, sibling)
		if (!reparent(c, tsk))
			list_add(&c->sibling, &reap);
	/* With no parent left to wait, nobody will: the zombie goes now. */
	tsk->exit_state = tsk->real_parent ? EXIT_ZOMBIE : EXIT_DEAD;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	list_for_each_entry_safe(c, tmp, &reap, sibling) {
		list_del_init(&c->sibling);
		put_task_struct(c);	/* the old parent's reference */
	}
	wake_up_all(&child_exit_wq);
}

void exit_process(struct task_struct *tsk)
{
	exit_mm(tsk);
	exit_files(tsk);
	exit_notify(tsk);
}

long sys_exit(int error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/* One thread per process here: the group is the task. */
long sys_exit_group(int error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/*
 * Collect a zombie child (pid > 0: that one; -1 or 0: any). Its pid, 0
 * with WNOHANG when none has exited, -ECHILD when there is none to wait
 * for, -EINTR when a signal came first.
 */
static long do_wait(pid_t pid, int *status, int options)
{
	struct wait_queue_entry wait;
	struct task_struct *c, *zombie;
	unsigned long flags;
	long ret;

	init_wait_entry(&wait, 0);
	for (;;) {
		bool found = false;

		prepare_to_wait(&child_exit_wq, &wait, TASK_INTERRUPTIBLE);
		zombie = NULL;
		spin_lock_irqsave(&tasklist_lock, flags);
		list_for_each_entry(c, &current->children, sibling) {
			if (pid > 0 && c->pid != pid)
				continue;
			found = true;
			if (c->exit_state == EXIT_ZOMBIE) {
				zombie = c;
				list_del_init(&c->sibling);
				c->real_parent = NULL;
				break;
			}
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (zombie) {
			*status = zombie->exit_code;
			ret = zombie->pid;
			put_task_struct(zombie);
			break;
		}
		ret = !found ? -ECHILD : (options & WNOHANG) ? 0 :
		      signal_pending(current) ? -EINTR : 1;
		if (ret <= 0)
			break;
		schedule();
	}
	finish_wait(&child_exit_wq, &wait);
	return ret;
}

long kernel_wait(pid_t pid, int *status)
{
	return do_wait(pid, status, 0);
}

long sys_wait4(pid_t pid, int __user *stat_addr, int options, void __user *ru)
{
	int status = 0;
	long ret;

	if (options & ~WNOHANG)
		return -EINVAL;
	if (stat_addr && !access_ok(stat_addr, sizeof(*stat_addr)))
		return -EFAULT;
	if (ru && clear_user(ru, 72))	/* struct rusage: no accounting */
		return -EFAULT;
	ret = do_wait(pid, &status, options);
	if (ret > 0 && stat_addr && put_user(status, stat_addr))
		return -EFAULT;
	return ret;
}

long sys_waitpid(pid_t pid, int __user *stat_addr, int options)
{
	return sys_wait4(pid, stat_addr, options, NULL);
}
