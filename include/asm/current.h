/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

#include <linux/compiler.h>
#include <linux/percpu.h>

struct task_struct;
DECLARE_PER_CPU(struct task_struct *, current_task);

/* The task running on this CPU, kept in a per-CPU variable as on x86. */
static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}

#define current get_current()

#endif /* _ASM_CURRENT_H */
