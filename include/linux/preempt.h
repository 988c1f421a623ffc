/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/thread_info.h>

/*
 * preempt_count, laid out as in Linux:
 *
 *   bits  0- 7  PREEMPT  preempt_disable() nesting
 *   bits  8-15  SOFTIRQ  (kept for the shape; kmaplab has no softirqs)
 *   bits 16-19  HARDIRQ  hard interrupt nesting
 *   bit  20     NMI
 *
 * The task may be switched out only when the whole word is zero. It is
 * kept per task (in thread_info) and so travels with the task across a
 * context switch.
 */
#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define NMI_BITS 1

#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT (HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x) ((1UL << (x)) - 1)
#define PREEMPT_MASK (__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK (__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK (__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK (__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET (1UL << NMI_SHIFT)

#define preempt_count() (READ_ONCE(current_thread_info()->preempt_count))
#define preempt_count_set(pc) WRITE_ONCE(current_thread_info()->preempt_count, (pc))
#define __preempt_count_add(v) (current_thread_info()->preempt_count += (v))
#define __preempt_count_sub(v) (current_thread_info()->preempt_count -= (v))

#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count() (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))

#define in_nmi() (preempt_count() & NMI_MASK)
#define in_hardirq() (hardirq_count())
#define in_irq() in_hardirq()
#define in_softirq() (softirq_count())
#define in_serving_softirq() (softirq_count() & SOFTIRQ_OFFSET)
#define in_interrupt() (irq_count())
#define in_task() (!(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))
#define in_atomic() (preempt_count() != 0)

/*
 * One preempt_disable() level. schedule() runs with exactly this much
 * (plus the run-queue lock it takes), so "scheduling while atomic" means
 * a count other than PREEMPT_DISABLE_OFFSET on entry to the scheduler.
 * A new task starts inside the scheduler, holding schedule()'s level and
 * the run-queue lock's: FORK_PREEMPT_COUNT.
 */
#define PREEMPT_DISABLE_OFFSET PREEMPT_OFFSET
#define PREEMPT_LOCK_OFFSET PREEMPT_DISABLE_OFFSET
#define FORK_PREEMPT_COUNT (2 * PREEMPT_DISABLE_OFFSET)
#define in_atomic_preempt_off() (preempt_count() != PREEMPT_DISABLE_OFFSET)
#define preempt_count_equals(offset) (preempt_count() == (offset))

/* TIF_NEED_RESCHED: the scheduler asked the current task to give way. */
static __always_inline bool need_resched(void)
{
	return unlikely(test_thread_flag(TIF_NEED_RESCHED));
}

/* sched/core.c: switch away if a reschedule was asked for meanwhile. */
void preempt_schedule(void);
/* sched/core.c: the same, from the interrupt return path (IRQs off). */
void preempt_schedule_irq(void);

/*
 * CONFIG_DEBUG_PREEMPT (the debug build, make test): preempt_count_add()
 * and preempt_count_sub() are out of line in sched/core.c and check, as
 * Linux's do, that the count neither overflows its 8 bits nor goes below
 * zero; an unbalanced preempt_enable() warns and leaves the count alone
 * instead of wrapping it (which would leave the task atomic for good).
 */
#ifdef CONFIG_DEBUG_PREEMPT
void preempt_count_add(int val);
void preempt_count_sub(int val);
#define preempt_count_inc() preempt_count_add(1)
#define preempt_count_dec() preempt_count_sub(1)
#else
#define preempt_count_add(val) __preempt_count_add(val)
#define preempt_count_sub(val) __preempt_count_sub(val)
#define preempt_count_inc() __preempt_count_add(1)
#define preempt_count_dec() __preempt_count_sub(1)
#endif
#define should_resched(offset) (preempt_count() == (offset) && need_resched())

#define preempt_disable() do { preempt_count_inc(); barrier(); } while (0)
#define preempt_enable_no_resched() do { barrier(); preempt_count_dec(); } while (0)
#define preempt_enable() do {						\
	barrier();							\
	preempt_count_dec();						\
	if (unlikely(should_resched(0)))				\
		preempt_schedule();					\
} while (0)
#define preempt_check_resched() do {					\
	if (unlikely(should_resched(0)))				\
		preempt_schedule();					\
} while (0)
#define preempt_disable_notrace() preempt_disable()
#define preempt_enable_notrace() preempt_enable()

/* Preemptible: no preempt_disable, no interrupt context, IRQs on. */
#define preemptible() (preempt_count() == 0 && !irqs_disabled())

/*
 * migrate_disable(): stay on this CPU, yet remain preemptible. A per-task
 * count today (one CPU); with SMP the scheduler will not move a task
 * whose count is non-zero. kmap_local_page() relies on it.
 */
void migrate_disable(void);
void migrate_enable(void);

#include <linux/irqflags.h>

#endif /* _LINUX_PREEMPT_H */
