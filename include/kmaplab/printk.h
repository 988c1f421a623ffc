/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_PRINTK_H
#define _KMAPLAB_PRINTK_H

#include <linux/types.h>

/*
 * printk capture (kernel/printk.c), for tests that check a diagnostic
 * was printed: while a capture is active, every console line is also
 * appended to buf. The capture is bracketed on the console, so that
 * scripts/test/ktap.py does not count a WARNING or BUG printed inside
 * it as a failure of the run.
 */
struct printk_capture {
	char *buf;
	size_t size;
	size_t len;
	struct printk_capture *prev;
};
void printk_capture_start(struct printk_capture *cap, char *buf, size_t size);
void printk_capture_stop(struct printk_capture *cap);

#endif /* _KMAPLAB_PRINTK_H */
