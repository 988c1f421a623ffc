/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_REBOOT_H
#define _KMAPLAB_REBOOT_H

#include <linux/compiler.h>

/*
 * Exit codes written to QEMU's isa-debug-exit device (iobase 0xf4).
 * QEMU then exits with (code << 1) | 1: 33, 35, 37. An exit status of 0
 * from QEMU therefore means the device was never written.
 */
#define KMAPLAB_EXIT_PASS 0x10
#define KMAPLAB_EXIT_FAIL 0x11
#define KMAPLAB_EXIT_PANIC 0x12

enum kunit_shutdown_mode { SHUTDOWN_NONE, SHUTDOWN_POWEROFF, SHUTDOWN_HALT,
			   SHUTDOWN_REBOOT };
extern enum kunit_shutdown_mode kunit_shutdown;

__noreturn void machine_halt(void);
__noreturn void machine_power_off(void);
__noreturn void machine_restart(void);
/* Leave QEMU with the given code, or power off / halt without the device. */
__noreturn void kmaplab_exit(int code);
/* After the test run: obey kunit_shutdown= (returns if it is unset). */
void kunit_shutdown_after_tests(int failed_suites);

#endif /* _KMAPLAB_REBOOT_H */
