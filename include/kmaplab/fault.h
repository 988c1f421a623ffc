/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_FAULT_H
#define _KMAPLAB_FAULT_H

/*
 * kmaplab-only knobs and counters for the page-cache copy and the user
 * page fault (docs/faults-in-local-maps.md). No Linux header has these:
 * Linux has one buffered-I/O path at a time, and no way to make an
 * anonymous fault sleep on purpose.
 *
 *  filemap_copy=kmap_local | kmap_atomic
 *	How read()/write() copy between a page-cache page and the user's
 *	buffer (mm/filemap.c): today's way (kmap_local_page() and a copy
 *	that may fault and sleep), or Linux's old one (kmap_atomic(), an
 *	in-atomic copy that stops short at a missing page, unmap, fault
 *	the page in, retry). Default kmap_local.
 *
 *  fault_sleep_ms=N
 *	Debug: every anonymous page fault (the first touch of a user page,
 *	mm/memory.c) sleeps N ms in msleep() first, as if it read the page
 *	from disk. 0 (default) is off; the monitor's `faultsleep [ms]`
 *	shows and sets it.
 */
#include <linux/atomic.h>

enum filemap_copy_path {
	FILEMAP_COPY_KMAP_LOCAL,	/* kmap_local_page() + copy_to_user() */
	FILEMAP_COPY_KMAP_ATOMIC,	/* kmap_atomic() + inatomic copy + retry */
};
extern enum filemap_copy_path filemap_copy_path;
const char *filemap_copy_path_name(enum filemap_copy_path path);

#define FAULT_SLEEP_MS_MAX 10000
extern unsigned int fault_sleep_ms;

/*
 * Events since boot, all CPUs (mm/fault_stats.c). Atomic, not per-CPU:
 * they count faults and copies, which cost far more than a locked add.
 */
struct uaccess_fault_stats {
	atomic_t resolved;	/* kernel-mode faults on user memory resolved */
	atomic_t fixed_up;	/* ... refused (page faults off): exception fixup */
	atomic_t sleeps;	/* fault_sleep_ms sleeps in the anonymous fault */
	atomic_t sleeps_mapped;	/* ... of which with a kmap_local slot held */
	atomic_t short_copies;	/* filemap: an in-atomic copy stopped short */
	atomic_t retries;	/* filemap: copies retried after fault_in_*() */
};
extern struct uaccess_fault_stats uaccess_fault_stats;

/* A plain snapshot of the counters, for differences. */
struct uaccess_fault_snap {
	unsigned long resolved, fixed_up, sleeps, sleeps_mapped;
	unsigned long short_copies, retries;
};
void uaccess_fault_snap(struct uaccess_fault_snap *s);
/* The knobs and the counters, one paragraph (monitor's `faultsleep`). */
void show_uaccess_fault_stats(void);

/* The anonymous fault's sleep (mm/fault_stats.c): called when the knob is on. */
void fault_sleep(void);

#endif /* _KMAPLAB_FAULT_H */
