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
#include <linux/cpumask.h>
#include <asm/apic.h>
#include <kmaplab/smp.h>
#include "sched.h"

/* cpu_down() asks (pending), the dying CPU answers (dead). */
DEFINE_PER_CPU(bool, cpu_dead_pending);
DEFINE_PER_CPU(bool, cpu_dead);

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

/*
 * The end of a CPU taken down (kernel/cpu.c): only its idle task
 * is left, and it stops here, IRQs off, until cpu_up() sends INIT again
 * -- which starts it from scratch, on this idle task's stack, so nothing
 * of this frame is ever returned to.
 */
void __noreturn play_dead(void)
{
	unsigned int cpu = smp_processor_id();

	local_irq_disable();
	lapic_timer_stop();
	smp_call_cpu_dead(cpu);		/* offline now; run what was queued */
	smp_mb();
	WRITE_ONCE(per_cpu(cpu_dead, cpu), true);
	for (;;)
		native_halt();		/* IRQs off: only INIT wakes it */
}

static void do_idle(void)
{
	while (!need_resched()) {
		if (unlikely(!cpu_active(smp_processor_id()) &&
			     this_cpu_read(cpu_dead_pending)))
			play_dead();
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

/* An AP arrives here from start_secondary(), IRQs off. */
void __noreturn cpu_startup_entry(void)
{
	preempt_disable();
	local_irq_enable();
	for (;;)
		do_idle();
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
