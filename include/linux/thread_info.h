/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_THREAD_INFO_H
#define _LINUX_THREAD_INFO_H

#include <asm/current.h>

/*
 * The few per-task words the low-level code needs without knowing
 * struct task_struct: it is the first member of task_struct, so the
 * current task's thread_info is at the address of current.
 */
struct thread_info {
	unsigned long flags;	/* TIF_* bits */
	int preempt_count;	/* see <linux/preempt.h> */
};

#define TIF_NEED_RESCHED 0

static __always_inline struct thread_info *current_thread_info(void)
{
	return (struct thread_info *)get_current();
}

static inline bool test_thread_flag(int flag)
{
	return current_thread_info()->flags & (1UL << flag);
}

static inline void set_thread_flag(int flag)
{
	current_thread_info()->flags |= 1UL << flag;
}

static inline void clear_thread_flag(int flag)
{
	current_thread_info()->flags &= ~(1UL << flag);
}

#endif /* _LINUX_THREAD_INFO_H */
