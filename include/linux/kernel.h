/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/const.h>
#include <linux/types.h>
#include <linux/stdarg.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/minmax.h>
#include <linux/panic.h>
#include <linux/container_of.h>
#include <linux/bitops.h>
#include <linux/limits.h>
#include <linux/math.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))


#define __ALIGN_MASK(x, mask) __ALIGN_KERNEL_MASK((x), (mask))
#define ALIGN(x, a) __ALIGN_KERNEL((x), (a))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define PTR_ALIGN(p, a) ((__typeof__(p))ALIGN((unsigned long)(p), (a)))

#define SZ_1K 0x00000400
#define SZ_4K 0x00001000
#define SZ_1M 0x00100000
#define SZ_2M 0x00200000
#define SZ_4M 0x00400000
#define SZ_8M 0x00800000
#define SZ_16M 0x01000000
#define SZ_128M 0x08000000
#define SZ_1G 0x40000000


#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))

/* Number parsing (lib/kstrtox.c). Return 0 or -EINVAL/-ERANGE. */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtobool(const char *s, bool *res);
unsigned long long memparse(const char *ptr, char **retptr);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);

/* lib/cmdline.c: integers and lists of them from option strings. */
int get_option(char **str, int *pint);
char *get_options(const char *str, int nints, int *ints);

/*
 * might_sleep(): annotation for functions that may sleep. With
 * CONFIG_DEBUG_ATOMIC_SLEEP (the debug build) it complains (Linux's "BUG:
 * sleeping function called from invalid context") when called from
 * atomic context; implemented in sched/. Without it, as in Linux with
 * full preemption, it is nothing: the release kmap() paid 44
 * instructions for it (docs/performance.md).
 */
void __might_sleep(const char *file, int line);
#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
#define might_sleep() __might_sleep(__FILE__, __LINE__)
#else
#define might_sleep() do { } while (0)
#endif
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)

/* might_fault(): a user access, which may fault and sleep (mm/memory.c). */
void __might_fault(const char *file, int line);
#define might_fault() __might_fault(__FILE__, __LINE__)

#endif /* _LINUX_KERNEL_H */
