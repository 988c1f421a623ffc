/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_BUG_H
#define _KMAPLAB_BUG_H

#include <linux/bug.h>

/*
 * BUG() with a sentence that says which rule was broken, for a student
 * who reads the report (Linux's BUG() has only file and line).
 */
#define BUG_MSG(fmt, ...) __bug(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__)

/* Number of WARN()s so far; tests compare it before and after. */
extern unsigned long warn_count;

#endif /* _KMAPLAB_BUG_H */
