// SPDX-License-Identifier: GPL-2.0
/*
 * The trace ring buffer: one per CPU, of fixed-size events, the oldest
 * overwritten when it is full (Linux's default "overwrite" mode). Only
 * its own CPU writes a buffer, with interrupts off for the few stores
 * of one event, so no lock is shared between CPUs and an interrupt can
 * trace while the task it interrupted was tracing.
 *
 * Readers (trace_show, trace_read_cpu) stop the recording first and wait
 * for any writer already inside trace_record() on another CPU: a writer
 * raises its CPU's busy flag *then* checks the event is still on, the
 * reader clears the events *then* waits for the flags to drop -- with a
 * full barrier on each side one of them must see the other.
 *
 * trace_buf_size=<bytes>[KMG] sets each CPU's buffer, as on Linux.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/slab.h>
#include <linux/ktime.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/atomic.h>
#include <asm/cmpxchg.h>
#include <asm/processor.h>
#include <kmaplab/params.h>
#include <kmaplab/trace.h>

#define TRACE_BUF_DEFAULT	(32 * 1024)
#define TRACE_BUF_MIN		(4 * sizeof(struct trace_entry))
#define TRACE_BUF_MAX		(1024 * 1024)

struct trace_cpu_buf {
	struct trace_entry *ents;
	unsigned long written;		/* events ever written (wraps) */
	int busy;			/* inside trace_record() */
};

u32 trace_events_enabled;
static DEFINE_PER_CPU(struct trace_cpu_buf, trace_buf);
static unsigned long trace_buf_bytes = TRACE_BUF_DEFAULT;
static unsigned int nr_entries;

static int __init trace_buf_size_setup(char *str)
{
	char *end;
	unsigned long long v = memparse(str, &end);

	if (*end || v < TRACE_BUF_MIN || v > TRACE_BUF_MAX) {
		setup_kept("trace_buf_size=%lu (must be %zu..%u bytes)",
			   trace_buf_bytes, TRACE_BUF_MIN, TRACE_BUF_MAX);
		return 0;
	}
	trace_buf_bytes = v;
	return 1;
}
__setup("trace_buf_size=", trace_buf_size_setup);

unsigned int trace_buf_entries(void)
{
	return nr_entries;
}

/* Every possible CPU's buffer, once the allocator works. */
int __init trace_init(void)
{
	unsigned int cpu;

	nr_entries = trace_buf_bytes / sizeof(struct trace_entry);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct trace_cpu_buf *b = &per_cpu(trace_buf, cpu);

		b->ents = kmalloc_array(nr_entries, sizeof(struct trace_entry),
					GFP_KERNEL);
		if (!b->ents) {
			pr_err("trace: no memory for %u events on CPU %u: not traced\n",
			       nr_entries, cpu);
			continue;
		}
		b->written = 0;
	}
	pr_info("trace: %u events per CPU (trace_buf_size=%lu)\n",
		nr_entries, trace_buf_bytes);
	return 0;
}

static u8 trace_flags(unsigned long irqflags, struct task_struct *tsk)
{
	u8 f = 0;

	if (irqs_disabled_flags(irqflags))
		f |= TRACE_FLAG_IRQS_OFF;
	if (test_tsk_need_resched(tsk))
		f |= TRACE_FLAG_NEED_RESCHED;
	if (in_hardirq())
		f |= TRACE_FLAG_HARDIRQ;
	return f;
}

void trace_record(enum trace_event_id id, unsigned long a0, unsigned long a1,
		  unsigned long a2, unsigned long a3, const char *str)
{
	struct task_struct *tsk = current;
	struct trace_cpu_buf *b;
	struct trace_entry *e;
	unsigned long flags;

	local_irq_save(flags);
	b = this_cpu_ptr(&trace_buf);
	WRITE_ONCE(b->busy, 1);
	smp_mb();		/* busy before the re-check; see the top */
	if (!b->ents || !(READ_ONCE(trace_events_enabled) & (1u << id)))
		goto out;
	e = &b->ents[b->written % nr_entries];
	e->ts = ktime_get_ns();
	e->type = id;
	e->cpu = smp_processor_id();
	e->flags = trace_flags(flags, tsk);
	e->preempt = min_t(unsigned int, preempt_count() & PREEMPT_MASK, 15);
	e->migrate = min_t(unsigned int, tsk->migration_disabled, 15);
	e->pid = tsk->pid;
	memcpy(e->comm, tsk->comm, TASK_COMM_LEN);
	e->args[0] = a0;
	e->args[1] = a1;
	e->args[2] = a2;
	e->args[3] = a3;
	if (str)
		memcpy(e->str, str, TASK_COMM_LEN);
	else
		e->str[0] = '\0';
	b->written++;
out:
	smp_mb();		/* the event's stores before busy drops */
	WRITE_ONCE(b->busy, 0);
	local_irq_restore(flags);
}

unsigned long trace_new_flow(void)
{
	static atomic_t last_flow = ATOMIC_INIT(0);

	return (unsigned int)atomic_inc_return(&last_flow);
}

/* Stop recording and wait out writers already past their check. */
u32 trace_pause(void)
{
	u32 was = xchg(&trace_events_enabled, 0);
	unsigned int cpu;

	smp_mb();		/* events off before reading busy; see the top */
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		while (READ_ONCE(per_cpu(trace_buf, cpu).busy))
			cpu_relax();
	return was;
}

void trace_resume(u32 was)
{
	WRITE_ONCE(trace_events_enabled, was);
	trace_event_keys_sync();	/* if the events chosen changed meanwhile */
}

int trace_read_cpu(unsigned int cpu, struct trace_entry *out, int max,
		   unsigned long *lost)
{
	struct trace_cpu_buf *b;
	unsigned long n, start, i;
	u32 was;

	if (cpu >= nr_cpu_ids || max < 0)
		return 0;
	b = &per_cpu(trace_buf, cpu);
	was = trace_pause();
	n = b->ents ? min_t(unsigned long, b->written, nr_entries) : 0;
	if (lost)
		*lost = b->written - n;
	start = b->written - n;
	n = min_t(unsigned long, n, max);
	for (i = 0; i < n; i++)
		out[i] = b->ents[(start + i) % nr_entries];
	trace_resume(was);
	return n;
}

/* Written and lost (overwritten) counts of one CPU. */
void trace_cpu_counts(unsigned int cpu, unsigned long *written,
		      unsigned long *entries)
{
	const struct trace_cpu_buf *b = &per_cpu(trace_buf, cpu);

	*written = b->ents ? b->written : 0;
	*entries = min_t(unsigned long, *written, nr_entries);
}

void trace_clear(void)
{
	u32 was = trace_pause();
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		per_cpu(trace_buf, cpu).written = 0;
	trace_resume(was);
}

/* The i-th oldest event of a CPU, or NULL: only while paused. */
const struct trace_entry *trace_peek(unsigned int cpu, unsigned long i)
{
	const struct trace_cpu_buf *b = &per_cpu(trace_buf, cpu);
	unsigned long n;

	if (!b->ents)
		return NULL;
	n = min_t(unsigned long, b->written, nr_entries);
	if (i >= n)
		return NULL;
	return &b->ents[(b->written - n + i) % nr_entries];
}
