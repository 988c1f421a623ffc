/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/threads.h>
#include <linux/smp.h>

/*
 * Sets of CPUs, the small part of Linux's API the scheduler needs today:
 * a task's allowed CPUs (cpus_mask) and the online mask. NR_CPUS fits in
 * one word here.
 */
typedef struct cpumask {
	unsigned long bits[1];
} cpumask_t;

#define CPU_BITS_ALL { (1UL << NR_CPUS) - 1 }
#define CPU_MASK_ALL ((cpumask_t){ CPU_BITS_ALL })

static inline void cpumask_set_cpu(unsigned int cpu, cpumask_t *m)
{
	m->bits[0] |= 1UL << cpu;
}

static inline void cpumask_clear_cpu(unsigned int cpu, cpumask_t *m)
{
	m->bits[0] &= ~(1UL << cpu);
}

static inline bool cpumask_test_cpu(unsigned int cpu, const cpumask_t *m)
{
	return m->bits[0] & (1UL << cpu);
}

static inline unsigned int cpumask_weight(const cpumask_t *m)
{
	return __builtin_popcountl(m->bits[0]);
}

extern cpumask_t __cpu_online_mask;
#define cpu_online_mask ((const cpumask_t *)&__cpu_online_mask)
#define cpu_online(cpu) cpumask_test_cpu((cpu), cpu_online_mask)

#define for_each_cpu(cpu, mask)						\
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)			\
		if (cpumask_test_cpu((cpu), (mask)))
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)

#endif /* _LINUX_CPUMASK_H */
