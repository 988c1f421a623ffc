/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HIGHMEM_INTERNAL_H
#define _LINUX_HIGHMEM_INTERNAL_H

#include <linux/sched.h>

/*
 * Context-switch hooks for kmap_local (mm/highmem.c). The scheduler
 * calls them on the switch path, only when the task holds mappings:
 *   kmap_local_sched_out(): clear the outgoing task's slot PTEs (invlpg each)
 *   kmap_local_sched_in():  rewrite the incoming task's saved PTEs
 * Both act on current (before / after the stack switch respectively).
 */
void __kmap_local_sched_out(void);
void __kmap_local_sched_in(void);

static inline void kmap_local_sched_out(void)
{
	if (current->kmap_ctrl.idx)
		__kmap_local_sched_out();
}

static inline void kmap_local_sched_in(void)
{
	if (current->kmap_ctrl.idx)
		__kmap_local_sched_in();
}

#endif /* _LINUX_HIGHMEM_INTERNAL_H */
