/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/threads.h>

/*
 * Several CPUs (the Makefile defines CONFIG_SMP). Which CPU am I: a
 * per-CPU variable, read with one %fs-relative load. The answer is only
 * stable while the task cannot migrate -- preemption or migration
 * disabled, or IRQs off; smp_processor_id() is for those places, and
 * raw_smp_processor_id() for statistics and messages that accept a stale
 * answer.
 */
#ifndef CONFIG_SMP
#error "kmaplab is built with CONFIG_SMP (see the Makefile)"
#endif

extern __attribute__((__section__(".data..percpu"))) int cpu_number;

static inline int raw_smp_processor_id(void)
{
	int cpu;

	__asm__ __volatile__("movl %%fs:%1, %0" : "=r"(cpu) : "m"(cpu_number));
	return cpu;
}
#define smp_processor_id() raw_smp_processor_id()
#define get_cpu() ({ preempt_disable(); smp_processor_id(); })
#define put_cpu() preempt_enable()

/* CPUs found at boot (ACPI MADT), numbered 0 .. nr_cpu_ids - 1. */
extern unsigned int nr_cpu_ids;
unsigned int num_online_cpus(void);

/*
 * Run func(info) on other CPUs, in their interrupt context (an IPI),
 * IRQs off there. With wait, return only when every one has finished;
 * without, as soon as each has been asked (info must then stay valid).
 * The caller must not have IRQs disabled when it waits: two CPUs that
 * wait for each other with IRQs off would wait forever.
 *   smp_call_function_single(cpu, ...)  one CPU (may be this one)
 *   smp_call_function_many(mask, ...)   the online CPUs in mask, not this one
 *   on_each_cpu(...)                    every online CPU, this one included
 */
typedef void (*smp_call_func_t)(void *info);
struct cpumask;
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait);
void smp_call_function(smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
/* panic(): park every other CPU (NMI); the NMI handler calls stop_this_cpu(). */
void smp_send_stop(void);
__noreturn void stop_this_cpu(void);

/* Ask cpu to reschedule (the RESCHEDULE IPI). */
void smp_send_reschedule(int cpu);

/* CPU hotplug (kernel/cpu.c); 0 or -errno. */
int cpu_up(unsigned int cpu);
int cpu_down(unsigned int cpu);

#endif /* _LINUX_SMP_H */
