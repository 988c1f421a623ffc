/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

#include <linux/compiler.h>
#include <linux/percpu.h>

struct task_struct;
DECLARE_PER_CPU(struct task_struct *, current_task);

/*
 * The task running on this CPU, kept in a per-CPU variable as on x86.
 * Unlike this_cpu_read(), the load is not volatile (Linux's
 * this_cpu_read_stable): within a function the compiler may reuse the
 * value instead of reloading it at every use. That is safe because
 * current only changes across a context switch, and every path to one
 * is a call the compiler must assume clobbers memory.
 */
static __always_inline struct task_struct *get_current(void)
{
	struct task_struct *t;

	__asm__("movl %%fs:%1, %0" : "=r"(t) : "m"(current_task));
	return t;
}

#define current get_current()

#endif /* _ASM_CURRENT_H */
