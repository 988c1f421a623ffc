// SPDX-License-Identifier: GPL-2.0
/*
 * Making and burying tasks: the task_struct, its kernel stack, the first
 * frame a new task resumes from, pids and the task list.
 *
 * Memory: the task_struct comes from the slab allocator and the stack
 * from vmalloc, as Linux's VMAP_STACK does it -- the unmapped page the
 * vmalloc area leaves below every area is the stack's guard page, so an
 * overflow faults into it and the double-fault handler names the thread
 * (arch/x86/kernel/traps.c). A dead task's stack is freed as soon as the task has
 * switched away for the last time (finish_task_switch()); the
 * task_struct when the last reference to it is dropped.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm_types.h>
#include <asm/ptrace.h>
#include "sched.h"

LIST_HEAD(task_list);
DEFINE_SPINLOCK(tasklist_lock);
static atomic_t last_pid = ATOMIC_INIT(1);	/* 0: idle, 1: init */

/*
 * task_structs from the slab allocator, stacks from vmalloc (their
 * pages may be highmem: only the vmalloc mapping is ever used). Both
 * may be freed with preemption disabled, from finish_task_switch().
 */
static void *alloc_task_struct(void)
{
	return kzalloc(sizeof(struct task_struct), GFP_KERNEL);
}

static void free_task_struct(struct task_struct *p)
{
	kfree(p);
}

static void *alloc_thread_stack(void)
{
	return vmalloc(THREAD_SIZE);
}

static void free_thread_stack(void *stack)
{
	vfree(stack);
}

pid_t alloc_pid(void)
{
	return atomic_inc_return(&last_pid);
}

/*
 * The stack a new task is first switched to: __switch_to_asm pops EDI,
 * ESI, EBX, EBP and returns, so it lands in ret_from_fork with EBX = fn,
 * ESI = arg and a zero frame pointer (see sched/switch.asm). The top of
 * the stack is left for a struct pt_regs, as in Linux: where the CPU
 * builds the frame when this task enters the kernel from ring 3
 * (task_pt_regs(); only processes use it).
 */
static void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg)
{
	unsigned long *sp = (unsigned long *)task_pt_regs(p);

	*--sp = 0;				/* end of stack */
	*--sp = (unsigned long)ret_from_fork;	/* __switch_to_asm's ret */
	*--sp = 0;				/* EBP */
	*--sp = (unsigned long)fn;		/* EBX */
	*--sp = (unsigned long)arg;		/* ESI */
	*--sp = 0;				/* EDI */
	p->thread.sp = (unsigned long)sp;
}

/*
 * A new task that will run fn(arg) once woken. It is not runnable yet
 * (TASK_UNINTERRUPTIBLE, off the run queue) and holds one reference to
 * itself, dropped when it is reaped. No pid, no place on the task list:
 * the caller gives those.
 */
struct task_struct *alloc_task(const char *comm, int (*fn)(void *), void *arg)
{
	struct task_struct *p = alloc_task_struct();

	if (!p)
		return NULL;
	p->stack = alloc_thread_stack();
	if (!p->stack) {
		free_task_struct(p);
		return NULL;
	}
	p->stack_size = THREAD_SIZE;
	atomic_set(&p->usage, 1);
	p->__state = TASK_UNINTERRUPTIBLE;
	p->thread_info.preempt_count = FORK_PREEMPT_COUNT;
	p->cpu = smp_processor_id();
	p->cpus_mask = CPU_MASK_ALL;
	p->time_slice = sched_slice_ticks;
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	p->active_mm = &init_mm;
	strscpy(p->comm, comm, sizeof(p->comm));
	copy_thread(p, fn, arg);
	return p;
}

void free_task_stack(struct task_struct *p)
{
	void *stack = p->stack;

	if (!stack)
		return;
	p->stack = NULL;
	p->stack_size = 0;
	free_thread_stack(stack);
}

/* The last reference is gone: the task has exited, or never started. */
void __put_task_struct(struct task_struct *p)
{
	WARN_ON(p == current);
	WARN_ON(p->on_rq);
	free_task_stack(p);
	free_kthread_struct(p);
	free_task_struct(p);
}

void task_list_add(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void task_list_del(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del_init(&p->tasks);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
