/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/compiler.h>
#include <linux/threads.h>
#include <linux/smp.h>

/*
 * Per-CPU variables, Linux's x86-32 model.
 *
 * DEFINE_PER_CPU puts the variable in .data..percpu. CPU 0 uses that
 * section in place; every other CPU gets a copy of it (arch/x86/kernel/setup_percpu.c)
 * and __per_cpu_offset[cpu] is how far that copy is from the original.
 * Each CPU's %fs segment has its own offset as base, so
 *
 *	%fs:var  ==  the running CPU's copy of var
 *
 * and this_cpu_read/write/add on a 1-, 2- or 4-byte variable are ONE
 * instruction: an interrupt or a migration cannot split them, so they
 * are safe with preemption on (a task moved to another CPU between two
 * of them simply updates the other CPU's copy, which is what per-CPU
 * statistics want). Wider variables (u64) take the address route and
 * need preemption off, like Linux's raw_cpu_* operations.
 *
 * Always go through these accessors, never through the variable's name:
 * the name is CPU 0's copy.
 */
#define DECLARE_PER_CPU(type, name) \
	extern __section(".data..percpu") __typeof__(type) name
#define DEFINE_PER_CPU(type, name) \
	__section(".data..percpu") __typeof__(type) name

extern unsigned long __per_cpu_offset[NR_CPUS];
/* This CPU's entry of __per_cpu_offset, kept in its own area. */
DECLARE_PER_CPU(unsigned long, this_cpu_off);

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), (cpu)))

/* One %fs-relative move; sizes other than 1, 2, 4 fall back to a pointer. */
#define __pcpu_read(var) ({						\
	__typeof__(var) __pr;						\
	unsigned long __pv;						\
	switch (sizeof(var)) {						\
	case 1:								\
		__asm__ __volatile__("movzbl %%fs:%1, %0"		\
				     : "=r"(__pv) : "m"(var));		\
		__pr = (__typeof__(var))__pv;				\
		break;							\
	case 2:								\
		__asm__ __volatile__("movzwl %%fs:%1, %0"		\
				     : "=r"(__pv) : "m"(var));		\
		__pr = (__typeof__(var))__pv;				\
		break;							\
	case 4:								\
		__asm__ __volatile__("movl %%fs:%1, %0"			\
				     : "=r"(__pv) : "m"(var));		\
		__pr = (__typeof__(var))__pv;				\
		break;							\
	default:							\
		__pr = *__pcpu_ptr(&(var));				\
	}								\
	__pr;								\
})

#define __pcpu_op(op, var, val) do {					\
	__typeof__(var) __po = (val);					\
	switch (sizeof(var)) {						\
	case 1:								\
		__asm__ __volatile__(op "b %1, %%fs:%0"			\
				     : "+m"(var) : "qi"(__po));		\
		break;							\
	case 2:								\
		__asm__ __volatile__(op "w %1, %%fs:%0"			\
				     : "+m"(var) : "ri"(__po));		\
		break;							\
	case 4:								\
		__asm__ __volatile__(op "l %1, %%fs:%0"			\
				     : "+m"(var) : "ri"(__po));		\
		break;							\
	default:							\
		__pcpu_op_wide(op, var, __po);				\
	}								\
} while (0)

#define __pcpu_op_wide(op, var, v) \
	__pcpu_wide(op[0], __pcpu_ptr(&(var)), &(v), sizeof(var))

/* The not-one-instruction case: a u64 add, or a plain copy. */
static inline void __pcpu_wide(char op, void *p, const void *v, unsigned int size)
{
	unsigned int i;

	if (op == 'a' && size == 8) {
		*(unsigned long long *)p += *(const unsigned long long *)v;
		return;
	}
	for (i = 0; i < size; i++)
		((char *)p)[i] = ((const char *)v)[i];
}

/* The running CPU's copy of *ptr: its offset, read through %fs. */
#define __pcpu_ptr(ptr) ({						\
	unsigned long __off;						\
	__asm__ __volatile__("movl %%fs:%1, %0"				\
			     : "=r"(__off) : "m"(this_cpu_off));	\
	(__typeof__(ptr))((unsigned long)(ptr) + __off);		\
})

#define this_cpu_ptr(ptr) __pcpu_ptr(ptr)
#define raw_cpu_ptr(ptr) __pcpu_ptr(ptr)

#define this_cpu_read(var) __pcpu_read(var)
#define this_cpu_write(var, val) __pcpu_op("mov", var, val)
#define this_cpu_add(var, val) __pcpu_op("add", var, val)
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_add(var, -1)
#define __this_cpu_read(var) this_cpu_read(var)
#define __this_cpu_write(var, val) this_cpu_write(var, val)
#define __this_cpu_inc(var) this_cpu_inc(var)

/* arch/x86/kernel/setup_percpu.c: make the areas of the CPUs found (before they boot). */
void setup_per_cpu_areas(void);
void percpu_save_template(void);

#endif /* _LINUX_PERCPU_H */
