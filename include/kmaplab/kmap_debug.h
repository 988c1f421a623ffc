/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_KMAP_DEBUG_H
#define _KMAPLAB_KMAP_DEBUG_H

/*
 * The debug build's named diagnostics for the temporary mappings
 * (mm/kmap_debug.c): who last held each kmap_local slot, so that a fault
 * on a slot address can say whose mapping it was and where it went.
 */
#include <linux/types.h>

struct task_struct;

/* How a slot's mapping went away, for the report on a later fault. */
enum kmap_unmap_how {
	KMAP_UNMAPPED,		/* kunmap_local() of its own address */
	KMAP_POPPED,		/* kunmap_local() of another (reverse order) */
	KMAP_SWITCHED_OUT,	/* context switch: the task still holds it */
};

#ifdef CONFIG_DEBUG_KMAP_LOCAL
void kmap_local_note_unmap(struct task_struct *tsk, int slot,
			   unsigned long pfn, void *where,
			   enum kmap_unmap_how how);
bool kmap_local_double_unmap(struct task_struct *tsk, unsigned long addr);
void kmap_local_fault_report(unsigned long address);
#else
static inline void kmap_local_note_unmap(struct task_struct *tsk, int slot,
					 unsigned long pfn, void *where,
					 enum kmap_unmap_how how) { }
static inline bool kmap_local_double_unmap(struct task_struct *tsk,
					   unsigned long addr) { return false; }
static inline void kmap_local_fault_report(unsigned long address) { }
#endif

/* kmap() may sleep for a pool slot: from an interrupt it is a bug. */
void kmap_from_interrupt(void);

#endif /* _KMAPLAB_KMAP_DEBUG_H */
