/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/thread_info.h>
#include <linux/preempt.h>

#define TASK_COMM_LEN 16

#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_DEAD 0x0080

struct task_struct {
	struct thread_info thread_info;	/* must be first: see thread_info.h */
	unsigned int __state;
	void *stack;			/* lowest address of the kernel stack */
	unsigned long stack_size;
	pid_t pid;
	char comm[TASK_COMM_LEN];
	int pagefault_disabled;		/* pagefault_disable() depth */
	unsigned short migration_disabled; /* migrate_disable() depth */
};

extern struct task_struct init_task;

#define task_pid_nr(t) ((t)->pid)

#endif /* _LINUX_SCHED_H */
