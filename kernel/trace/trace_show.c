// SPDX-License-Identifier: GPL-2.0
/*
 * trace_show(): every CPU's buffer, merged oldest first, printed on the
 * console as Linux's ftrace `trace` file (header and lines), between the
 * two rulers Linux's ftrace_dump() prints. Take away the console's
 * "[    s.us] " prefix and it is the file. Recording is paused meanwhile,
 * so the dump's own printk and flushes are not traced.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <kmaplab/trace.h>

static void trace_print_header(void)
{
	unsigned long total = 0, entries = 0, w, e;
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		trace_cpu_counts(cpu, &w, &e);
		total += w;
		entries += e;
	}
	pr_info("# tracer: nop\n");
	pr_info("#\n");
	pr_info("# entries-in-buffer/entries-written: %lu/%lu   #P:%u\n",
		entries, total, num_online_cpus());
	pr_info("#\n");
	pr_info("#                                _-----=> irqs-off/BH-disabled\n");
	pr_info("#                               / _----=> need-resched\n");
	pr_info("#                              | / _---=> hardirq/softirq\n");
	pr_info("#                              || / _--=> preempt-depth\n");
	pr_info("#                              ||| / _-=> migrate-disable\n");
	pr_info("#                              |||| /     delay\n");
	pr_info("#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n");
	pr_info("#              | |         |   |||||     |         |\n");
}

/* The CPU whose next event is the oldest of all, or -1 when all are done. */
static int trace_next_cpu(const unsigned long *pos)
{
	const struct trace_entry *best = NULL, *e;
	unsigned int cpu;
	int which = -1;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		e = trace_peek(cpu, pos[cpu]);
		if (e && (!best || e->ts < best->ts)) {
			best = e;
			which = cpu;
		}
	}
	return which;
}

void trace_show(void)
{
	unsigned long pos[NR_CPUS] = { 0 };
	char line[200];
	u32 was = trace_pause();
	int cpu;

	pr_info("Dumping ftrace buffer:\n");
	pr_info("---------------------------------\n");
	trace_print_header();
	while ((cpu = trace_next_cpu(pos)) >= 0) {
		trace_format_entry(line, sizeof(line), trace_peek(cpu, pos[cpu]));
		pr_info("%s\n", line);
		pos[cpu]++;
	}
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		unsigned long w, e;

		trace_cpu_counts(cpu, &w, &e);
		if (w > e)
			pr_info("# CPU %d buffer overran: %lu oldest events lost\n",
				cpu, w - e);
	}
	pr_info("---------------------------------\n");
	trace_resume(was);
}
