/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_USER_EXIT_COMMON_H
#define _TESTS_USER_EXIT_COMMON_H
/*
 * Free-page and kmalloc object counts around processes that exit. On SMP a reaped task's
 * last pages (its kernel stack, its task_struct) come back a moment
 * after kernel_wait() returns: the final put happens on the CPU it died
 * on, after it switched away for the last time (sched/kthread.c
 * do_exit()). So a count is compared once it stops moving, a second at
 * most -- a page leaked for good still shows.
 */
#include <linux/mm.h>
#include <linux/delay.h>
#include <kmaplab/mm.h>

/* count() once it stops moving. */
static inline unsigned long settled_count(unsigned long (*count)(void))
{
	unsigned long last = count(), now;
	int i;

	for (i = 0; i < 100; i++, last = now) {
		msleep(10);
		now = count();
		if (now == last)
			break;
	}
	return last;
}

/* count() once it is back to want, or after a second. */
static inline unsigned long count_back_to(unsigned long (*count)(void),
					  unsigned long want)
{
	int i;

	for (i = 0; i < 100 && count() != want; i++)
		msleep(10);
	return count();
}

static inline unsigned long settled_free_pages(void)
{
	return settled_count(nr_free_pages);
}

static inline unsigned long free_pages_back_to(unsigned long want)
{
	return count_back_to(nr_free_pages, want);
}

#endif /* _TESTS_USER_EXIT_COMMON_H */
