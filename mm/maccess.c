// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel memory access that cannot oops: copy_{from,to}_kernel_nofault()
 * and get_kernel_nofault(). The copy is the user copies' __copy_user_ll()
 * (arch/x86/lib/usercopy_32.c): one "rep movsb" in the exception table,
 * which on a fault stops with ECX counting the bytes left.
 * Page faults are disabled around it, as in Linux, so the fault handler
 * knows not to try to resolve anything.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/uaccess.h>

long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	unsigned long left;

	pagefault_disable();
	left = __copy_user_ll(dst, src, size);
	pagefault_enable();
	return left ? -EFAULT : 0;
}

long copy_to_kernel_nofault(void *dst, const void *src, size_t size)
{
	return copy_from_kernel_nofault(dst, src, size);
}
