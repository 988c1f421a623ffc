// SPDX-License-Identifier: GPL-2.0
/*
 * The idle task: one per CPU, runs when nothing else can. It halts the
 * CPU until the next interrupt and, when an interrupt made a task
 * runnable (the wake-up set TIF_NEED_RESCHED on it), schedules.
 *
 * It runs with preemption disabled, as in Linux: it is never preempted,
 * it steps aside in schedule_idle(). It is never on the run queue.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/irqflags.h>
#include "sched.h"

/*
 * Halt with IRQs enabled, atomically: sti takes effect only after the
 * next instruction, so no interrupt can slip in between the caller's
 * need_resched() test (made with IRQs off) and the hlt -- the wake-up it
 * would bring cannot be missed until the following interrupt.
 */
static void arch_cpu_idle(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

static void do_idle(void)
{
	while (!need_resched()) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			break;
		}
		arch_cpu_idle();
	}
	schedule_idle();
}

static int idle_thread(void *unused)
{
	preempt_disable();
	for (;;)
		do_idle();
	return 0;
}

void init_idle(struct rq *rq, int cpu)
{
	struct task_struct *idle = alloc_task("swapper", idle_thread, NULL);

	if (!idle)
		panic("sched: no memory for the idle task of CPU %d", cpu);
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	idle->pid = 0;
	idle->flags |= PF_IDLE;
	idle->__state = TASK_RUNNING;
	idle->cpu = cpu;
	idle->cpus_mask = (cpumask_t){ { 0 } };
	cpumask_set_cpu(cpu, &idle->cpus_mask);
	rq->idle = idle;
	task_list_add(idle);
}
