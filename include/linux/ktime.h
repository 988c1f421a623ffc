/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/types.h>

#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define USEC_PER_SEC 1000000L
#define MSEC_PER_SEC 1000L

/* Nanoseconds since boot from the TSC, calibrated against the PIT. */
u64 ktime_get_ns(void);
static inline ktime_t ktime_get(void)
{
	return (ktime_t)ktime_get_ns();
}
static inline s64 ktime_to_ns(ktime_t kt)
{
	return kt;
}
static inline ktime_t ktime_sub(ktime_t a, ktime_t b)
{
	return a - b;
}
/* The printk clock: ktime_get_ns() once calibrated, jiffies before. */
u64 local_clock(void);

/* TSC frequency in kHz, from calibration (0 before it). */
extern unsigned long tsc_khz;

void time_init(void);		/* PIT at HZ, jiffies */
void tsc_calibrate(void);	/* needs interrupts on */

#endif /* _LINUX_KTIME_H */
