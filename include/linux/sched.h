/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/thread_info.h>
#include <linux/preempt.h>
#include <asm/pgtable_types.h>
#include <asm/kmap_size.h>

#define TASK_COMM_LEN 16

#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_DEAD 0x0080

/*
 * A task's kmap_local/kmap_atomic mappings (mm/highmem.c): a stack of
 * slot indexes and the PTE each slot holds, so the context switch can
 * take them down on switch-out and put them back on switch-in.
 */
struct kmap_ctrl {
	int idx;
	pte_t pteval[KM_MAX_IDX];
};

struct task_struct {
	struct thread_info thread_info;	/* must be first: see thread_info.h */
	unsigned int __state;
	void *stack;			/* lowest address of the kernel stack */
	unsigned long stack_size;
	pid_t pid;
	char comm[TASK_COMM_LEN];
	int pagefault_disabled;		/* pagefault_disable() depth */
	unsigned short migration_disabled; /* migrate_disable() depth */
	struct kmap_ctrl kmap_ctrl;	/* see mm/highmem.c */
};

extern struct task_struct init_task;

#define task_pid_nr(t) ((t)->pid)

#endif /* _LINUX_SCHED_H */
