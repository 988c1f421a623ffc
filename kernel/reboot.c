// SPDX-License-Identifier: GPL-2.0
/*
 * Ways out: halt, power off, restart, and leaving QEMU with an exit code
 * through its isa-debug-exit device (Bochs: the code on port 0xe9). Linux's kunit_shutdown= parameter
 * says what to do after the test run; without it the kernel stays up
 * (the interactive case).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include <asm/io.h>
#include <kmaplab/engine.h>
#include <kmaplab/reboot.h>
#include <kmaplab/params.h>

#define DEBUG_EXIT_PORT 0xf4

enum kunit_shutdown_mode kunit_shutdown = SHUTDOWN_NONE;

static int __init kunit_shutdown_setup(char *str)
{
	if (!strcmp(str, "poweroff"))
		kunit_shutdown = SHUTDOWN_POWEROFF;
	else if (!strcmp(str, "halt"))
		kunit_shutdown = SHUTDOWN_HALT;
	else if (!strcmp(str, "reboot"))
		kunit_shutdown = SHUTDOWN_REBOOT;
	else {
		setup_kept("kunit_shutdown=%s (poweroff, halt or reboot)",
			   kunit_shutdown == SHUTDOWN_POWEROFF ? "poweroff" :
			   kunit_shutdown == SHUTDOWN_HALT ? "halt" :
			   kunit_shutdown == SHUTDOWN_REBOOT ? "reboot" : "(none)");
		return 0;
	}
	return 1;
}
__setup("kunit_shutdown=", kunit_shutdown_setup);

void machine_halt(void)
{
	local_irq_disable();
	for (;;)
		__asm__ __volatile__("hlt");
}

void machine_power_off(void)
{
	/* QEMU's ACPI PM1a control: SLP_TYP=5 | SLP_EN (PIIX4 and ICH9). */
	outw(0x2000, 0x604);
	outw(0x2000, 0xb004);
	machine_halt();
}

void machine_restart(void)
{
	struct {
		u16 limit;
		u32 base;
	} __packed null_idt = { 0, 0 };

	outb(0xfe, 0x64);	/* keyboard controller: pulse the reset line */
	/* If that did not work: no IDT and a trap is a triple fault. */
	__asm__ __volatile__("lidt %0; int3" : : "m"(null_idt));
	machine_halt();
}

/* A line on the 0xe9 debug console, one byte per write. */
static void e9_puts(const char *s)
{
	while (*s)
		outb(*s++, 0xe9);
}

/*
 * QEMU exits at once with (code << 1) | 1 when the device is there; on a
 * machine without it the write goes nowhere and we power off instead.
 * Bochs has no such device, and ends with status 1 at every power-off:
 * there the code goes to port 0xe9 as a line, "KMAPLAB-EXIT 0x10", which
 * port_e9_hack copies to Bochs' stdout for the test runner
 * (scripts/test/bochs.py). Only if the port answers: a real PC's 0xe9 is
 * nobody's.
 */
void kmaplab_exit(int code)
{
	char line[32];

	if (e9_console_present()) {
		snprintf(line, sizeof(line), "\nKMAPLAB-EXIT %#04x\n", code);
		e9_puts(line);
	}
	outl(code, DEBUG_EXIT_PORT);
	machine_power_off();
}

void kunit_shutdown_after_tests(int failed_suites)
{
	int code = failed_suites ? KMAPLAB_EXIT_FAIL : KMAPLAB_EXIT_PASS;

	switch (kunit_shutdown) {
	case SHUTDOWN_NONE:
		return;
	case SHUTDOWN_POWEROFF:
		pr_info("kunit: %s, powering off\n",
			failed_suites ? "some tests failed" : "all tests passed");
		kmaplab_exit(code);
	case SHUTDOWN_HALT:
		machine_halt();
	case SHUTDOWN_REBOOT:
		machine_restart();
	}
}
