/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_KMAP_SIZE_H
#define _ASM_KMAP_SIZE_H

/*
 * How many kmap_local/kmap_atomic mappings one task (plus the interrupts
 * that nest on top of it) may hold at once, as in Linux's
 * <asm-generic/kmap_size.h>. The debug build leaves an unmapped guard
 * slot after each real one (KM_INCR 2), so a run past the end of a
 * mapping faults instead of reading a neighbour's page.
 */
#ifdef CONFIG_DEBUG_KMAP_LOCAL
#define KM_INCR 2
#define KM_MAX_IDX 33
#else
#define KM_INCR 1
#define KM_MAX_IDX 16
#endif

#endif /* _ASM_KMAP_SIZE_H */
