/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/time64.h>
#include <linux/types.h>

/*
 * Calendar time (UTC, proleptic Gregorian calendar), Linux's API
 * (kernel/timeconv.c; Linux has it in kernel/time/). kmaplab has no
 * real-time clock: these only convert.
 */
struct tm {
	int tm_sec;	/* 0-59 (60 would be a leap second; not produced) */
	int tm_min;	/* 0-59 */
	int tm_hour;	/* 0-23 */
	int tm_mday;	/* 1-31 */
	int tm_mon;	/* 0-11, months since January */
	long tm_year;	/* years since 1900 */
	int tm_wday;	/* 0-6, days since Sunday */
	int tm_yday;	/* 0-365, days since January 1 */
};

/* totalsecs + offset seconds (a time zone) as calendar fields. */
void time64_to_tm(time64_t totalsecs, int offset, struct tm *result);

/* The inverse: year as is (1970, not 70), mon 1-12, day 1-31. */
time64_t mktime64(const unsigned int year, const unsigned int mon,
		  const unsigned int day, const unsigned int hour,
		  const unsigned int min, const unsigned int sec);

#endif /* _LINUX_TIME_H */
