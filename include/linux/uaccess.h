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

/*
 * User memory (arch/x86/lib/usercopy_32.c). Every access is one
 * instruction listed in the exception table. A fault on it inside a VMA
 * whose page is not there yet is *resolved* by the page-fault handler
 * (which may sleep) and the instruction resumes; a fault outside every
 * VMA, or a kernel address, ends the copy short: -EFAULT for the caller.
 * So these may sleep, and must not be called with mm->mmap_lock held.
 */
#include <asm/page.h>

/* addr..addr+size lies wholly in user space (below TASK_SIZE). */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* Return the number of bytes NOT copied (0: all of it). */
/* arch/x86/lib/usercopy_32.c: the fixed-up copy under both families. */
unsigned long __copy_user_ll(void *to, const void *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/* Length without the NUL, count if none in count bytes, or -EFAULT. */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* Length with the NUL; 0 on a fault; > n when none in n bytes. */
long strnlen_user(const char __user *str, long n);

/*
 * The in-atomic copies: no might_fault(), no access_ok() (the caller did
 * it), no zeroing of what was not read. Meant for page faults disabled
 * (kmap_atomic(), pagefault_disable()): a missing page is then not
 * faulted in but ends the copy, and the caller gets the bytes left --
 * Linux's old buffered I/O copied this way and retried after
 * fault_in_writeable()/fault_in_readable() (<linux/pagemap.h>).
 */
static inline __must_check unsigned long
__copy_to_user_inatomic(void __user *to, const void *from, unsigned long n)
{
	return __copy_user_ll((void __force *)to, from, n);
}

static inline __must_check unsigned long
__copy_from_user_inatomic(void *to, const void __user *from, unsigned long n)
{
	return __copy_user_ll(to, (const void __force *)from, n);
}

/* Values of 1, 2 or 4 bytes (an integer or a pointer), as on i386. */
#define get_user(x, ptr) ({						\
	unsigned long __gu_val = 0;					\
	int __gu_err;							\
	BUILD_BUG_ON(sizeof(*(ptr)) > sizeof(unsigned long));		\
	__gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ?	\
		-EFAULT : 0;						\
	(x) = (__typeof__(*(ptr)))__gu_val;				\
	__gu_err;							\
})

#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __pu_val = (x);				\
	copy_to_user((ptr), &__pu_val, sizeof(__pu_val)) ? -EFAULT : 0; \
})

#endif /* _LINUX_UACCESS_H */
