/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <asm/atomic.h>
#include <asm/barrier.h>

/*
 * The Linux atomic_t API over <asm/atomic.h>. Every read-modify-write
 * here is a single locked instruction: atomic against interrupts on this
 * CPU and against other CPUs once there are any.
 */
#define atomic_read(v) arch_atomic_read(v)
#define atomic_set(v, i) arch_atomic_set(v, i)
#define atomic_add(i, v) arch_atomic_add(i, v)
#define atomic_sub(i, v) arch_atomic_sub(i, v)
#define atomic_inc(v) arch_atomic_add(1, v)
#define atomic_dec(v) arch_atomic_sub(1, v)
#define atomic_fetch_add(i, v) arch_atomic_fetch_add(i, v)
#define atomic_add_return(i, v) (arch_atomic_fetch_add(i, v) + (i))
#define atomic_sub_return(i, v) (arch_atomic_fetch_add(-(i), v) - (i))
#define atomic_inc_return(v) atomic_add_return(1, v)
#define atomic_dec_return(v) atomic_sub_return(1, v)
#define atomic_dec_and_test(v) (atomic_dec_return(v) == 0)
#define atomic_inc_and_test(v) (atomic_inc_return(v) == 0)
#define atomic_cmpxchg(v, o, n) arch_atomic_cmpxchg(v, o, n)
#define atomic_xchg(v, n) arch_atomic_xchg(v, n)
#define atomic_try_cmpxchg(v, op, n) try_cmpxchg(&(v)->counter, op, n)

/* Add a to v unless v is u; true when it added. */
static inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
	int c = atomic_read(v);

	do {
		if (c == u)
			return false;
	} while (!atomic_try_cmpxchg(v, &c, c + a));
	return true;
}
#define atomic_inc_not_zero(v) atomic_add_unless((v), 1, 0)

/* long is 32 bits here: atomic_long_t is atomic_t, as on Linux i386. */
typedef atomic_t atomic_long_t;
#define ATOMIC_LONG_INIT(i) ATOMIC_INIT(i)
#define atomic_long_read(v) ((long)atomic_read(v))
#define atomic_long_set(v, i) atomic_set(v, (int)(i))
#define atomic_long_cmpxchg(v, o, n) ((long)atomic_cmpxchg(v, (int)(o), (int)(n)))
#define atomic_long_xchg(v, n) ((long)atomic_xchg(v, (int)(n)))
#define atomic_long_try_cmpxchg(v, op, n) try_cmpxchg(&(v)->counter, (int *)(op), (int)(n))
#define atomic_long_inc(v) atomic_inc(v)
#define atomic_long_dec(v) atomic_dec(v)

#endif /* _LINUX_ATOMIC_H */
