/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/threads.h>
#include <linux/smp.h>

/*
 * Sets of CPUs, the small part of Linux's API kmaplab needs: a task's
 * allowed CPUs (cpus_mask) and the global masks below. NR_CPUS fits in
 * one word here.
 */
typedef struct cpumask {
	unsigned long bits[1];
} cpumask_t;

#define CPU_BITS_ALL { (1UL << NR_CPUS) - 1 }
#define CPU_MASK_ALL ((cpumask_t){ CPU_BITS_ALL })

/* Atomic (locked) like Linux's: the global masks change on any CPU. */
static inline void cpumask_set_cpu(unsigned int cpu, cpumask_t *m)
{
	__asm__ __volatile__("lock; orl %1, %0"
			     : "+m"(m->bits[0]) : "r"(1UL << cpu) : "memory");
}

static inline void cpumask_clear_cpu(unsigned int cpu, cpumask_t *m)
{
	__asm__ __volatile__("lock; andl %1, %0"
			     : "+m"(m->bits[0]) : "r"(~(1UL << cpu)) : "memory");
}

static inline void cpumask_clear(cpumask_t *m)
{
	m->bits[0] = 0;
}

static inline void cpumask_copy(cpumask_t *dst, const cpumask_t *src)
{
	dst->bits[0] = src->bits[0];
}

static inline bool cpumask_and(cpumask_t *dst, const cpumask_t *a,
			       const cpumask_t *b)
{
	dst->bits[0] = a->bits[0] & b->bits[0];
	return dst->bits[0] != 0;
}

static inline bool cpumask_intersects(const cpumask_t *a, const cpumask_t *b)
{
	return (a->bits[0] & b->bits[0]) != 0;
}

static inline bool cpumask_empty(const cpumask_t *m)
{
	return m->bits[0] == 0;
}

/* The lowest CPU in m, or NR_CPUS when m is empty. */
static inline unsigned int cpumask_first(const cpumask_t *m)
{
	return m->bits[0] ? __builtin_ctzl(m->bits[0]) : NR_CPUS;
}

static inline cpumask_t cpumask_of(unsigned int cpu)
{
	return (cpumask_t){ { 1UL << cpu } };
}

static inline bool cpumask_test_cpu(unsigned int cpu, const cpumask_t *m)
{
	return m->bits[0] & (1UL << cpu);
}

static inline unsigned int cpumask_weight(const cpumask_t *m)
{
	unsigned long b = m->bits[0];
	unsigned int n = 0;

	for (; b; b &= b - 1)	/* no libgcc: no __popcountsi2 */
		n++;
	return n;
}

/*
 * possible: found at boot (ACPI); online: running and taking interrupts;
 * active: online and accepting tasks. cpu_down() clears active first,
 * moves the tasks away, and clears online last (kernel/cpu.c).
 */
extern cpumask_t __cpu_possible_mask, __cpu_online_mask, __cpu_active_mask;
#define cpu_possible_mask ((const cpumask_t *)&__cpu_possible_mask)
#define cpu_online_mask ((const cpumask_t *)&__cpu_online_mask)
#define cpu_active_mask ((const cpumask_t *)&__cpu_active_mask)
#define cpu_possible(cpu) cpumask_test_cpu((cpu), cpu_possible_mask)
#define cpu_online(cpu) cpumask_test_cpu((cpu), cpu_online_mask)
#define cpu_active(cpu) cpumask_test_cpu((cpu), cpu_active_mask)
#define cpu_is_offline(cpu) (!cpu_online(cpu))

/* The next CPU in mask after n (-1: the first), NR_CPUS when none is. */
static inline unsigned int cpumask_next(int n, const cpumask_t *m)
{
	while (++n < NR_CPUS && !cpumask_test_cpu(n, m))
		;
	return n;
}

/* As Linux 6.1's: one for statement, no trailing if to steal an else. */
#define for_each_cpu(cpu, mask)						\
	for ((cpu) = -1; (cpu) = cpumask_next((cpu), (mask)), (cpu) < NR_CPUS;)
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)

#endif /* _LINUX_CPUMASK_H */
