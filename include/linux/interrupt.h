/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>

typedef enum irqreturn {
	IRQ_NONE = 0,
	IRQ_HANDLED = 1,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* Legacy 8259 IRQ lines 0..15, delivered at vectors 0x20..0x2f. */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
void free_irq(unsigned int irq, void *dev_id);
void enable_irq(unsigned int irq);
void disable_irq(unsigned int irq);

/* Hard-IRQ accounting in preempt_count (arch/x86/kernel/irq.c). */
void irq_enter(void);
void irq_exit(void);


#endif /* _LINUX_INTERRUPT_H */
