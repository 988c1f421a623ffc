// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, reduced to their default actions: a signal sent is a bit in
 * p->pending; an interruptible sleep ends early (signal_pending()); on
 * its way back to ring 3 the task dies of the lowest pending signal
 * (arch/x86/entry/common.c). SIGKILL and SIGTERM are all kill() accepts;
 * there are no handlers, masks or SIGCHLD.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <kmaplab/traps.h>

#define SIGKILL 9
#define SIGTERM 15

static void send_sig(struct task_struct *p, int sig)
{
	__atomic_or_fetch(&p->pending, 1UL << sig, __ATOMIC_SEQ_CST);
	wake_up_state(p, TASK_INTERRUPTIBLE);
}

long sys_kill(pid_t pid, int sig)
{
	struct task_struct *p;
	unsigned long flags;
	long ret = -ESRCH;

	if (sig != SIGKILL && sig != SIGTERM && sig != 0)
		return -EINVAL;
	if (pid <= 0)
		return -EINVAL;	/* process groups: not here */
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (p->pid != pid || !p->mm || p->exit_state)
			continue;
		/* init has no handlers: Linux drops signals sent to it. */
		if (sig && p != child_reaper)
			send_sig(p, sig);
		ret = 0;
		break;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* A user-mode fault or trap nobody resolves: one line, then death by sig. */
__noreturn void force_sig_report(struct pt_regs *regs, int sig, const char *what)
{
	struct task_struct *tsk = current;

	local_irq_enable();
	pr_info("%s[%d]: %s ip %08lx sp %08lx error %lx: killed by signal %d\n",
		tsk->comm, tsk->pid, what, regs->ip, regs_sp(regs), regs->orig_ax, sig);
	do_exit(sig);
}
