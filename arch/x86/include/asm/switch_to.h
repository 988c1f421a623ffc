/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

/*
 * What a task keeps of its CPU state while it is switched out: only the
 * stack pointer. Everything else -- the callee-saved registers and the
 * address to resume at -- is on the task's own stack (sched/switch.asm).
 * Caller-saved registers need no saving: switch_to() is a function call.
 */
struct thread_struct {
	unsigned long sp;
};

struct task_struct;

/*
 * Save prev's registers on its stack, switch to next's stack, restore
 * next's registers and return on next's stack. Returns the task that
 * ran before next resumed -- "last", usually not the prev next passed.
 */
struct task_struct *__switch_to_asm(struct task_struct *prev,
				    struct task_struct *next);
#define switch_to(prev, next, last) ((last) = __switch_to_asm((prev), (next)))

/* The first return of a new task (its stack is set up to ret there). */
void ret_from_fork(void);

#endif /* _ASM_SWITCH_TO_H */
