/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_MONITOR_H
#define _KMAPLAB_MONITOR_H

#include <linux/types.h>

/*
 * The kernel monitor on COM1 (teaching/monitor/monitor.c, teaching/monitor/monitor_edit.c),
 * started by `monitor` on the command line after the boot's tests.
 */

/* Runs forever when `monitor` is on the command line; returns otherwise. */
void monitor_main(void);
/* Execute one command line; it is split in place. Returns 0 or -EINVAL. */
int monitor_run_line(char *line);

#define MONITOR_LINE_MAX 128
/*
 * Print prompt and read one line from COM1 into buf (size bytes, NUL
 * terminated). Returns its length, or -1 when the user typed ^C.
 */
int monitor_read_line(char *buf, size_t size, const char *prompt);
/* A number as C writes it (123, 0x7b, 0173); else one "error:" line naming what. */
int monitor_parse_num(const char *what, const char *s, unsigned long *v);

/* teaching/monitor/monitor_maps.c: map PFN, unmap [N] */
#define MONITOR_MAPS 8		/* mappings the monitor holds at most */
int monitor_nr_maps(void);
int cmd_map(int argc, char **argv);
int cmd_unmap(int argc, char **argv);

/* teaching/monitor/monitor_proc.c: ps, vm PID, run PROG [ARGS] */
#define MONITOR_RUN_ARGS 3
int cmd_ps(int argc, char **argv);
int cmd_vm(int argc, char **argv);
int cmd_run(int argc, char **argv);
/* teaching/monitor/monitor_fault.c: faultsleep [ms] */
int cmd_faultsleep(int argc, char **argv);

/*
 * Printers the monitor calls, from their subsystems (the others are in
 * <linux/mm.h>, <kmaplab/mm.h> and <kmaplab/highmem.h>).
 */
void show_threads(void);		/* sched/debug.c */
/* lib/kunit/executor.c: 0, or -ENOENT when no suite matches (nothing runs) */
int kunit_run_glob(const char *glob);

#endif /* _KMAPLAB_MONITOR_H */
