/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/sched.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/errno.h>

/*
 * pagefault_disable(): while the count is non-zero a kernel page fault is
 * never resolved; it is fixed up through the exception table or reported
 * as "page fault with page faults disabled". Per task, so it survives a
 * context switch.
 */
static inline void pagefault_disable(void)
{
	current->pagefault_disabled++;
	barrier();
}

/*
 * Unbalanced (depth already 0): warn and change nothing. Linux just
 * decrements; here a negative depth would make pagefault_disabled() true
 * for the rest of the task's life, so every later fault would be refused
 * (a kmaplab check, in the spirit of migrate_enable()'s).
 */
static inline void pagefault_enable(void)
{
	barrier();
	if (WARN_ON_ONCE(current->pagefault_disabled <= 0))
		return;
	current->pagefault_disabled--;
}

static inline bool pagefault_disabled(void)
{
	return current->pagefault_disabled != 0;
}

#define faulthandler_disabled() (pagefault_disabled() || in_atomic())

/*
 * Copies that return -EFAULT instead of oopsing when the source or the
 * destination is not mapped (mm/maccess.c, via the exception table).
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);
long copy_to_kernel_nofault(void *dst, const void *src, size_t size);

#define get_kernel_nofault(val, ptr) ({					\
	const __typeof__(val) *__gk_ptr = (ptr);			\
	copy_from_kernel_nofault(&(val), __gk_ptr, sizeof(val));	\
})

#endif /* _LINUX_UACCESS_H */
