// SPDX-License-Identifier: GPL-2.0
/*
 * The events by name, turning them on (trace_event= on the command line,
 * the monitor's `trace`, a test), and the dump: the text of Linux's
 * ftrace `trace` file (kernel/trace/trace.c print_trace_header,
 * trace_output.c), so that a reader of ftrace logs reads it at once.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/math64.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <kmaplab/params.h>
#include <kmaplab/trace.h>
#include <trace/events/tlb.h>
#include <trace/events/ipi.h>
#include <asm/trace/exceptions.h>
#include <asm/desc.h>

static_assert(TRACE_NR_EVENTS <= 32, "one bit of trace_events_enabled each");

static const char *const event_names[TRACE_NR_EVENTS] = {
	[TRACE_KMAP_LOCAL_MAP]		= "kmap_local_map",
	[TRACE_KMAP_LOCAL_UNMAP]	= "kmap_local_unmap",
	[TRACE_KMAP_LOCAL_SCHED_OUT]	= "kmap_local_sched_out",
	[TRACE_KMAP_LOCAL_SCHED_IN]	= "kmap_local_sched_in",
	[TRACE_KMAP_HIGH_MAP]		= "kmap_high_map",
	[TRACE_KMAP_HIGH_UNMAP]		= "kmap_high_unmap",
	[TRACE_KMAP_HIGH_WRAP]		= "kmap_high_wrap",
	[TRACE_TLB_FLUSH]		= "tlb_flush",
	[TRACE_SCHED_SWITCH]		= "sched_switch",
	[TRACE_KMAP_HIGH_SLEEP]		= "kmap_high_sleep",
	[TRACE_KMAP_HIGH_WAKE]		= "kmap_high_wake",
	[TRACE_IPI_RAISE]		= "ipi_raise",
	[TRACE_IPI_ENTRY]		= "ipi_entry",
	[TRACE_IPI_EXIT]		= "ipi_exit",
	[TRACE_IRQ_VECTOR_ENTRY]	= "irq_vector_entry",
	[TRACE_IRQ_VECTOR_EXIT]		= "irq_vector_exit",
	[TRACE_PAGE_FAULT_USER]		= "page_fault_user",
	[TRACE_PAGE_FAULT_KERNEL]	= "page_fault_kernel",
	[TRACE_PAGE_FAULT_EXIT]		= "page_fault_exit",
	[TRACE_SYS_ENTER]		= "sys_enter",
	[TRACE_SYS_EXIT]		= "sys_exit",
};

const char *trace_event_name(enum trace_event_id id)
{
	return id < TRACE_NR_EVENTS ? event_names[id] : "unknown";
}

int trace_set_event(const char *glob, bool on)
{
	u32 mask = 0;
	int id, n = 0;

	for (id = 0; id < TRACE_NR_EVENTS; id++) {
		if (glob_match(glob, event_names[id])) {
			mask |= 1u << id;
			n++;
		}
	}
	if (on)
		__atomic_or_fetch(&trace_events_enabled, mask, __ATOMIC_SEQ_CST);
	else
		__atomic_and_fetch(&trace_events_enabled, ~mask, __ATOMIC_SEQ_CST);
	trace_event_keys_sync();
	return n;
}

void trace_on(void)
{
	trace_set_event("*", true);
}

void trace_off(void)
{
	trace_set_event("*", false);
}

/* trace_event=kmap_local_*,sched_switch: a name that matches nothing is named. */
static int __init trace_event_setup(char *str)
{
	char *w;

	while ((w = strsep(&str, ",")))
		if (*w && !trace_set_event(w, true))
			pr_warn("trace_event=: no event matches \"%s\", ignored\n", w);
	return 1;
}
__setup("trace_event=", trace_event_setup);

static const char *const tlb_reasons[NR_TLB_FLUSH_REASONS] = {
	"flush on task switch", "remote shootdown", "local shootdown",
	"local mm shootdown", "remote ipi send",
};

static const char *const ipi_reasons[NR_IPI_REASONS] = {
	[IPI_TLB_SHOOTDOWN] = "tlb shootdown",
};

static const char *const fault_results[NR_PAGE_FAULT_RESULTS] = {
	[PAGE_FAULT_RESOLVED] = "resolved", [PAGE_FAULT_FIXUP] = "fixup",
	[PAGE_FAULT_FATAL] = "fatal",
};

#define NAME_OF(table, i) ((i) < ARRAY_SIZE(table) ? (table)[i] : "?")

/* The kind of vector, as Linux's per-kind event names say it. */
static const char *vector_kind(unsigned long v)
{
	if (v >= FIRST_EXTERNAL_VECTOR && v < FIRST_EXTERNAL_VECTOR + 16)
		return "device irq";
	switch (v) {
	case LOCAL_TIMER_VECTOR: return "local_timer";
	case CALL_FUNCTION_VECTOR: return "call_function";
	case RESCHEDULE_VECTOR: return "reschedule";
	case IRQ_WORK_VECTOR: return "irq_work";
	case SPURIOUS_APIC_VECTOR: return "spurious_apic";
	default: return "?";
	}
}

/* Linux's prev_state letters (task_state_index): R, S, D, ... X. */
static const char *task_state_str(unsigned long state, bool preempt)
{
	if (preempt)
		return "R+";
	switch (state) {
	case TASK_RUNNING: return "R";
	case TASK_INTERRUPTIBLE: return "S";
	case TASK_UNINTERRUPTIBLE: return "D";
	case TASK_DEAD: return "X";
	default: return "?";
	}
}

static int format_fields(char *buf, size_t size, const struct trace_entry *e)
{
	const unsigned long *a = e->args;

	switch (e->type) {
	case TRACE_KMAP_LOCAL_MAP:
	case TRACE_KMAP_LOCAL_UNMAP:
		return scnprintf(buf, size, "slot=%lu addr=%08lx pfn=%05lx %s",
				 a[0], a[1], a[2], a[3] ? "highmem" : "lowmem");
	case TRACE_KMAP_LOCAL_SCHED_OUT:
	case TRACE_KMAP_LOCAL_SCHED_IN:
		return scnprintf(buf, size, "slot=%lu addr=%08lx pfn=%05lx",
				 a[0], a[1], a[2]);
	case TRACE_KMAP_HIGH_MAP:
	case TRACE_KMAP_HIGH_UNMAP:
		return scnprintf(buf, size, "slot=%lu addr=%08lx pfn=%05lx count=%lu",
				 a[0], a[1], a[2], a[3]);
	case TRACE_KMAP_HIGH_WRAP:
		return scnprintf(buf, size, "slots=%lu", a[0]);
	case TRACE_TLB_FLUSH:
		return scnprintf(buf, size, "pages:%ld reason:%s (%lu) addr=%08lx",
				 (long)a[0], a[1] < NR_TLB_FLUSH_REASONS ?
				 tlb_reasons[a[1]] : "?", a[1], a[2]);
	case TRACE_SCHED_SWITCH:
		return scnprintf(buf, size,
				 "prev_comm=%.16s prev_pid=%lu prev_prio=120 prev_state=%s ==> next_comm=%.16s next_pid=%lu next_prio=120",
				 e->comm, a[0], task_state_str(a[1], a[3]),
				 e->str, a[2]);
	case TRACE_KMAP_HIGH_SLEEP:
		return scnprintf(buf, size, "pfn=%05lx slots=%lu", a[0], a[1]);
	case TRACE_KMAP_HIGH_WAKE:
		return scnprintf(buf, size, "slot=%lu addr=%08lx count=%lu",
				 a[0], a[1], a[2]);
	case TRACE_IPI_RAISE:
		return scnprintf(buf, size, "target_mask=%lx (%s) flow=%lu",
				 a[0], NAME_OF(ipi_reasons, a[1]), a[2]);
	case TRACE_IPI_ENTRY:
	case TRACE_IPI_EXIT:
		return scnprintf(buf, size, "(%s) flow=%lu",
				 NAME_OF(ipi_reasons, a[0]), a[1]);
	case TRACE_IRQ_VECTOR_ENTRY:
	case TRACE_IRQ_VECTOR_EXIT:
		return scnprintf(buf, size, "vector=%lu (%s)", a[0], vector_kind(a[0]));
	case TRACE_PAGE_FAULT_USER:
	case TRACE_PAGE_FAULT_KERNEL:
		return scnprintf(buf, size, "address=0x%08lx ip=0x%08lx error_code=0x%lx",
				 a[0], a[1], a[2]);
	case TRACE_PAGE_FAULT_EXIT:
		return scnprintf(buf, size, "address=0x%08lx result=%s",
				 a[0], NAME_OF(fault_results, a[1]));
	case TRACE_SYS_ENTER:
		return scnprintf(buf, size, "NR %ld (%lx, %lx, %lx)",
				 (long)a[0], a[1], a[2], a[3]);
	case TRACE_SYS_EXIT:
		return scnprintf(buf, size, "NR %ld = %ld", (long)a[0], (long)a[1]);
	}
	return scnprintf(buf, size, "?");
}

/*
 * One line: "          <task>-<pid>   [cpu] flags  secs.usecs: event: fields",
 * the flags as Linux's irqs-off, need-resched, hardirq, preempt-depth,
 * migrate-disable columns.
 */
int trace_format_entry(char *buf, size_t size, const struct trace_entry *e)
{
	u32 usec;
	u64 sec = div_u64_rem(e->ts, NSEC_PER_SEC, &usec);
	char fl[6];
	int n;

	fl[0] = e->flags & TRACE_FLAG_IRQS_OFF ? 'd' : '.';
	fl[1] = e->flags & TRACE_FLAG_NEED_RESCHED ? 'N' : '.';
	fl[2] = e->flags & TRACE_FLAG_HARDIRQ ? 'h' : '.';
	fl[3] = e->preempt ? "0123456789abcdef"[e->preempt] : '.';
	fl[4] = e->migrate ? "0123456789abcdef"[e->migrate] : '.';
	fl[5] = '\0';
	/* Linux names pid 0 "<idle>" in this column (trace_find_cmdline). */
	n = scnprintf(buf, size, "%16.16s-%-7d [%03u] %s %5llu.%06u: %s: ",
		      e->pid ? e->comm : "<idle>", e->pid, e->cpu, fl, sec, usec / 1000,
		      trace_event_name(e->type));
	return n + format_fields(buf + n, size - n, e);
}
