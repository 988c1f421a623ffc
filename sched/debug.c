// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler's complaints, in Linux's words: sleeping in atomic
 * context (might_sleep) and scheduling while atomic. Both print and go
 * on; the report is the point, so that a student sees the same message
 * a Linux kernel log would show for the same mistake.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <kmaplab/traps.h>
#include "sched.h"

static void print_task_line(void)
{
	printk(KERN_ERR "CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
	       current->pid, current->comm);
}

/*
 * May the caller sleep here? Only with nothing but 'offsets' in
 * preempt_count (0 for a plain sleep; a lock's offset for the
 * cond_resched_lock() kind), with IRQs on. Silent before the scheduler
 * runs, in the idle task, and while an oops is being reported.
 */
void __might_resched(const char *file, int line, unsigned int offsets)
{
	if ((preempt_count_equals(offsets) && !irqs_disabled() &&
	     !is_idle_task(current)) || !scheduler_running || oops_in_progress)
		return;
	printk(KERN_ERR "BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), current->pid, current->comm);
	printk(KERN_ERR "preempt_count: %x, expected: %x\n", preempt_count(), offsets);
	print_task_line();
	dump_stack();
}

/*
 * might_sleep(): the above, and a warning when the caller is about to
 * sleep a second time -- it set a sleeping state and then called
 * something that may sleep, which would reset its state to running.
 */
void __might_sleep(const char *file, int line)
{
	unsigned int state = READ_ONCE(current->__state);

	WARN_ONCE(state != TASK_RUNNING && scheduler_running,
		  "do not call blocking ops when !TASK_RUNNING; state=%x", state);
	__might_resched(file, line, 0);
}

/* schedule() entered with more than its own preempt_disable() level. */
void __schedule_bug(struct task_struct *prev)
{
	if (oops_in_progress)
		return;
	printk(KERN_ERR "BUG: scheduling while atomic: %s/%d/0x%08x\n",
	       prev->comm, prev->pid, preempt_count());
	print_task_line();
	dump_stack();
}

const char *task_state_name(const struct task_struct *p)
{
	switch (READ_ONCE(p->__state)) {
	case TASK_RUNNING:
		return "R (running)";
	case TASK_INTERRUPTIBLE:
		return "S (sleeping)";
	case TASK_UNINTERRUPTIBLE:
		return "D (disk sleep)";
	case TASK_DEAD:
		return "X (dead)";
	default:
		return "? (unknown)";
	}
}

/* The monitor's "threads": every task with its context counters. */
void show_threads(void)
{
	/* The caller's own count, before the lock below raises it. */
	unsigned int self_preempt = preempt_count();
	struct task_struct *p;
	unsigned long flags;

	pr_info("  PID COMM             STATE           CPU PREEMPT PGFLT-OFF MIGR-OFF KMAPS  SWITCHES(v/i)\n");
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		pr_info("%5d %-16s %-15s %3d %7x %9d %8u %5d  %lu/%lu%s\n", p->pid,
			p->comm, task_state_name(p), task_cpu(p),
			p == current ? self_preempt : p->thread_info.preempt_count,
			p->pagefault_disabled, p->migration_disabled,
			p->kmap_ctrl.idx / KM_INCR, p->nvcsw, p->nivcsw,
			p == current ? "  <- current" : "");
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
