/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <linux/build_bug.h>
#include <linux/stddef.h>

#define typeof_member(T, m)	__typeof__(((T *)0)->m)

/*
 * container_of(ptr, type, member): the struct type whose member ptr
 * points to. As in Linux, ptr must point to member's type (or be void *):
 * a mismatch is a build error, not a silently wrong address.
 */
#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	static_assert(__same_type(*(ptr), ((type *)0)->member) ||	\
		      __same_type(*(ptr), void),			\
		      "pointer type mismatch in container_of()");	\
	((type *)(__mptr - offsetof(type, member))); })

#endif /* _LINUX_CONTAINER_OF_H */
