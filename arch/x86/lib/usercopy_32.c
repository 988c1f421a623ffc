// SPDX-License-Identifier: GPL-2.0
/*
 * Copying to and from user space. Each access is a single instruction
 * (rep movsb, rep stosb, movzbl) in the exception table; when it faults
 * and the fault cannot be resolved (arch/x86/mm/fault.c), execution
 * resumes just after it, with ECX counted down to what is left -- the
 * same trick as copy_from_kernel_nofault() (mm/maccess.c). Page faults
 * stay *enabled*: a fault on a page of a VMA that is not present yet is
 * served in the middle of the copy, and the instruction carries on.
 * Hence might_fault() in each (mm/memory.c): they may sleep.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>

/*
 * One "rep movsb" listed in the exception table: if it faults, the CPU
 * has counted ECX down to the bytes left and the fixup resumes after it.
 * Returns the bytes not copied. The user copies and the kernel's nofault
 * copies (mm/maccess.c) are all this one instruction.
 */
unsigned long __copy_user_ll(void *dst, const void *src, unsigned long n)
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

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	might_fault();
	if (!access_ok(to, n))
		return n;
	return __copy_user_ll((void __force *)to, from, n);
}

/* Whatever could not be read is zeroed: no stale kernel bytes leak. */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	might_fault();
	if (access_ok(from, n))
		left = __copy_user_ll(to, (const void __force *)from, n);
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	might_fault();
	if (!access_ok(to, n))
		return n;
	__asm__ __volatile__("1:	rep stosb\n"
			     "2:\n"
			     ".pushsection __ex_table, \"a\"\n"
			     "	.balign 4\n"
			     "	.long 1b, 2b\n"
			     ".popsection"
			     : "+D"(to), "+c"(n) : "a"(0) : "memory");
	return n;
}

/* One byte: 0, or -EFAULT when the load faulted (the xor is skipped). */
static int get_user_byte(unsigned char *c, const char __user *p)
{
	int err = -EFAULT;
	unsigned int v = 0;

	if (!access_ok(p, 1))
		return -EFAULT;
	__asm__ __volatile__("1:	movzbl (%2), %1\n"
			     "	xorl %0, %0\n"
			     "2:\n"
			     ".pushsection __ex_table, \"a\"\n"
			     "	.balign 4\n"
			     "	.long 1b, 2b\n"
			     ".popsection"
			     : "+r"(err), "+r"(v) : "r"(p) : "memory");
	*c = v;
	return err;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	might_fault();
	for (i = 0; i < count; i++) {
		unsigned char c;

		if (get_user_byte(&c, src + i))
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return count;
}

long strnlen_user(const char __user *str, long n)
{
	long i;

	might_fault();
	for (i = 0; i < n; i++) {
		unsigned char c;

		if (get_user_byte(&c, str + i))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}
