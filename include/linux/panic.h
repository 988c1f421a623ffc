/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>
#include <linux/types.h>

/*
 * panic(): print "Kernel panic - not syncing: <why>" and a backtrace,
 * then stop. With kunit_shutdown=poweroff or panic=N (N != 0) on the
 * command line QEMU is made to exit with code 37 (isa-debug-exit 0x12)
 * so a test run ends at once; otherwise the machine halts and the
 * message stays on the screen (panic=0, Linux's default).
 */
__noreturn __cold __printf(1, 2) void panic(const char *fmt, ...);
extern int panic_timeout;
/* True once some CPU has panicked (the others are being stopped). */
bool panic_in_progress(void);

#endif /* _LINUX_PANIC_H */
