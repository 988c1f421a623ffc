// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel memory access that cannot oops: copy_{from,to}_kernel_nofault()
 * and get_kernel_nofault(). The copy is one "rep movsb" listed in the
 * exception table; if it faults, the CPU has already counted ECX down to
 * the bytes left, and the fixup simply resumes after the instruction.
 * Page faults are disabled around it, as in Linux, so the fault handler
 * knows not to try to resolve anything.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/uaccess.h>

static unsigned long copy_nofault(void *dst, const void *src, size_t n)
{
	__asm__ __volatile__("1:	rep movsb\n"
			     "2:\n"
			     ".pushsection __ex_table, \"a\"\n"
			     "	.balign 4\n"
			     "	.long 1b, 2b\n"
			     ".popsection"
			     : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
	return n;
}

long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	unsigned long left;

	pagefault_disable();
	left = copy_nofault(dst, src, size);
	pagefault_enable();
	return left ? -EFAULT : 0;
}

long copy_to_kernel_nofault(void *dst, const void *src, size_t size)
{
	return copy_from_kernel_nofault(dst, src, size);
}
