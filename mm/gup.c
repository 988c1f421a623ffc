// SPDX-License-Identifier: GPL-2.0
/*
 * Faulting a user range in, page by page, as Linux's mm/gup.c does: one
 * access per page -- a store of 0 for writing (the caller is about to
 * overwrite the buffer anyway), a load for reading -- each an ordinary
 * user access that the page-fault handler resolves and may sleep in.
 * The old kmap_atomic() copy path of read()/write() (mm/filemap.c)
 * calls these *after* unmapping, so that the fault and its sleep happen
 * with no atomic mapping held, and then retries the copy.
 *
 * Both return the bytes NOT faulted in, counted from the first page
 * that failed: size when nothing could be, 0 when all of it is there.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/uaccess.h>
#include <linux/pagemap.h>

size_t fault_in_writeable(char __user *uaddr, size_t size)
{
	char __user *start = uaddr, *end;

	if (unlikely(size == 0))
		return 0;
	if (!access_ok(uaddr, size))
		return size;
	if (!PAGE_ALIGNED((unsigned long)uaddr)) {
		if (put_user(0, uaddr))
			goto out;
		uaddr = (char __user *)PAGE_ALIGN((unsigned long)uaddr);
	}
	end = (char __user *)PAGE_ALIGN((unsigned long)start + size);
	while (uaddr != end) {
		if (put_user(0, uaddr))
			goto out;
		uaddr += PAGE_SIZE;
	}
out:
	if (size > (size_t)(uaddr - start))
		return size - (uaddr - start);
	return 0;
}

size_t fault_in_readable(const char __user *uaddr, size_t size)
{
	const char __user *start = uaddr, *end;
	char c;

	if (unlikely(size == 0))
		return 0;
	if (!access_ok(uaddr, size))
		return size;
	if (!PAGE_ALIGNED((unsigned long)uaddr)) {
		if (get_user(c, uaddr))
			goto out;
		uaddr = (const char __user *)PAGE_ALIGN((unsigned long)uaddr);
	}
	end = (const char __user *)PAGE_ALIGN((unsigned long)start + size);
	while (uaddr != end) {
		if (get_user(c, uaddr))
			goto out;
		uaddr += PAGE_SIZE;
	}
out:
	(void)c;
	if (size > (size_t)(uaddr - start))
		return size - (uaddr - start);
	return 0;
}
