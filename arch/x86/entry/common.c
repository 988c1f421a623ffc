// SPDX-License-Identifier: GPL-2.0
/*
 * The C side of entering and leaving the kernel from ring 3 (Linux's
 * arch/x86/entry/common.c and kernel/entry/common.c).
 *
 * int 0x80 arrives through an interrupt gate, IRQs off; the system call
 * runs with them on (it may sleep, fault on user memory, be preempted).
 * Every return to ring 3 -- after a system call, an exception or an
 * interrupt that came from ring 3 -- passes exit_to_user_mode(): a
 * pending reschedule is taken there (this is how the timer preempts user
 * code), and a pending fatal signal ends the process before it runs
 * another user instruction.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/irqflags.h>
#include <kmaplab/traps.h>
#include <trace/events/syscalls.h>

void do_int80_syscall_32(struct pt_regs *regs)
{
	long nr = regs->ax;	/* ax becomes the return value */

	local_irq_enable();
	trace_sys_enter(regs, nr);
	do_syscall_32_irqs_on(regs);
	trace_sys_exit(regs, nr);
	exit_to_user_mode(regs);
}

static int next_signal(unsigned long pending)
{
	return __builtin_ctzl(pending);
}

/* Returns with IRQs off, nothing pending: the iret may go. */
void exit_to_user_mode(struct pt_regs *regs)
{
	local_irq_disable();
	for (;;) {
		struct task_struct *tsk = current;

		if (need_resched()) {
			local_irq_enable();
			schedule();
			local_irq_disable();
			continue;
		}
		if (signal_pending(tsk)) {
			local_irq_enable();
			do_exit(next_signal(tsk->pending));	/* killed by it */
		}
		break;
	}
}
