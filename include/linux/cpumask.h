/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/threads.h>
#include <asm/bitsperlong.h>
#include <linux/smp.h>

/*
 * Sets of CPUs, the small part of Linux's API kmaplab needs: a task's
 * allowed CPUs (cpus_mask) and the global masks below. NR_CPUS fits in
 * one word here.
 */
typedef struct cpumask {
	unsigned long bits[1];
} cpumask_t;

/*
 * nr_cpumask_bits: the bits a mask has, NR_CPUS as in Linux without
 * CONFIG_CPUMASK_OFFSTACK; the iterators stop at nr_cpu_ids (the CPUs
 * found at boot). cpumask_bits(m) is the word array, for printk's %*pb.
 */
#define nr_cpumask_bits ((unsigned int)NR_CPUS)
#define cpumask_bits(maskp) ((maskp)->bits)
#define CPU_BITS_MASK ((1UL << NR_CPUS) - 1)
#define CPU_BITS_ALL { CPU_BITS_MASK }
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
/*
 * Searching: the next set (or clear) CPU after n (n = -1: from the
 * start); nr_cpumask_bits or more when there is none, as in Linux.
 */
static inline unsigned int __cpumask_next_set(unsigned long bits, int n)
{
	if (n + 1 >= (int)nr_cpumask_bits)
		return nr_cpumask_bits;
	bits &= ~0UL << (n + 1);
	return bits ? (unsigned int)__builtin_ctzl(bits) : nr_cpumask_bits;
}

static inline unsigned int cpumask_next(int n, const cpumask_t *m)
{
	return __cpumask_next_set(cpumask_bits(m)[0], n);
}

static inline unsigned int cpumask_next_zero(int n, const cpumask_t *m)
{
	return __cpumask_next_set(~cpumask_bits(m)[0] & CPU_BITS_MASK, n);
}

static inline unsigned int cpumask_next_and(int n, const cpumask_t *a,
					     const cpumask_t *b)
{
	return __cpumask_next_set(a->bits[0] & b->bits[0], n);
}

static inline unsigned int cpumask_next_andnot(int n, const cpumask_t *a,
						const cpumask_t *b)
{
	return __cpumask_next_set(a->bits[0] & ~b->bits[0], n);
}

static inline unsigned int cpumask_first(const cpumask_t *m)
{
	return cpumask_next(-1, m);
}

static inline unsigned int cpumask_first_zero(const cpumask_t *m)
{
	return cpumask_next_zero(-1, m);
}

/* The highest CPU in m, or nr_cpumask_bits when m is empty. */
static inline unsigned int cpumask_last(const cpumask_t *m)
{
	unsigned long b = m->bits[0] & CPU_BITS_MASK;

	return b ? BITS_PER_LONG - 1 - __builtin_clzl(b) : nr_cpumask_bits;
}

/* The next CPU in m after n, wrapping around to the first; start-free. */
static inline unsigned int cpumask_next_wrap(int n, const cpumask_t *m,
					     int start, bool wrap)
{
	unsigned int next;

again:
	next = cpumask_next(n, m);
	if (wrap && n < start && next >= (unsigned int)start)
		return nr_cpumask_bits;
	if (next >= nr_cpumask_bits) {
		wrap = true;
		n = -1;
		goto again;
	}
	return next;
}

/* Linux keeps a table of single-CPU masks; so does kmaplab. */
extern const cpumask_t cpu_bit_masks[NR_CPUS];

static inline const cpumask_t *cpumask_of(unsigned int cpu)
{
	return &cpu_bit_masks[cpu];
}

static inline bool cpumask_test_cpu(unsigned int cpu, const cpumask_t *m)
{
	return m->bits[0] & (1UL << cpu);
}

static inline void cpumask_setall(cpumask_t *m)
{
	m->bits[0] = CPU_BITS_MASK;
}

static inline bool cpumask_full(const cpumask_t *m)
{
	return (m->bits[0] & CPU_BITS_MASK) == CPU_BITS_MASK;
}

static inline bool cpumask_andnot(cpumask_t *dst, const cpumask_t *a,
				  const cpumask_t *b)
{
	dst->bits[0] = a->bits[0] & ~b->bits[0];
	return dst->bits[0] != 0;
}

static inline void cpumask_or(cpumask_t *dst, const cpumask_t *a,
			      const cpumask_t *b)
{
	dst->bits[0] = a->bits[0] | b->bits[0];
}

static inline bool cpumask_equal(const cpumask_t *a, const cpumask_t *b)
{
	return a->bits[0] == b->bits[0];
}

static inline bool cpumask_subset(const cpumask_t *a, const cpumask_t *b)
{
	return !(a->bits[0] & ~b->bits[0]);
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
/* present: CPUs physically there; here, as found at boot (no hot-add). */
#define cpu_present_mask cpu_possible_mask
#define cpu_present(cpu) cpumask_test_cpu((cpu), cpu_present_mask)
#define num_possible_cpus() cpumask_weight(cpu_possible_mask)
#define num_present_cpus() cpumask_weight(cpu_present_mask)
#define num_active_cpus() cpumask_weight(cpu_active_mask)
#define cpu_possible_mask ((const cpumask_t *)&__cpu_possible_mask)
#define cpu_online_mask ((const cpumask_t *)&__cpu_online_mask)
#define cpu_active_mask ((const cpumask_t *)&__cpu_active_mask)
#define cpu_possible(cpu) cpumask_test_cpu((cpu), cpu_possible_mask)
#define cpu_online(cpu) cpumask_test_cpu((cpu), cpu_online_mask)
#define cpu_active(cpu) cpumask_test_cpu((cpu), cpu_active_mask)
#define cpu_is_offline(cpu) (!cpu_online(cpu))

/* The iterators, Linux's: each visits CPUs below nr_cpu_ids only. */
#define for_each_cpu(cpu, mask)						\
	for ((cpu) = -1; (cpu) = cpumask_next((cpu), (mask)),		\
	     (cpu) < nr_cpu_ids;)
#define for_each_cpu_not(cpu, mask)					\
	for ((cpu) = -1; (cpu) = cpumask_next_zero((cpu), (mask)),	\
	     (cpu) < nr_cpu_ids;)
#define for_each_cpu_and(cpu, mask1, mask2)				\
	for ((cpu) = -1; (cpu) = cpumask_next_and((cpu), (mask1), (mask2)), \
	     (cpu) < nr_cpu_ids;)
#define for_each_cpu_andnot(cpu, mask1, mask2)				\
	for ((cpu) = -1;						\
	     (cpu) = cpumask_next_andnot((cpu), (mask1), (mask2)),	\
	     (cpu) < nr_cpu_ids;)
/* Every CPU of mask once, starting at start and wrapping around. */
#define for_each_cpu_wrap(cpu, mask, start)				\
	for ((cpu) = cpumask_next_wrap((start) - 1, (mask), (start), false); \
	     (cpu) < nr_cpumask_bits;					\
	     (cpu) = cpumask_next_wrap((cpu), (mask), (start), true))
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)
#define for_each_possible_cpu(cpu) for_each_cpu(cpu, cpu_possible_mask)
#define for_each_present_cpu(cpu) for_each_cpu(cpu, cpu_present_mask)

#endif /* _LINUX_CPUMASK_H */
