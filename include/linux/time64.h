/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/ktime.h>	/* NSEC_PER_SEC and friends */
#include <linux/types.h>

/* Seconds since 1970-01-01 00:00 UTC, 64 bits wide (no 2038 problem). */
typedef s64 time64_t;

struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

#endif /* _LINUX_TIME64_H */
