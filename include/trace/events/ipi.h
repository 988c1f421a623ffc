/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_IPI_H
#define _TRACE_IPI_H
/*
 * Linux's ipi events (include/trace/events/ipi.h): ipi_raise on the
 * sender, with the CPUs it interrupts; ipi_entry and ipi_exit around the
 * handler on each receiver. kmaplab adds a flow id, the same on the
 * raise and on every entry it caused, so that a picture can draw an
 * arrow from the sender to each receiver (scripts/trace/).
 */
#include <kmaplab/trace.h>

/* Why the IPI was sent: Linux passes a string, kmaplab an index. */
enum ipi_reason {
	IPI_TLB_SHOOTDOWN,
	NR_IPI_REASONS,
};

/* Returns the flow id the receivers must record (0 while off). */
static __always_inline unsigned long trace_ipi_raise(unsigned long target_mask,
						     enum ipi_reason reason)
{
	unsigned long flow;

	if (!trace_event_on(TRACE_IPI_RAISE))
		return 0;
	flow = trace_new_flow();
	trace_record(TRACE_IPI_RAISE, target_mask, reason, flow, 0, NULL);
	return flow;
}

static __always_inline void trace_ipi_entry(enum ipi_reason reason,
					    unsigned long flow)
{
	if (trace_event_on(TRACE_IPI_ENTRY))
		trace_record(TRACE_IPI_ENTRY, reason, flow, 0, 0, NULL);
}

static __always_inline void trace_ipi_exit(enum ipi_reason reason,
					   unsigned long flow)
{
	if (trace_event_on(TRACE_IPI_EXIT))
		trace_record(TRACE_IPI_EXIT, reason, flow, 0, 0, NULL);
}

#endif /* _TRACE_IPI_H */
