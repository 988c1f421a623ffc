/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/cmpxchg.h>

/* atomic_t (defined in <linux/types.h>) with locked x86 instructions. */
#define ATOMIC_INIT(i) { (i) }

static __always_inline int arch_atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static __always_inline void arch_atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static __always_inline void arch_atomic_add(int i, atomic_t *v)
{
	__asm__ __volatile__("lock; addl %1, %0"
			     : "+m"(v->counter) : "ir"(i) : "memory");
}

static __always_inline void arch_atomic_sub(int i, atomic_t *v)
{
	__asm__ __volatile__("lock; subl %1, %0"
			     : "+m"(v->counter) : "ir"(i) : "memory");
}

/* Returns the value before the addition. */
static __always_inline int arch_atomic_fetch_add(int i, atomic_t *v)
{
	__asm__ __volatile__("lock; xaddl %0, %1"
			     : "+r"(i), "+m"(v->counter) : : "memory");
	return i;
}

static __always_inline int arch_atomic_cmpxchg(atomic_t *v, int old, int new)
{
	return cmpxchg(&v->counter, old, new);
}

static __always_inline int arch_atomic_xchg(atomic_t *v, int new)
{
	return xchg(&v->counter, new);
}

#endif /* _ASM_ATOMIC_H */
