/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_IRQ_VECTORS_H
#define _TRACE_IRQ_VECTORS_H
/*
 * Interrupt entry and exit, with the vector (Linux's x86_irq_vector
 * class, arch/x86/include/asm/trace/irq_vectors.h, "vector=%d"). Linux
 * defines one pair per kind (local_timer_entry, call_function_entry,
 * reschedule_entry, irq_work_entry, ...); kmaplab keeps one pair,
 * irq_vector_entry/exit, and prints the kind after the vector.
 */
#include <kmaplab/trace.h>

static __always_inline void trace_irq_vector_entry(unsigned long vector)
{
	if (trace_event_on(TRACE_IRQ_VECTOR_ENTRY))
		trace_record(TRACE_IRQ_VECTOR_ENTRY, vector, 0, 0, 0, NULL);
}

static __always_inline void trace_irq_vector_exit(unsigned long vector)
{
	if (trace_event_on(TRACE_IRQ_VECTOR_EXIT))
		trace_record(TRACE_IRQ_VECTOR_EXIT, vector, 0, 0, 0, NULL);
}

#endif /* _TRACE_IRQ_VECTORS_H */
