// SPDX-License-Identifier: GPL-2.0
/*
 * TEMPORARY: the scheduler's own allocators, until mm/ provides kzalloc()
 * and vmalloc(). Remove this file then (sched/fork.c and sched/kthread.c
 * say where the real calls go).
 *
 * Objects: fixed 1 KiB blocks from a static pool. Stacks: THREAD_SIZE
 * slots from a static pool, each with the page below it unmapped in the
 * boot page tables -- the guard page a vmalloc'ed stack will have.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include "sched.h"

#define OBJ_SIZE 1024
#define NR_OBJS 256
#define NR_STACKS 40
#define SLOT_SIZE (PAGE_SIZE + THREAD_SIZE)	/* guard page, then the stack */

static u8 obj_pool[NR_OBJS][OBJ_SIZE] __aligned(16);
static bool obj_used[NR_OBJS];
static u8 stack_pool[NR_STACKS][SLOT_SIZE] __aligned(PAGE_SIZE);
static bool stack_used[NR_STACKS], stack_guarded[NR_STACKS];
static DEFINE_RAW_SPINLOCK(early_lock);

extern pte_t boot_pt[];		/* boot/head.asm: maps [0, BOOT_MAP_SIZE) */

void *sched_early_zalloc(size_t size)
{
	unsigned long flags;
	int i;

	BUG_ON(size > OBJ_SIZE);
	raw_spin_lock_irqsave(&early_lock, flags);
	for (i = 0; i < NR_OBJS && obj_used[i]; i++)
		;
	if (i < NR_OBJS)
		obj_used[i] = true;
	raw_spin_unlock_irqrestore(&early_lock, flags);
	if (i == NR_OBJS)
		return NULL;
	memset(obj_pool[i], 0, OBJ_SIZE);
	return obj_pool[i];
}

void sched_early_free(void *p)
{
	unsigned long i = ((u8 *)p - &obj_pool[0][0]) / OBJ_SIZE;
	unsigned long flags;

	if (!p)
		return;
	BUG_ON(i >= NR_OBJS || p != obj_pool[i] || !obj_used[i]);
	raw_spin_lock_irqsave(&early_lock, flags);
	obj_used[i] = false;
	raw_spin_unlock_irqrestore(&early_lock, flags);
}

static void unmap_guard(int i)
{
	unsigned long va = (unsigned long)stack_pool[i];

	BUG_ON(va - PAGE_OFFSET >= BOOT_MAP_SIZE);
	boot_pt[(va - PAGE_OFFSET) >> PAGE_SHIFT] = __pte(0);
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
	stack_guarded[i] = true;
}

void *sched_early_stack_alloc(void)
{
	unsigned long flags;
	int i;

	raw_spin_lock_irqsave(&early_lock, flags);
	for (i = 0; i < NR_STACKS && stack_used[i]; i++)
		;
	if (i < NR_STACKS) {
		stack_used[i] = true;
		if (!stack_guarded[i])
			unmap_guard(i);
	}
	raw_spin_unlock_irqrestore(&early_lock, flags);
	return i < NR_STACKS ? stack_pool[i] + PAGE_SIZE : NULL;
}

void sched_early_stack_free(void *stack)
{
	unsigned long i = ((u8 *)stack - PAGE_SIZE - &stack_pool[0][0]) / SLOT_SIZE;
	unsigned long flags;

	BUG_ON(i >= NR_STACKS || stack != stack_pool[i] + PAGE_SIZE || !stack_used[i]);
	raw_spin_lock_irqsave(&early_lock, flags);
	stack_used[i] = false;
	raw_spin_unlock_irqrestore(&early_lock, flags);
}

void sched_early_counts(unsigned long *free_objs, unsigned long *free_stacks)
{
	unsigned long flags;
	int i;

	*free_objs = *free_stacks = 0;
	raw_spin_lock_irqsave(&early_lock, flags);
	for (i = 0; i < NR_OBJS; i++)
		*free_objs += !obj_used[i];
	for (i = 0; i < NR_STACKS; i++)
		*free_stacks += !stack_used[i];
	raw_spin_unlock_irqrestore(&early_lock, flags);
}
