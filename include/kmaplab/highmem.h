/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_HIGHMEM_H
#define _KMAPLAB_HIGHMEM_H

/*
 * kmaplab's view into the temporary mappings (mm/highmem.c, mm/pkmap.c,
 * mm/kmap_debug.c): what no Linux header has, for the monitor's `stat`
 * and `kmaps`, the tests and the benchmarks.
 */
#include <linux/percpu.h>

/* Per-CPU event counters; kmap_stats_read() sums them over the CPUs. */
struct kmap_stats {
	unsigned long local_map, local_unmap;	/* kmap_local + kmap_atomic slot use */
	unsigned long atomic_map;		/* of which with page faults off (kmap_atomic) */
	unsigned long lowmem_fast;		/* lowmem pages: no slot, no PTE */
	unsigned long sched_out_slots;		/* slots cleared at switch-out */
	unsigned long sched_in_slots;		/* slots restored at switch-in */
	unsigned long unmap_order_errors;	/* kunmap_local not on the top */
	unsigned long irq_unbalanced;		/* an interrupt returned holding maps */
	unsigned long unmap_bad_addr;		/* kunmap_local of a non-kmap_local address */
	unsigned long pkmap_map;		/* kmap(): new pool slots taken */
	unsigned long pkmap_hit;		/* kmap(): page already in the pool */
	unsigned long pkmap_wraps;		/* pool wraps (flush_all_zero_pkmaps) */
	unsigned long pkmap_sleeps;		/* kmap() slept: pool full */
};
DECLARE_PER_CPU(struct kmap_stats, kmap_stats);
/* Sum over all CPUs. */
void kmap_stats_read(struct kmap_stats *sum);
/*
 * kmap_local's two out-of-line calls, __kmap_local_page_high() and
 * kunmap_local_indexed(), take their argument in %eax, as every call does
 * in Linux's i386 build (-mregparm=3, which kmaplab does not use:
 * docs/performance.md): the inline caller then needs no stack argument,
 * and so no frame adjustment, on the lowmem path it shares with them.
 */
#define __kmap_regparm __attribute__((regparm(3)))

/* Print the kmap and TLB counters (monitor's stat, tests' diagnostics). */
void show_kmap_stats(void);
/* Print the pkmap slots in use and every task's local slots. */
void show_kmaps(void);
/* Print the kmap() pool's slots (monitor's `kmaps`). */
void show_pkmaps(void);
/* Pool slots with count > 1 (mapped and in use), for tests. */
int pkmap_slots_in_use(void);

/*
 * Debug: send lowmem pages through the fixmap too (Linux's
 * CONFIG_DEBUG_KMAP_LOCAL_FORCE_MAP, here switched on at boot with
 * kmap_local.force_map=1), to exercise the slot code without highmem.
 */
#ifdef CONFIG_DEBUG_KMAP_LOCAL
extern bool kmap_local_force_map;
#else
#define kmap_local_force_map false
#endif

#endif /* _KMAPLAB_HIGHMEM_H */
