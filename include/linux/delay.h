/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

/* Busy waits, timed by the TSC (kernel/time.c). They never sleep. */
void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);
void mdelay(unsigned long msecs);

/* Sleeping waits (sched/): the caller gives up the CPU. */
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void ssleep(unsigned int seconds);

#endif /* _LINUX_DELAY_H */
