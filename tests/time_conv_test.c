// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/timeconv.c: time64_to_tm() checked day by day against a
 * calendar kept by hand over 1170..2770 (as Linux's time_test.c does
 * over 160,000 years, too long for an emulator), plus weekdays, time
 * zones, far dates, and mktime64() as its inverse.
 */
#include <kunit/test.h>
#include <linux/time.h>

static bool leap(long year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

static int month_days(long year, int month)	/* month 1-12 */
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return len[month - 1] + (month == 2 && leap(year));
}

static void time_conv_day_walk(struct kunit *test)
{
	const s64 span = 800LL * 146097 / 400;	/* days in 800 years */
	long year = 1970 - 800;
	int month = 1, mday = 1, yday = 0, wday = 4;	/* 1170-01-01, a Thursday */
	struct tm tm;
	s64 d;

	for (d = -span; d <= span; d++) {
		time64_to_tm(d * 86400 + 43210, 0, &tm);
		if (tm.tm_year != year - 1900 || tm.tm_mon != month - 1 ||
		    tm.tm_mday != mday || tm.tm_yday != yday || tm.tm_wday != wday) {
			KUNIT_FAIL(test, "day %lld: got %ld-%d-%d yday %d wday %d, want %ld-%d-%d yday %d wday %d",
				   d, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
				   tm.tm_yday, tm.tm_wday, year, month, mday, yday, wday);
			return;
		}
		KUNIT_ASSERT_EQ(test, mktime64(year, month, mday, 12, 0, 10),
				d * 86400 + 43210);
		wday = (wday + 1) % 7;
		yday++;
		if (++mday > month_days(year, month)) {
			mday = 1;
			if (++month > 12) {
				month = 1;
				yday = 0;
				year++;
			}
		}
	}
}

static void time_conv_fields(struct kunit *test)
{
	struct tm tm;

	time64_to_tm(0, 0, &tm);			/* the epoch */
	KUNIT_EXPECT_EQ(test, tm.tm_year, 70L);
	KUNIT_EXPECT_EQ(test, tm.tm_wday, 4);
	time64_to_tm(-1, 0, &tm);			/* 1969-12-31 23:59:59 */
	KUNIT_EXPECT_EQ(test, tm.tm_year, 69L);
	KUNIT_EXPECT_EQ(test, tm.tm_mon, 11);
	KUNIT_EXPECT_EQ(test, tm.tm_mday, 31);
	KUNIT_EXPECT_EQ(test, tm.tm_hour, 23);
	KUNIT_EXPECT_EQ(test, tm.tm_min, 59);
	KUNIT_EXPECT_EQ(test, tm.tm_sec, 59);
	KUNIT_EXPECT_EQ(test, tm.tm_yday, 364);
	time64_to_tm(951825600, 0, &tm);		/* 2000-02-29 12:00 */
	KUNIT_EXPECT_EQ(test, tm.tm_mon, 1);
	KUNIT_EXPECT_EQ(test, tm.tm_mday, 29);
	KUNIT_EXPECT_EQ(test, tm.tm_hour, 12);
	time64_to_tm(0x80000000LL, 0, &tm);		/* past 2038-01-19 03:14:07 */
	KUNIT_EXPECT_EQ(test, tm.tm_year, 138L);
	KUNIT_EXPECT_EQ(test, tm.tm_hour, 3);
	KUNIT_EXPECT_EQ(test, tm.tm_min, 14);
	KUNIT_EXPECT_EQ(test, tm.tm_sec, 8);
	/* an offset may change the day, both ways */
	time64_to_tm(0, -3600, &tm);
	KUNIT_EXPECT_EQ(test, tm.tm_mday, 31);
	KUNIT_EXPECT_EQ(test, tm.tm_hour, 23);
	time64_to_tm(-1, 7200, &tm);
	KUNIT_EXPECT_EQ(test, tm.tm_year, 70L);
	KUNIT_EXPECT_EQ(test, tm.tm_hour, 1);
	/* far: year 100000 round-trips through mktime64() */
	time64_to_tm(mktime64(100000, 3, 1, 0, 0, 0), 0, &tm);
	KUNIT_EXPECT_EQ(test, tm.tm_year, 100000L - 1900);
	KUNIT_EXPECT_EQ(test, tm.tm_mon, 2);
	KUNIT_EXPECT_EQ(test, tm.tm_mday, 1);
	KUNIT_EXPECT_EQ(test, mktime64(1970, 1, 1, 24, 0, 0), 86400LL);	/* 24:00 is tomorrow */
}

static struct kunit_case time_conv_cases[] = {
	KUNIT_CASE(time_conv_day_walk),
	KUNIT_CASE(time_conv_fields),
	{}
};

static struct kunit_suite time_conv_suite = {
	.name = "time_conv",
	.test_cases = time_conv_cases,
};
kunit_test_suite(time_conv_suite);
