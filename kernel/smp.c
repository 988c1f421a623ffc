// SPDX-License-Identifier: GPL-2.0
/*
 * Inter-processor interrupts: asking other CPUs to run a function
 * (smp_call_function_*, on_each_cpu) or to reschedule.
 *
 * A request is a call_single_data (csd): func, info, and a "locked" flag
 * that the target clears once func has run. Each sending CPU owns one
 * csd per target CPU, so it can have one request in flight to every
 * other CPU at once without allocating; reusing a csd first waits for
 * its previous request to finish. The target keeps a queue of csds
 * (under a lock) and drains it in its CALL_FUNCTION_VECTOR handler. A
 * CPU going offline drains its queue one last time with the online bit
 * already clear -- under the same lock, so no request can slip in after
 * the drain (smp_call_cpu_dead()).
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/errno.h>
#include <asm/apic.h>
#include <asm/processor.h>
#include <asm/barrier.h>
#include <asm/desc.h>
#include <kmaplab/smp.h>

struct call_single_data {
	struct list_head list;
	smp_call_func_t func;
	void *info;
	volatile unsigned int locked;	/* set by the sender, cleared when done */
};

struct call_queue {
	raw_spinlock_t lock;
	struct list_head list;
};

DEFINE_PER_CPU(struct smp_stats, smp_stats);
static DEFINE_PER_CPU(struct call_queue, call_queue);
static DEFINE_PER_CPU(struct call_single_data[NR_CPUS], cfd_data);

void smp_call_init_cpu(unsigned int cpu)
{
	struct call_queue *q = per_cpu_ptr(&call_queue, cpu);

	if (q->list.next)
		return;
	raw_spin_lock_init(&q->lock);
	INIT_LIST_HEAD(&q->list);
}

static void csd_lock_wait(struct call_single_data *csd)
{
	while (READ_ONCE(csd->locked))
		cpu_relax();
	smp_mb();
}

/* Queue csd on cpu and interrupt it; false when cpu is (going) offline. */
static bool csd_queue(unsigned int cpu, struct call_single_data *csd)
{
	struct call_queue *q = per_cpu_ptr(&call_queue, cpu);
	unsigned long flags;
	bool ok;

	raw_spin_lock_irqsave(&q->lock, flags);
	ok = cpu_online(cpu);
	if (ok)
		list_add_tail(&csd->list, &q->list);
	raw_spin_unlock_irqrestore(&q->lock, flags);
	if (!ok)
		return false;
	apic_send_ipi(cpu, CALL_FUNCTION_VECTOR);
	this_cpu_inc(smp_stats.call_sent);
	return true;
}

void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait)
{
	struct call_single_data *cfd;
	unsigned int cpu, this;
	cpumask_t sent = { { 0 } };

	preempt_disable();
	this = smp_processor_id();
	/* Waiting with IRQs off could wait for a CPU that waits for us. */
	WARN_ON_ONCE(wait && irqs_disabled() && num_online_cpus() > 1);
	cfd = this_cpu_ptr(&cfd_data[0]);
	for_each_cpu(cpu, mask) {
		struct call_single_data *csd = &cfd[cpu];

		if (cpu == this || !cpu_online(cpu))
			continue;
		csd_lock_wait(csd);
		csd->func = func;
		csd->info = info;
		csd->locked = 1;
		smp_mb();
		if (csd_queue(cpu, csd))
			cpumask_set_cpu(cpu, &sent);
		else
			csd->locked = 0;
	}
	if (wait)
		for_each_cpu(cpu, &sent)
			csd_lock_wait(&cfd[cpu]);
	preempt_enable();
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	cpumask_t mask = *cpumask_of(cpu);
	unsigned long flags;

	if (cpu < 0 || cpu >= (int)nr_cpu_ids || !cpu_online(cpu))
		return -ENXIO;
	preempt_disable();
	if (cpu == smp_processor_id()) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
	} else {
		smp_call_function_many(&mask, func, info, wait);
	}
	preempt_enable();
	return 0;
}

void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	smp_call_function_many(cpu_online_mask, func, info, wait);
}

/* Everyone, this CPU included (locally with IRQs off, as an IPI would). */
void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function_many(cpu_online_mask, func, info, wait);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	preempt_enable();
}

/* Run and release every queued request (IRQs off). */
static void flush_call_queue(unsigned int cpu)
{
	struct call_queue *q = per_cpu_ptr(&call_queue, cpu);
	LIST_HEAD(todo);

	raw_spin_lock(&q->lock);
	while (!list_empty(&q->list))
		list_move_tail(q->list.next, &todo);
	raw_spin_unlock(&q->lock);
	while (!list_empty(&todo)) {
		struct call_single_data *csd =
			list_first_entry(&todo, struct call_single_data, list);

		list_del(&csd->list);
		csd->func(csd->info);
		smp_mb();
		WRITE_ONCE(csd->locked, 0);	/* the sender may reuse it now */
		this_cpu_inc(smp_stats.call_received);
	}
}

void generic_smp_call_function_interrupt(void)
{
	flush_call_queue(smp_processor_id());
}

void smp_call_cpu_dead(unsigned int cpu)
{
	struct call_queue *q = per_cpu_ptr(&call_queue, cpu);

	raw_spin_lock(&q->lock);
	cpumask_clear_cpu(cpu, &__cpu_online_mask);
	raw_spin_unlock(&q->lock);
	flush_call_queue(cpu);
}

/*
 * panic() on one CPU stops all the others, as Linux's smp_send_stop():
 * an NMI, because a CPU spinning with interrupts off would never take an
 * ordinary IPI. Each parks in stop_this_cpu(). Not waited for: a panic
 * must not hang on a CPU that cannot answer.
 */
void smp_send_stop(void)
{
	unsigned int cpu, this = smp_processor_id(), n = 0;

	for_each_online_cpu(cpu) {
		if (cpu == this)
			continue;
		apic_send_nmi(cpu);
		n++;
	}
	if (n)
		printk(KERN_EMERG "panic: stopping %u other CPU(s) with an NMI\n", n);
}

void stop_this_cpu(void)
{
	local_irq_disable();
	for (;;)
		native_halt();
}

void smp_send_reschedule(int cpu)
{
	if (!cpu_online(cpu))
		return;
	apic_send_ipi(cpu, RESCHEDULE_VECTOR);
	this_cpu_inc(smp_stats.resched_sent);
}

/* Nothing to do: the interrupt's return path preempts, idle wakes up. */
void smp_reschedule_interrupt(void)
{
	this_cpu_inc(smp_stats.resched_received);
}

void show_smp_stats(void)
{
	unsigned int cpu;

	pr_info("CPU  online  IPIs: call sent/received  resched sent/received\n");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct smp_stats *s = per_cpu_ptr(&smp_stats, cpu);

		pr_info("%3u  %-6s  %10lu/%-10lu  %10lu/%-10lu\n", cpu,
			cpu_online(cpu) ? "yes" : "no", s->call_sent,
			s->call_received, s->resched_sent, s->resched_received);
	}
}
