// SPDX-License-Identifier: GPL-2.0
/*
 * New processes (Linux's kernel/fork.c; sched/fork.c makes the bare
 * task). fork() gives the child a copy of the parent's address space --
 * the same VMAs, every page shared copy-on-write (mm/memory.c) -- its
 * descriptors (the open files shared, as in Linux) and cwd, and the
 * parent's register frame with eax = 0, so both return from the same
 * int 0x80. clone() without CLONE_VM is the same fork (nolibc's fork()
 * is clone(SIGCHLD)); threads (CLONE_VM) are not supported.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/slab.h>
#include <asm/ptrace.h>
#include <asm/mmu_context.h>
#include <kmaplab/traps.h>

#define CLONE_VM 0x00000100
#define CSIGNAL 0x000000ff

/* A forked child's first code: out through the frame fork copied. */
static int ret_from_user_fork(void *unused)
{
	local_irq_disable();
	exit_to_user_mode(task_pt_regs(current));
	ret_to_user(task_pt_regs(current));
}

/* p becomes current's child: it will be wait()ed for (one reference). */
static void link_child(struct task_struct *p)
{
	unsigned long flags;

	get_task_struct(p);
	spin_lock_irqsave(&tasklist_lock, flags);
	p->real_parent = current;
	list_add_tail(&p->sibling, &current->children);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static void free_unstarted(struct task_struct *p)
{
	if (p->mm)
		mmput(p->mm);
	if (p->files)
		put_files_struct(p->files);
	p->mm = NULL;
	p->files = NULL;
	put_task_struct(p);
}

static long do_fork(struct pt_regs *regs)
{
	struct task_struct *p = alloc_task(current->comm, ret_from_user_fork, NULL);

	if (!p)
		return -ENOMEM;
	p->mm = mm_alloc();
	p->files = dup_fd(current->files);
	if (!p->mm || !p->files || dup_mmap(p->mm, current->mm)) {
		free_unstarted(p);
		return -ENOMEM;
	}
	p->active_mm = p->mm;
	p->fs_cwd = current->fs_cwd;
	if (p->fs_cwd)
		iget(p->fs_cwd);
	*task_pt_regs(p) = *regs;
	task_pt_regs(p)->ax = 0;		/* the child's fork() returns 0 */
	p->pid = alloc_pid();
	link_child(p);
	task_list_add(p);
	wake_up_process(p);
	return p->pid;
}

long sys_fork(void)
{
	return do_fork(task_pt_regs(current));
}

long sys_clone(unsigned long flags, unsigned long newsp, int __user *ptid,
	       unsigned long tls, int __user *ctid)
{
	if (flags & ~CSIGNAL)
		return -EINVAL;		/* threads, namespaces...: not here */
	if (newsp)
		return -EINVAL;
	return do_fork(task_pt_regs(current));
}

struct spawn {
	const char *path;
	const char *const *argv;
	const char *console;
};

/* The new process's first code: console on 0-2, then execve. */
static int spawn_exec(void *data)
{
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	struct spawn *s = data;
	struct file *con;
	int err, fd;

	current->files = files_alloc();
	con = current->files ? filp_open(s->console, O_RDWR, 0) : ERR_PTR(-ENOMEM);
	if (!IS_ERR(con)) {
		for (fd = 0; fd < 3; fd++) {
			get_file(con);
			fd_install_new(con, fd, false);
		}
		fput(con);
	}
	err = kernel_execve(s->path, s->argv, envp);
	if (err) {
		pr_err("Failed to execute %s (error %d)\n", s->path, err);
		kfree(s);
		do_exit(127 << 8);
	}
	kfree(s);	/* execve copied what it needed */
	local_irq_disable();
	ret_to_user(task_pt_regs(current));
}

/*
 * Start path as a new process, current's child (kernel_wait() collects
 * it), with console (a path: "/dev/console", "/dev/null") as fds 0-2.
 * path and argv must stay valid until the child is collected (it reads
 * them in its execve).
 */
pid_t user_process_spawn(const char *path, const char *const *argv,
			 const char *console)
{
	struct spawn *s = kmalloc(sizeof(*s), GFP_KERNEL);
	struct task_struct *p;

	if (!s)
		return -ENOMEM;
	s->path = path;
	s->argv = argv;
	s->console = console;
	p = alloc_task(path, spawn_exec, s);
	if (!p) {
		kfree(s);
		return -ENOMEM;
	}
	p->pid = alloc_pid();
	link_child(p);
	task_list_add(p);
	wake_up_process(p);
	return p->pid;
}

/*
 * A kernel thread borrows a user address space (Linux's kthread_use_mm()):
 * the self-tests build an mm and work in it as a process would, with
 * copy_to_user() and page faults, without a user program.
 */
void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;

	WARN_ON(tsk->mm);
	atomic_inc(&mm->mm_users);
	preempt_disable();
	tsk->mm = mm;
	switch_mm(tsk->active_mm, mm);
	tsk->active_mm = mm;
	preempt_enable();
}

void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;

	preempt_disable();
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	switch_mm(mm, &init_mm);
	preempt_enable();
	mmput(mm);
}

/*
 * p's address space with a reference (mmput() it), or NULL for a kernel
 * thread or a process on its way out. tasklist_lock orders this against
 * the two places a task's mm pointer changes, exit_mm() and exec_mmap().
 */
struct mm_struct *get_task_mm(struct task_struct *p)
{
	struct mm_struct *mm;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	mm = p->mm;
	if (mm)
		atomic_inc(&mm->mm_users);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return mm;
}
