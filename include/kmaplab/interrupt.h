/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_INTERRUPT_H
#define _KMAPLAB_INTERRUPT_H

/* kmaplab's own interrupt helpers for tests (arch/x86/kernel/irq.c). */

/*
 * Run fn(arg) in hard-IRQ context, now, on this CPU: kmaplab sends itself
 * an interrupt (vector IRQ_WORK_VECTOR) so the callback runs exactly as a
 * device handler would -- in_irq() true, preemption off, on the
 * interrupted task's stack. Used by tests that map pages from interrupts.
 * Returns after fn has run. IRQs must be enabled or disabled: either works.
 */
void run_in_hardirq(void (*fn)(void *arg), void *arg);

/* Statistics: interrupts taken per vector since boot. */
extern unsigned long irq_stat_count[256];

#endif /* _KMAPLAB_INTERRUPT_H */
