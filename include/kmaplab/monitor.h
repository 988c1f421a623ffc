/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_MONITOR_H
#define _KMAPLAB_MONITOR_H

/* kernel/monitor.c: runs forever when `monitor` is on the command line. */
void monitor_main(void);
/* Execute one command line (also used by tests). */
void monitor_run_line(char *line);

/* Printers the monitor calls, from their subsystems. */
void show_mem(void);			/* mm/ */
void print_vm_layout(void);		/* mm/ */
void show_threads(void);		/* sched/ */
void show_pkmaps(void);			/* mm/pkmap.c */
void kunit_run_glob(const char *glob);	/* kernel/kunit/ */

#endif /* _KMAPLAB_MONITOR_H */
