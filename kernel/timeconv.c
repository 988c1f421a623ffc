// SPDX-License-Identifier: GPL-2.0
/*
 * Seconds since the epoch <-> calendar date, with Linux's
 * time64_to_tm() and mktime64() (Linux: kernel/time/timeconv.c,
 * kernel/time/time.c).
 *
 * Both go through a day number counted from 0000-03-01: with the year
 * starting in March, the leap day is the last day of the year, so every
 * year's months before it have the same lengths (H. Hinnant's
 * "chrono-compatible low-level date algorithms"). 400 Gregorian years
 * are exactly 146097 days, an "era"; within one, everything fits in 32
 * bits. No 64-bit '/' on a 32-bit kernel: the two 64-bit divisions go
 * through div_s64_rem().
 */
#include <linux/math64.h>
#include <linux/time.h>

#define SECS_PER_DAY	86400
#define DAYS_PER_ERA	146097		/* 400 Gregorian years */
#define EPOCH_DAYS	719468		/* 0000-03-01 to 1970-01-01 */

static bool is_leap(long year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/* floor(a / b) and the non-negative remainder, for b > 0. */
static s64 div_floor(s64 a, s32 b, s32 *rem)
{
	s64 q = div_s64_rem(a, b, rem);

	if (*rem < 0) {
		*rem += b;
		q--;
	}
	return q;
}

void time64_to_tm(time64_t totalsecs, int offset, struct tm *result)
{
	s32 secs, doe, wday;
	s64 days = div_floor(totalsecs, SECS_PER_DAY, &secs);
	s64 era;
	u32 yoe, doy, mp;
	long year;

	/* the offset (a time zone) may move the time into another day */
	secs += offset;
	days += div_floor(secs, SECS_PER_DAY, &secs);
	result->tm_hour = secs / 3600;
	result->tm_min = secs % 3600 / 60;
	result->tm_sec = secs % 60;
	/* 1970-01-01 was a Thursday */
	div_floor(days + 4, 7, &wday);
	result->tm_wday = wday;

	era = div_floor(days + EPOCH_DAYS, DAYS_PER_ERA, &doe);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);	/* from March 1 */
	mp = (5 * doy + 2) / 153;			/* 0 = March */
	year = (long)(era * 400) + yoe + (mp >= 10);

	result->tm_mday = doy - (153 * mp + 2) / 5 + 1;
	result->tm_mon = mp < 10 ? mp + 2 : mp - 10;
	result->tm_year = year - 1900;
	result->tm_yday = mp >= 10 ? doy - 306 : doy + 59 + is_leap(year);
}

time64_t mktime64(const unsigned int year0, const unsigned int mon0,
		  const unsigned int day, const unsigned int hour,
		  const unsigned int min, const unsigned int sec)
{
	/* March-based: January and February count with the year before */
	long year = year0 - (mon0 <= 2);
	unsigned int mp = mon0 > 2 ? mon0 - 3 : mon0 + 9;
	long era = (year >= 0 ? year : year - 399) / 400;
	unsigned int yoe = year - era * 400;
	unsigned int doy = (153 * mp + 2) / 5 + day - 1;
	unsigned int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	s64 days = (s64)era * DAYS_PER_ERA + doe - EPOCH_DAYS;

	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}
