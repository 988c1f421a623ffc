/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_KUNIT_H
#define _KMAPLAB_KUNIT_H

/*
 * The boot-time side of KUnit (lib/kunit/executor.c): run every
 * registered suite that kunit.filter_glob= selects, printing KTAP v1.
 * Returns the number of failed suites (0 when all passed or skipped).
 */
int kunit_run_all(void);

/* kunit.enable=0 turns the run off (Linux's parameter). */
extern bool kunit_enable;

/* kernel/time.c, for tests: called from every timer tick when non-NULL. */
extern void (*timer_tick_hook)(void);

#endif /* _KMAPLAB_KUNIT_H */
