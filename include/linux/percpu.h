/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/compiler.h>
#include <linux/threads.h>
#include <linux/smp.h>

/*
 * Per-CPU variables, Linux's model: DEFINE_PER_CPU puts the variable in
 * .data..percpu, which is CPU 0's copy. When SMP arrives each further CPU
 * gets a copy of the section and __per_cpu_offset[cpu] says how far away
 * it is; today there is one CPU and its offset is 0. Always go through
 * these accessors, never through the variable's name, so that code is
 * already right for SMP.
 */
#define DECLARE_PER_CPU(type, name) \
	extern __section(".data..percpu") __typeof__(type) name
#define DEFINE_PER_CPU(type, name) \
	__section(".data..percpu") __typeof__(type) name

extern unsigned long __per_cpu_offset[NR_CPUS];

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), (cpu)))
#define this_cpu_ptr(ptr) per_cpu_ptr(ptr, raw_smp_processor_id())
#define raw_cpu_ptr(ptr) this_cpu_ptr(ptr)

#define this_cpu_read(var) (*this_cpu_ptr(&(var)))
#define this_cpu_write(var, val) (*this_cpu_ptr(&(var)) = (val))
#define this_cpu_add(var, val) (*this_cpu_ptr(&(var)) += (val))
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_add(var, -1)
#define __this_cpu_read(var) this_cpu_read(var)
#define __this_cpu_write(var, val) this_cpu_write(var, val)
#define __this_cpu_inc(var) this_cpu_inc(var)

#endif /* _LINUX_PERCPU_H */
