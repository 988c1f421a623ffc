/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_SMP_H
#define _KMAPLAB_SMP_H

/*
 * The glue between the SMP pieces (arch/x86/kernel/smpboot.c, kernel/smp.c,
 * kernel/cpu.c, sched/): not an API for the rest of the kernel.
 */
#include <linux/types.h>
#include <linux/percpu.h>

/* IPI counters, per CPU (the monitor's "smp" and the benchmarks). */
struct smp_stats {
	unsigned long call_sent, call_received;		/* smp_call_function* */
	unsigned long resched_sent, resched_received;	/* reschedule IPIs */
};
DECLARE_PER_CPU(struct smp_stats, smp_stats);

void smp_init(void);
void smp_call_init_cpu(unsigned int cpu);
int __cpu_up(unsigned int cpu);
void generic_smp_call_function_interrupt(void);
void smp_reschedule_interrupt(void);
/* The dying CPU drains its call queue with IRQs off, then is offline. */
void smp_call_cpu_dead(unsigned int cpu);

/* sched/ */
void smpboot_prepare_idle(unsigned int cpu);
void set_cpu_online_active(unsigned int cpu);
__noreturn void cpu_startup_entry(void);
__noreturn void play_dead(void);
/* cpu_down()'s part in the scheduler: 0 when no task is left on cpu. */
int sched_cpu_drain(unsigned int cpu, char *blocker, size_t len);
void timers_migrate(unsigned int from, unsigned int to);
extern unsigned long cpu_down_timeout_ms;

void show_smp_stats(void);

#endif /* _KMAPLAB_SMP_H */
