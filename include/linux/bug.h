/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

/*
 * BUG(): an invariant is broken; print "kernel BUG at file:line!", a
 * register-free report with a backtrace, then end the kernel (or, inside
 * a KUnit case that expects it, just that case). WARN(): print and go on.
 * Both live in kernel/panic.c.
 */
__noreturn __cold __printf(4, 5)
void __bug(const char *file, int line, const char *func, const char *fmt, ...);
__cold __printf(4, 5)
void __warn(const char *file, int line, const char *func, const char *fmt, ...);

#define BUG() __bug(__FILE__, __LINE__, __func__, NULL)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

#define WARN(cond, fmt, ...) ({						\
	int __ret_warn = !!(cond);					\
	if (unlikely(__ret_warn))					\
		__warn(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__); \
	unlikely(__ret_warn);						\
})

#define WARN_ON(cond) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		__warn(__FILE__, __LINE__, __func__, NULL);		\
	unlikely(__ret_warn_on);					\
})

#define WARN_ONCE(cond, fmt, ...) ({					\
	static bool __warned;						\
	int __ret_warn_once = !!(cond);					\
	if (unlikely(__ret_warn_once && !__warned)) {			\
		__warned = true;					\
		__warn(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__); \
	}								\
	unlikely(__ret_warn_once);					\
})

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	int __ret_warn_once = !!(cond);					\
	if (unlikely(__ret_warn_once && !__warned)) {			\
		__warned = true;					\
		__warn(__FILE__, __LINE__, __func__, NULL);		\
	}								\
	unlikely(__ret_warn_once);					\
})

#ifdef CONFIG_DEBUG_VM
#define VM_BUG_ON(cond) BUG_ON(cond)
#define VM_WARN_ON(cond) ((void)WARN_ON(cond))
#define VM_WARN_ON_ONCE(cond) ((void)WARN_ON_ONCE(cond))
#else
#define VM_BUG_ON(cond) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON(cond) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE(cond) BUILD_BUG_ON_INVALID(cond)
#endif

#endif /* _LINUX_BUG_H */
