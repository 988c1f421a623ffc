/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

/*
 * Non-NULL pointers that fault, left in a deleted list entry so that a
 * use after list_del() oopses instead of corrupting a neighbour. Linux
 * uses 0x100 and 0x122 (plus POISON_POINTER_DELTA); kmaplab has always
 * used these two, in the user half below PAGE_OFFSET, farther from NULL.
 */
#define POISON_POINTER_DELTA 0
#define LIST_POISON1 ((void *)0x00100100 + POISON_POINTER_DELTA)
#define LIST_POISON2 ((void *)0x00200200 + POISON_POINTER_DELTA)

/* mm/slab.c: freed objects are filled with POISON_FREE, ending POISON_END. */
#define POISON_INUSE	0x5a
#define POISON_FREE	0x6b
#define POISON_END	0xa5

#endif /* _LINUX_POISON_H */
