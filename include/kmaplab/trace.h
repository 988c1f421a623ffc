/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_TRACE_H
#define _KMAPLAB_TRACE_H
/*
 * kmaplab's trace events (kernel/trace/): a per-CPU ring buffer of
 * timestamped events, dumped in the text format of Linux's ftrace
 * `trace` file. The hooks are in include/trace/events/; this is the
 * control side (command line, monitor, tests). docs/trace.md explains.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/sched.h>
#include <linux/jump_label.h>

enum trace_event_id {
	TRACE_KMAP_LOCAL_MAP,
	TRACE_KMAP_LOCAL_UNMAP,
	TRACE_KMAP_LOCAL_SCHED_OUT,
	TRACE_KMAP_LOCAL_SCHED_IN,
	TRACE_KMAP_HIGH_MAP,
	TRACE_KMAP_HIGH_UNMAP,
	TRACE_KMAP_HIGH_WRAP,
	TRACE_TLB_FLUSH,
	TRACE_SCHED_SWITCH,
	TRACE_KMAP_HIGH_SLEEP,
	TRACE_KMAP_HIGH_WAKE,
	TRACE_IPI_RAISE,
	TRACE_IPI_ENTRY,
	TRACE_IPI_EXIT,
	TRACE_IRQ_VECTOR_ENTRY,
	TRACE_IRQ_VECTOR_EXIT,
	TRACE_PAGE_FAULT_USER,
	TRACE_PAGE_FAULT_KERNEL,
	TRACE_PAGE_FAULT_EXIT,
	TRACE_SYS_ENTER,
	TRACE_SYS_EXIT,
	TRACE_NR_EVENTS		/* at most 32: trace_events_enabled's bits */
};

#define TRACE_NR_ARGS 4

/* One event: 64 bytes. comm/pid are the task running when it fired. */
struct trace_entry {
	u64 ts;				/* ktime_get_ns() */
	u8 type;			/* enum trace_event_id */
	u8 cpu;
	u8 flags;			/* TRACE_FLAG_* */
	u8 preempt:4;			/* preempt_count() depth, capped */
	u8 migrate:4;			/* migrate_disable() depth, capped */
	pid_t pid;
	char comm[TASK_COMM_LEN];
	unsigned long args[TRACE_NR_ARGS];
	char str[TASK_COMM_LEN];	/* sched_switch: next_comm */
};

#define TRACE_FLAG_IRQS_OFF	0x01
#define TRACE_FLAG_NEED_RESCHED	0x02
#define TRACE_FLAG_HARDIRQ	0x04

/* Bit n set: event n is recorded. Written rarely. */
extern u32 trace_events_enabled;

/*
 * One static key per event (<linux/jump_label.h>), on while the event is
 * chosen: a hook whose event is off costs one 5-byte nop, as Linux's
 * tracepoints do. Behind the key the mask is still checked, because
 * trace_pause() stops recording by clearing the mask alone. id must be a
 * constant (the key's address goes into the branch's __jump_table entry).
 */
extern struct static_key_false trace_event_keys[TRACE_NR_EVENTS];

static __always_inline bool trace_event_on(enum trace_event_id id)
{
	return static_branch_unlikely(&trace_event_keys[id]) &&
	       (READ_ONCE(trace_events_enabled) & (1u << id));
}

/*
 * The context switch's one key, on while sched_switch or
 * kmap_local_sched_out is chosen: trace_sched_switch() tests it alone and
 * its out-of-line probe records both (include/trace/events/sched.h says
 * why), so that a switch pays one nop whatever prev holds.
 */
extern struct static_key_false trace_switch_key;
#define TRACE_SWITCH_EVENTS \
	((1u << TRACE_SCHED_SWITCH) | (1u << TRACE_KMAP_LOCAL_SCHED_OUT))

/* Set every key from trace_events_enabled (may sleep; early boot ok). */
void trace_event_keys_sync(void);

void trace_record(enum trace_event_id id, unsigned long a0, unsigned long a1,
		  unsigned long a2, unsigned long a3, const char *str);

/* Turn events on/off by name or glob ("kmap_*", "*"): how many matched. */
int trace_set_event(const char *glob, bool on);
void trace_on(void);		/* every event */
void trace_off(void);		/* none; the buffer is kept */
void trace_clear(void);		/* empty every CPU's buffer */
void trace_show(void);		/* the ftrace `trace` file, on the console */
const char *trace_event_name(enum trace_event_id id);
/* A new flow id (never 0): ties an IPI's raise to its receivers' entries. */
unsigned long trace_new_flow(void);

/*
 * Copy CPU cpu's events, oldest first, into out[0..max): how many were
 * copied. *lost (if not NULL) is how many the buffer overwrote.
 */
int trace_read_cpu(unsigned int cpu, struct trace_entry *out, int max,
		   unsigned long *lost);
unsigned int trace_buf_entries(void);	/* per CPU */
int trace_init(void);			/* the buffers; after mm_init() */
int trace_format_entry(char *buf, size_t size, const struct trace_entry *e);
void trace_cpu_counts(unsigned int cpu, unsigned long *written,
		      unsigned long *entries);
u32 trace_pause(void);			/* recording off; writers drained */
void trace_resume(u32 was);
const struct trace_entry *trace_peek(unsigned int cpu, unsigned long i);

#endif /* _KMAPLAB_TRACE_H */
