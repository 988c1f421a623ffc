/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/math64.h>

/*
 * HZ: timer interrupts per second. Linux fixes it at build time; kmaplab
 * reads it from the command line (hz=, default 250), so HZ is a variable
 * here -- usable everywhere except in static initialisers.
 */
#define KMAPLAB_DEFAULT_HZ 250
#define KMAPLAB_HZ_MIN 100	/* Linux's lowest HZ (the PIT needs >= 19) */
#define KMAPLAB_HZ_MAX 1000	/* Linux's highest: a jiffy >= 1 ms */
extern unsigned int kmaplab_hz;
#define HZ kmaplab_hz

extern volatile unsigned long jiffies;
#define INITIAL_JIFFIES 0UL
#define MAX_JIFFY_OFFSET ((long)(~0UL >> 1) - 1)

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)

/*
 * As Linux's: a negative value, or one past MAX_JIFFY_OFFSET, means an
 * infinite timeout. Anything longer would wrap past time_after()'s range
 * and expire at once.
 */
static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	u64 j;

	if ((int)m < 0)
		return MAX_JIFFY_OFFSET;
	j = div_u64((u64)m * HZ + 999, 1000);
	return j > MAX_JIFFY_OFFSET ? MAX_JIFFY_OFFSET : (unsigned long)j;
}

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	u64 j = div_u64((u64)u * HZ + 999999, 1000000);

	return j > MAX_JIFFY_OFFSET ? MAX_JIFFY_OFFSET : (unsigned long)j;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)div_u64((u64)j * 1000, HZ);
}

u64 get_jiffies_64(void);

#endif /* _LINUX_JIFFIES_H */
