// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel monitor: a command line on COM1 for poking at the live
 * kernel. Started by `monitor` on the kernel command line (run-qemu.sh
 * passes it), after the tests. Each command is a small function that
 * prints; bad input gets one line of error and the prompt back.
 *
 * kmaplab-lint: allow kmap -- none used; the monitor maps with kmap_local_page
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <asm/pgtable.h>
#include <kmaplab/console.h>
#include <kmaplab/monitor.h>
#include <kmaplab/reboot.h>
#include <kmaplab/bench.h>
#include <kmaplab/tlbdemo.h>
#include <kmaplab/kunit.h>

#define LINE_MAX 128
#define HISTORY 8
#define MAX_ARGS 4
#define MON_MAPS 8

static bool monitor_enabled;
static char history[HISTORY][LINE_MAX];
static unsigned int history_len;

/* The monitor's own kmap_local mappings, a stack like any task's. */
static struct {
	void *addr;
	unsigned long pfn;
} mon_maps[MON_MAPS];
static int mon_nr_maps;

static int __init monitor_setup(char *s)
{
	monitor_enabled = true;
	return 1;
}
__setup("monitor", monitor_setup);

static int mon_getc(void)
{
	int c;

	/* Poll, sleeping between polls so other threads keep running. */
	while ((c = serial_getc()) < 0)
		msleep(2);
	return c;
}

static void mon_echo(const char *s)
{
	console_write(s, strlen(s));
}

/* Read a line with backspace and up-arrow history; returns its length. */
static int read_line(char *buf)
{
	int len = 0, hist = history_len, esc = 0;

	mon_echo("kmaplab> ");
	for (;;) {
		int c = mon_getc();

		if (esc == 1) {
			esc = c == '[' ? 2 : 0;
			continue;
		}
		if (esc == 2) {
			esc = 0;
			if ((c == 'A' && hist > 0) || (c == 'B' && hist < (int)history_len)) {
				hist += c == 'A' ? -1 : 1;
				while (len--)
					mon_echo("\b \b");
				len = 0;
				if (hist < (int)history_len)
					len = strlcpy(buf, history[hist % HISTORY], LINE_MAX);
				buf[len] = '\0';
				mon_echo(buf);
			}
			continue;
		}
		if (c == 0x1b) {
			esc = 1;
		} else if (c == '\r' || c == '\n') {
			mon_echo("\n");
			buf[len] = '\0';
			return len;
		} else if (c == 0x7f || c == '\b') {
			if (len) {
				len--;
				mon_echo("\b \b");
			}
		} else if (c >= ' ' && c < 0x7f && len < LINE_MAX - 1) {
			char s[2] = { (char)c, 0 };

			buf[len++] = c;
			mon_echo(s);
		}
	}
}

static int split(char *line, char **argv)
{
	int argc = 0;
	char *w;

	while (argc < MAX_ARGS && (w = strsep(&line, " \t"))) {
		if (*w)
			argv[argc++] = w;
	}
	return argc;
}

static int parse_ulong(const char *s, unsigned long *v)
{
	if (kstrtoul(s, 0, v)) {
		pr_info("error: '%s' is not a number (decimal, or 0x.. hex)\n", s);
		return -1;
	}
	return 0;
}

static void cmd_pt(int argc, char **argv)
{
	unsigned long va;

	if (argc != 2) {
		pr_info("usage: pt <vaddr>\n");
		return;
	}
	if (parse_ulong(argv[1], &va))
		return;
	dump_pagetable(va);
}

static void cmd_map(int argc, char **argv)
{
	unsigned long pfn;
	u8 *v;

	if (argc != 2) {
		pr_info("usage: map <pfn>\n");
		return;
	}
	if (parse_ulong(argv[1], &pfn))
		return;
	if (!pfn_valid(pfn) || PageReserved(pfn_to_page(pfn))) {
		pr_info("error: pfn %#lx is not a RAM page kmaplab manages (max_pfn %#lx)\n",
			pfn, max_pfn);
		return;
	}
	if (mon_nr_maps == MON_MAPS) {
		pr_info("error: the monitor holds %d mappings already; unmap first\n",
			MON_MAPS);
		return;
	}
	v = kmap_local_page(pfn_to_page(pfn));
	mon_maps[mon_nr_maps].addr = v;
	mon_maps[mon_nr_maps++].pfn = pfn;
	pr_info("pfn %#lx (%s) mapped at %08lx by kmap_local_page: %s\n", pfn,
		PageHighMem(pfn_to_page(pfn)) ? "highmem" : "lowmem",
		(unsigned long)v,
		kmap_local_addr((unsigned long)v) ? "a fixmap slot" : "its direct-map address");
	pr_info("first bytes: %*ph\n", 16, v);
	dump_pagetable((unsigned long)v);
}

static void cmd_unmap(int argc, char **argv)
{
	if (!mon_nr_maps) {
		pr_info("error: nothing mapped (use map <pfn>)\n");
		return;
	}
	mon_nr_maps--;
	kunmap_local(mon_maps[mon_nr_maps].addr);
	pr_info("unmapped %08lx (pfn %#lx), the most recent mapping\n",
		(unsigned long)mon_maps[mon_nr_maps].addr, mon_maps[mon_nr_maps].pfn);
}

static void cmd_test(int argc, char **argv)
{
	kunit_run_glob(argc > 1 ? argv[1] : "*");
}

static void cmd_bench(int argc, char **argv)
{
	bench_run(argc > 1 ? argv[1] : "*", 3100);
}

static void cmd_tlbdemo(int argc, char **argv)
{
	unsigned long trials = 1000;

	if (argc > 1 && (parse_ulong(argv[1], &trials) || !trials || trials > 100000)) {
		pr_info("usage: tlbdemo [trials, 1..100000]\n");
		return;
	}
	tlbdemo_print(trials);
}

static void cmd_help(int argc, char **argv);

static void cmd_mem(int argc, char **argv) { show_mem(); }
static void cmd_layout(int argc, char **argv) { print_vm_layout(); }
static void cmd_threads(int argc, char **argv) { show_threads(); }
static void cmd_stat(int argc, char **argv) { show_kmap_stats(); }
static void cmd_reboot(int argc, char **argv) { machine_restart(); }
static void cmd_exit(int argc, char **argv) { kmaplab_exit(KMAPLAB_EXIT_PASS); }

static void cmd_kmaps(int argc, char **argv)
{
	show_pkmaps();
	show_kmaps();
}

static const struct mon_cmd {
	const char *name, *args, *help;
	void (*fn)(int argc, char **argv);
} cmds[] = {
	{ "help", "", "this list", cmd_help },
	{ "mem", "", "zones, free pages per order, lowmem/highmem totals", cmd_mem },
	{ "layout", "", "the kernel's virtual memory layout", cmd_layout },
	{ "pt", "<vaddr>", "walk the page tables for an address", cmd_pt },
	{ "kmaps", "", "pkmap slots in use, and every thread's local slots", cmd_kmaps },
	{ "threads", "", "threads with their preempt/pagefault/migrate counts", cmd_threads },
	{ "stat", "", "kmap and TLB counters", cmd_stat },
	{ "map", "<pfn>", "map a page with kmap_local_page and show where", cmd_map },
	{ "unmap", "", "unmap the monitor's most recent mapping", cmd_unmap },
	{ "test", "[glob]", "run KUnit suites (e.g. test kmap_local)", cmd_test },
	{ "bench", "[case]", "run benchmarks (e.g. bench kmap*)", cmd_bench },
	{ "tlbdemo", "[trials]", "show a stale TLB entry, and what invalidates it", cmd_tlbdemo },
	{ "reboot", "", "restart the machine", cmd_reboot },
	{ "exit", "", "leave QEMU (or power off)", cmd_exit },
};

static void cmd_help(int argc, char **argv)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cmds); i++)
		pr_info("  %-8s %-9s %s\n", cmds[i].name, cmds[i].args, cmds[i].help);
}

void monitor_run_line(char *line)
{
	char *argv[MAX_ARGS];
	int argc = split(line, argv);
	unsigned int i;

	if (!argc)
		return;
	for (i = 0; i < ARRAY_SIZE(cmds); i++) {
		if (!strcmp(argv[0], cmds[i].name)) {
			cmds[i].fn(argc, argv);
			return;
		}
	}
	pr_info("error: unknown command '%s' (try help)\n", argv[0]);
}

void monitor_main(void)
{
	char line[LINE_MAX];

	if (!monitor_enabled)
		return;
	pr_info("kmaplab monitor: type help for the commands\n");
	for (;;) {
		if (!read_line(line))
			continue;
		strlcpy(history[history_len++ % HISTORY], line, LINE_MAX);
		monitor_run_line(line);
	}
}
