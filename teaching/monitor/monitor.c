// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel monitor: a command line on COM1 for looking at the live
 * kernel. Started by `monitor` on the kernel command line (run-qemu.sh
 * passes it), after the boot's tests. It runs in the init task, so the
 * pages it maps with `map` are init's kmap_local mappings, listed by
 * `kmaps` and `threads` like anybody else's.
 *
 * Every command checks its arguments before it does anything: bad input
 * costs one line starting with "error:" (or "usage:") and the prompt
 * comes back. The line editor is in teaching/monitor/monitor_edit.c.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <asm/pgtable.h>
#include <kmaplab/monitor.h>
#include <kmaplab/reboot.h>
#include <kmaplab/bench.h>
#include <kmaplab/tlbdemo.h>
#include <kmaplab/highmem.h>
#include <kmaplab/mm.h>
#include <kmaplab/trace.h>

#define MAX_ARGS 4

static bool monitor_enabled;

static int __init monitor_setup(char *s)
{
	monitor_enabled = true;
	return 1;
}
__setup("monitor", monitor_setup);

static int split(char *line, char **argv)
{
	int argc = 0;
	char *w;

	while ((w = strsep(&line, " \t"))) {
		if (!*w)
			continue;
		if (argc == MAX_ARGS)
			return -1;
		argv[argc++] = w;
	}
	return argc;
}

static bool all_hex(const char *s)
{
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') ||
		      (*s >= 'A' && *s <= 'F')))
			return false;
	return true;
}

/* A number as C writes it: 123, 0x7b or 0173. One error line if not. */
int monitor_parse_num(const char *what, const char *s, unsigned long *v)
{
	int err = kstrtoul(s, 0, v);

	if (!err)
		return 0;
	if (err == -ERANGE)
		pr_info("error: %s '%s' is out of range (32 bits at most)\n", what, s);
	else if (all_hex(s))
		pr_info("error: %s '%s' is not a number: hex needs 0x (0x%s)\n", what, s, s);
	else
		pr_info("error: %s '%s' is not a number (123, 0x7b or 0173)\n", what, s);
	return -EINVAL;
}

static int cmd_pt(int argc, char **argv)
{
	unsigned long va;

	if (monitor_parse_num("address", argv[1], &va))
		return -EINVAL;
	dump_pagetable(va);
	return 0;
}

/* Tests and benchmarks expect a task that holds no local mappings. */
static int no_maps_held(const char *cmd)
{
	if (!current->kmap_ctrl.idx)
		return 0;
	pr_info("error: '%s' needs the monitor to hold no kmap_local mapping; "
		"unmap the %d first\n", cmd, monitor_nr_maps());
	return -EINVAL;
}

static int cmd_test(int argc, char **argv)
{
	if (no_maps_held(argv[0]))
		return -EINVAL;
	if (kunit_run_glob(argc > 1 ? argv[1] : "*") == -ENOENT) {
		pr_info("error: no KUnit suite matches '%s' (suite or suite.case glob, "
			"e.g. test kmap*)\n", argv[1]);
		return -EINVAL;
	}
	return 0;
}

static int cmd_bench(int argc, char **argv)
{
	const char *glob = argc > 1 ? argv[1] : "*";
	unsigned long iters = 3100;	/* about a second per case under TCG */
	unsigned int i;

	if (no_maps_held(argv[0]))
		return -EINVAL;
	if (argc > 2 && monitor_parse_num("iterations", argv[2], &iters))
		return -EINVAL;
	if (iters < 31 || iters > 1000000) {
		pr_info("error: iterations must be 31..1000000\n");
		return -EINVAL;
	}
	for (i = 0; i < nr_bench_cases; i++)
		if (glob_match(glob, bench_cases[i].name))
			break;
	if (i == nr_bench_cases) {
		pr_info("error: no benchmark case matches '%s'\n", glob);
		return -EINVAL;
	}
	bench_run(glob, iters);
	return 0;
}

/* CPU hotplug from the monitor: see docs/smp.md. */
static int parse_cpu(const char *s, unsigned long *cpu)
{
	if (monitor_parse_num("cpu", s, cpu))
		return -EINVAL;
	if (*cpu >= nr_cpu_ids) {
		pr_info("error: no CPU %lu (this machine has CPUs 0..%u)\n", *cpu,
			nr_cpu_ids - 1);
		return -EINVAL;
	}
	return 0;
}

static int cmd_cpus(int argc, char **argv)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		pr_info("  CPU %u: %s%s\n", cpu, cpu_online(cpu) ? "online" : "offline",
			cpu == smp_processor_id() ? " (the monitor runs here)" : "");
	return 0;
}

/*
 * The rules cpu_down()/cpu_up() enforce, in words, checked before the
 * call (kernel/cpu.c returns only -EBUSY or -EINVAL for them).
 */
static bool hotplug_refused(bool down, unsigned long cpu)
{
	if (down && cpu == 0)
		pr_info("error: CPU 0 is the boot CPU and cannot go offline "
			"(the PIT and the PIC deliver their interrupts to it)\n");
	else if (down && !cpu_online(cpu))
		pr_info("error: CPU %lu is offline already (cpu_up %lu brings it back)\n",
			cpu, cpu);
	else if (!down && cpu_online(cpu))
		pr_info("error: CPU %lu is online already (cpu_down %lu takes it offline)\n",
			cpu, cpu);
	else
		return false;
	return true;
}

static int cmd_cpu_hotplug(int argc, char **argv)
{
	bool down = !strcmp(argv[0], "cpu_down");
	unsigned long cpu;
	int ret;

	if (parse_cpu(argv[1], &cpu) || hotplug_refused(down, cpu))
		return -EINVAL;
	/* cpu_down waits (and says why) while a task there holds a kmap_local. */
	ret = down ? cpu_down(cpu) : cpu_up(cpu);
	if (ret == -EBUSY && down)
		pr_info("error: CPU %lu stays online: a task pinned there did not let go "
			"(above), or hotplug is disabled right now\n", cpu);
	else if (ret == -EBUSY)
		pr_info("error: CPU %lu stays offline: hotplug is disabled right now\n", cpu);
	else if (ret)
		pr_info("error: CPU %lu did not come up (the reason is above)\n", cpu);
	else if (!down)		/* cpu_down() said "is offline" itself */
		pr_info("CPU %lu is online (%u online)\n", cpu, num_online_cpus());
	return ret;
}

static int cmd_tlbdemo(int argc, char **argv)
{
	unsigned long trials = 1000;
	int err;

	if (argc > 1 && monitor_parse_num("trials", argv[1], &trials))
		return -EINVAL;
	if (!trials || trials > 100000) {
		pr_info("error: trials must be 1..100000\n");
		return -EINVAL;
	}
	err = tlbdemo_print(trials);
	if (err) {
		pr_info("error: tlbdemo failed (%d): no free page for it\n", err);
		return err;
	}
	/* Another CPU's TLB: one IPI round trip per read, so fewer trials. */
	if (num_online_cpus() < 2) {
		pr_info("(One CPU online: with two, tlbdemo also shows another CPU's stale entry.)\n");
		return 0;
	}
	err = tlbdemo_smp_print(min(trials, 100UL));
	if (err)
		pr_info("error: tlbdemo across CPUs failed (%d)\n", err);
	return err;
}

static int cmd_kmaps(int argc, char **argv)
{
	show_pkmaps();
	show_kmaps();
	return 0;
}

/* trace on [glob] | off [glob] | clear | show: the trace events (docs/trace.md). */
static int cmd_trace(int argc, char **argv)
{
	const char *what = argv[1], *glob = argc > 2 ? argv[2] : "*";
	bool on = !strcmp(what, "on");

	if (on || !strcmp(what, "off")) {
		int n = trace_set_event(glob, on);

		if (!n) {
			pr_info("error: no trace event matches '%s'\n", glob);
			return -EINVAL;
		}
		pr_info("trace: %d event%s %s\n", n, n == 1 ? "" : "s", on ? "on" : "off");
	} else if (!strcmp(what, "clear") && argc == 2) {
		trace_clear();
	} else if (!strcmp(what, "show") && argc == 2) {
		trace_show();
	} else {
		pr_info("usage: trace on|off [event glob] | trace clear | trace show\n");
		return -EINVAL;
	}
	return 0;
}

static int cmd_help(int argc, char **argv);
static int cmd_mem(int argc, char **argv) { show_mem(); return 0; }
static int cmd_layout(int argc, char **argv) { print_vm_layout(); return 0; }
static int cmd_threads(int argc, char **argv) { show_threads(); return 0; }
static int cmd_stat(int argc, char **argv) { show_kmap_stats(); return 0; }
static int cmd_reboot(int argc, char **argv) { machine_restart(); }
/* QEMU's isa-debug-exit turns this into exit status 33. */
static int cmd_exit(int argc, char **argv) { kmaplab_exit(KMAPLAB_EXIT_PASS); }

static const struct mon_cmd {
	const char *name, *args, *help;
	int min_args, max_args;		/* not counting the name */
	int (*fn)(int argc, char **argv);
} cmds[] = {
	{ "help", "[cmd]", "this list", 0, 1, cmd_help },
	{ "mem", "", "zones, free pages per order, lowmem/highmem totals", 0, 0, cmd_mem },
	{ "layout", "", "the kernel's virtual memory layout", 0, 0, cmd_layout },
	{ "pt", "<vaddr>", "walk the page tables for an address (0x...)", 1, 1, cmd_pt },
	{ "kmaps", "", "kmap() pool slots in use; every task's local slots", 0, 0, cmd_kmaps },
	{ "threads", "", "tasks with preempt/pagefault/migrate counts, maps held", 0, 0, cmd_threads },
	{ "stat", "", "kmap and TLB counters", 0, 0, cmd_stat },
	{ "map", "<pfn>", "kmap_local_page a page here, show where it landed", 1, 1, cmd_map },
	{ "unmap", "[n]", "kunmap_local the most recent mapping, or mapping n (out of order)",
	  0, 1, cmd_unmap },
	{ "test", "[glob]", "run KUnit suites (e.g. test kmap_local, test kmap*)", 0, 1, cmd_test },
	{ "bench", "[case] [iters]", "run benchmarks (e.g. bench kmap*)", 0, 2, cmd_bench },
	{ "tlbdemo", "[trials]", "watch a stale TLB entry (another CPU's too), and what drops it",
	  0, 1, cmd_tlbdemo },
	{ "ps", "", "processes: pid, parent, state, pages, page tables", 0, 0, cmd_ps },
	{ "vm", "<pid>", "a process's VMAs; each present page's pfn, highmem?", 1, 1, cmd_vm },
	{ "run", "<prog> [args]", "start a program (e.g. run /bin/sh), wait for it",
	  1, MONITOR_RUN_ARGS, cmd_run },
	{ "faultsleep", "[ms]", "anonymous faults sleep ms (0: off); fault counters",
	  0, 1, cmd_faultsleep },
	{ "trace", "<what> [glob]", "on|off [event glob], clear, show: ftrace-format event log",
	  1, 2, cmd_trace },
	{ "cpus", "", "which CPUs are online", 0, 0, cmd_cpus },
	{ "cpu_down", "<cpu>", "take a CPU offline (waits for pinned tasks)", 1, 1, cmd_cpu_hotplug },
	{ "cpu_up", "<cpu>", "bring a CPU back online", 1, 1, cmd_cpu_hotplug },
	{ "reboot", "", "restart the machine", 0, 0, cmd_reboot },
	{ "exit", "", "leave QEMU (exit status 33)", 0, 0, cmd_exit },
};

static const struct mon_cmd *find_cmd(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cmds); i++)
		if (!strcmp(name, cmds[i].name))
			return &cmds[i];
	return NULL;
}

static int cmd_help(int argc, char **argv)
{
	const struct mon_cmd *c;
	unsigned int i;

	if (argc > 1) {
		c = find_cmd(argv[1]);
		if (!c) {
			pr_info("error: no command '%s'\n", argv[1]);
			return -EINVAL;
		}
		pr_info("%s %s: %s\n", c->name, c->args, c->help);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(cmds); i++)
		pr_info("  %-8s %-15s %s\n", cmds[i].name, cmds[i].args, cmds[i].help);
	pr_info("Numbers: 123, 0x7b or 0173. Keys: arrows for history, ^U erase, ^C cancel.\n");
	return 0;
}

int monitor_run_line(char *line)
{
	char *argv[MAX_ARGS];
	const struct mon_cmd *c;
	int argc = split(line, argv);

	if (!argc)
		return 0;
	if (argc < 0) {
		pr_info("error: too many words (a command takes at most %d arguments)\n",
			MAX_ARGS - 1);
		return -EINVAL;
	}
	c = find_cmd(argv[0]);
	if (!c) {
		pr_info("error: unknown command '%s' (try help)\n", argv[0]);
		return -EINVAL;
	}
	if (argc - 1 < c->min_args || argc - 1 > c->max_args) {
		pr_info("usage: %s %s\n", c->name, c->args);
		return -EINVAL;
	}
	return c->fn(argc, argv);
}

void monitor_main(void)
{
	char line[MONITOR_LINE_MAX];

	if (!monitor_enabled)
		return;
	pr_info("kmaplab monitor on COM1: type help for the commands\n");
	for (;;) {
		if (monitor_read_line(line, sizeof(line), "kmaplab> ") > 0)
			monitor_run_line(line);
	}
}
