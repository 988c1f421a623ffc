/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CMPXCHG_H
#define _ASM_CMPXCHG_H

#include <linux/compiler.h>

/*
 * xchg() and cmpxchg() on 4-byte words. xchg with a memory operand is
 * locked by the CPU; cmpxchg needs the lock prefix to be atomic against
 * other CPUs (on one CPU a single instruction is already atomic against
 * interrupts, but the prefix costs little and keeps the code SMP-ready).
 */
#define xchg(ptr, v) ({							\
	__typeof__(*(ptr)) __xv = (v);					\
	BUILD_BUG_ON(sizeof(*(ptr)) != 4);				\
	__asm__ __volatile__("xchgl %0, %1"				\
			     : "+r"(__xv), "+m"(*(ptr)) : : "memory");	\
	__xv;								\
})

#define cmpxchg(ptr, old, new) ({					\
	__typeof__(*(ptr)) __cxo = (old), __cxn = (new), __cxr;		\
	BUILD_BUG_ON(sizeof(*(ptr)) != 4);				\
	__asm__ __volatile__("lock; cmpxchgl %2, %1"			\
			     : "=a"(__cxr), "+m"(*(ptr))		\
			     : "r"(__cxn), "0"(__cxo) : "memory");	\
	__cxr;								\
})

/* Like cmpxchg, but updates *oldp with the value found on failure. */
#define try_cmpxchg(ptr, oldp, new) ({					\
	__typeof__(*(ptr)) __tco = *(oldp);				\
	__typeof__(*(ptr)) __tcr = cmpxchg(ptr, __tco, new);		\
	if (__tcr != __tco)						\
		*(oldp) = __tcr;					\
	__tcr == __tco;							\
})

#endif /* _ASM_CMPXCHG_H */
