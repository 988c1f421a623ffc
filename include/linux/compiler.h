/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __noreturn __attribute__((__noreturn__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __section(s) __attribute__((__section__(s)))
#define __used __attribute__((__used__))
#define __maybe_unused __attribute__((__unused__))
#define __weak __attribute__((__weak__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __cold __attribute__((__cold__))
#define __attribute_const__ __attribute__((__const__))
#define __pure __attribute__((__pure__))
#define __must_check __attribute__((__warn_unused_result__))
#define __malloc __attribute__((__malloc__))
#define __init
#define __initdata
#define __user
#define __iomem
#define __force
#define __percpu
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define notrace

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define barrier() __asm__ __volatile__("" : : : "memory")
/* Tells the compiler control never gets here (Linux's, minus objtool's note). */
#define unreachable() __builtin_unreachable()

/* Make the optimizer believe the variable can be manipulated arbitrarily. */
#define OPTIMIZER_HIDE_VAR(var) __asm__ ("" : "=r" (var) : "0" (var))

/* A char array that need not be NUL-terminated (strtomem() fills one). */
#if __has_attribute(__nonstring__)
#define __nonstring __attribute__((__nonstring__))
#else
#define __nonstring
#endif

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)

#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/* Whether a type is signed; bool and pointers count as unsigned. */
#define is_signed_type(type) (((type)(-1)) < (__force type)1)

#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))

#define __compiletime_error(msg) __attribute__((__error__(msg)))
#define __must_be_array(a) BUILD_BUG_ON_ZERO(__same_type((a), &(a)[0]))

/*
 * compiletime_assert(): the build fails with msg if condition is false.
 * As in Linux, the condition need only be constant once optimised (an
 * inline function's constant argument will do): a false one leaves a
 * call to a function declared with the error attribute.
 */
#define __compiletime_assert(condition, msg, prefix, suffix)		\
	do {								\
		__noreturn extern void prefix ## suffix(void)		\
			__compiletime_error(msg);			\
		if (!(condition))					\
			prefix ## suffix();				\
	} while (0)
#define _compiletime_assert(condition, msg, prefix, suffix)		\
	__compiletime_assert(condition, msg, prefix, suffix)
#define compiletime_assert(condition, msg)				\
	_compiletime_assert(condition, msg, __compiletime_assert_, __COUNTER__)

/* BUILD_BUG_ON() and friends build on compiletime_assert(). */
#include <linux/build_bug.h>

#endif /* _LINUX_COMPILER_H */
