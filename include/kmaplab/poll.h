/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_POLL_H
#define _KMAPLAB_POLL_H

#include <linux/poll.h>

/*
 * poll() on a kernel array of pollfds (fs/select.c; sys_poll() copies
 * the user's in and out around it). *passes: how many times it asked
 * the files -- one, then one more per wake-up or timeout (the tests
 * count them: a poll that sleeps does not ask again while nothing
 * happens).
 */
long do_poll_fds(struct pollfd *fds, unsigned int nfds, long timeout_ms,
		 unsigned long *passes);

#endif /* _KMAPLAB_POLL_H */
