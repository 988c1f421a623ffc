/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

/*
 * Only what kmaplab's page cache needs of Linux's pagemap.h: faulting a
 * user range in before (or after) a copy that must not fault
 * (mm/gup.c). Both return the bytes NOT faulted in, like the copies.
 */
#include <linux/types.h>
#include <linux/compiler.h>

size_t fault_in_writeable(char __user *uaddr, size_t size);
size_t fault_in_readable(const char __user *uaddr, size_t size);

#endif /* _LINUX_PAGEMAP_H */
