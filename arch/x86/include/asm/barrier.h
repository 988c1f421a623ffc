/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <linux/compiler.h>

/*
 * Memory barriers, x86 flavour. x86 keeps stores in order and loads in
 * order, so only a store followed by a load needs a real fence; a locked
 * add to the stack is Linux's cheap full barrier. On one CPU all of these
 * only have to stop the compiler, but they are written for SMP.
 */
#define mb() __asm__ __volatile__("lock; addl $0,-4(%%esp)" : : : "memory", "cc")
#define rmb() barrier()
#define wmb() barrier()

#define smp_mb() mb()
#define smp_rmb() barrier()
#define smp_wmb() barrier()

#define smp_store_mb(var, value) do { WRITE_ONCE(var, value); smp_mb(); } while (0)
#define smp_store_release(p, v) do { barrier(); WRITE_ONCE(*(p), v); } while (0)
#define smp_load_acquire(p) ({ __typeof__(*(p)) ___v = READ_ONCE(*(p)); barrier(); ___v; })
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()
#define smp_mb__after_spinlock() barrier()

#endif /* _ASM_BARRIER_H */
