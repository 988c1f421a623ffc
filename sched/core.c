// SPDX-License-Identifier: GPL-2.0
/*
 * Scheduler core -- the boot task only, until the scheduler lands: one
 * task (init_task), nothing to switch to, so nothing is ever due.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/percpu.h>
#include <linux/irqflags.h>

extern char boot_stack[], boot_stack_top[];

struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.pid = 0,
	.comm = "swapper/0",
	.stack = boot_stack,
};
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;

bool need_resched(void)
{
	return test_thread_flag(TIF_NEED_RESCHED);
}

void preempt_schedule(void)
{
}

void preempt_schedule_irq(void)
{
}

void scheduler_tick(void)
{
}

void migrate_disable(void)
{
	current->migration_disabled++;
}

void migrate_enable(void)
{
	WARN_ON_ONCE(!current->migration_disabled);
	current->migration_disabled--;
}

void __might_sleep(const char *file, int line)
{
	if (!preempt_count() && !irqs_disabled())
		return;
	printk(KERN_ERR "BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), current->pid, current->comm);
	dump_stack();
}
