// SPDX-License-Identifier: GPL-2.0
/*
 * panic(), BUG(), WARN() and the oops bookkeeping, with Linux's report
 * shapes so that what a student sees here is what a kernel log shows:
 *
 *   ------------[ cut here ]------------
 *   WARNING: CPU: 0 PID: 1 at mm/highmem.c:123 kunmap_local_indexed+0x..
 *   Call Trace:
 *    [<c0101234>] foo+0x12/0x40
 *   ---[ end trace 0000000000000000 ]---
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/init.h>
#include <linux/uaccess.h>
#include <linux/irqflags.h>
#include <linux/smp.h>
#include <asm/cmpxchg.h>
#include <kmaplab/traps.h>
#include <kmaplab/reboot.h>
#include <kmaplab/params.h>
#include <kmaplab/bug.h>

unsigned long warn_count;
unsigned long oops_count;
int oops_in_progress;
int panic_timeout;
/* The CPU that panicked first, or -1: only one CPU gets to report. */
static int panic_cpu = -1;

bool panic_in_progress(void)
{
	return READ_ONCE(panic_cpu) != -1;
}

static int __init panic_setup(char *str)
{
	if (kstrtoint(str, 0, &panic_timeout)) {
		setup_kept("panic=%d", panic_timeout);
		return 0;
	}
	return 1;
}
__setup("panic=", panic_setup);

/* Walk the frame-pointer chain: [ebp] = caller's ebp, [ebp+4] = return. */
void show_stack_from(unsigned long bp, unsigned long ip)
{
	int depth = 0;

	printk(KERN_EMERG "Call Trace:\n");
	if (ip)
		printk(KERN_EMERG " [<%08lx>] %pS\n", ip, (void *)ip);
	while (bp && depth++ < 32) {
		unsigned long frame[2];

		/* A corrupt chain must not fault inside the report. */
		if (copy_from_kernel_nofault(frame, (void *)bp, sizeof(frame)))
			break;
		if (!frame[1])
			break;
		printk(KERN_EMERG " [<%08lx>] %pS\n", frame[1], (void *)frame[1]);
		if (frame[0] <= bp)	/* stacks grow down: callers are higher */
			break;
		bp = frame[0];
	}
}

void dump_stack(void)
{
	unsigned long bp;

	__asm__ __volatile__("mov %%ebp, %0" : "=r"(bp));
	show_stack_from(bp, 0);
}

void oops_begin(void)
{
	oops_in_progress++;
	oops_count++;
}

void oops_end(const char *what)
{
	/* A KUnit case may absorb it; that does not return. */
	if (oops_in_progress == 1 && !panic_in_progress()) {
		oops_in_progress--;
		kunit_handle_oops(what);
		oops_in_progress++;
	}
	panic("Fatal exception: %s", what);
}

void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list ap;

	local_irq_disable();
	/* A second panic, here or on another CPU: just stop. */
	if (cmpxchg(&panic_cpu, -1, (int)smp_processor_id()) != -1)
		machine_halt();
	/* The others stop now, so they neither run on nor print into this. */
	smp_send_stop();
	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (kunit_shutdown != SHUTDOWN_NONE || panic_timeout != 0)
		kmaplab_exit(KMAPLAB_EXIT_PANIC);
	machine_halt();
}

static void print_location(const char *kind, const char *file, int line,
			   const char *func)
{
	struct task_struct *tsk = current;

	printk(KERN_WARNING "%s: CPU: %d PID: %d at %s:%d %s (comm: %s)\n",
	       kind, smp_processor_id(), tsk->pid, file, line, func, tsk->comm);
}

void __warn(const char *file, int line, const char *func, const char *fmt, ...)
{
	static char msg[256];
	va_list ap;

	warn_count++;
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	print_location("WARNING", file, line, func);
	if (fmt) {
		va_start(ap, fmt);
		vscnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		printk(KERN_WARNING "%s\n", msg);
	}
	dump_stack();
	printk(KERN_WARNING "---[ end trace %016llx ]---\n", 0ULL);
}

void __bug(const char *file, int line, const char *func, const char *fmt, ...)
{
	static char msg[256];
	va_list ap;

	oops_begin();
	printk(KERN_EMERG "------------[ cut here ]------------\n");
	printk(KERN_EMERG "kernel BUG at %s:%d!\n", file, line);
	if (fmt) {
		va_start(ap, fmt);
		vscnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		printk(KERN_EMERG "BUG: %s\n", msg);
	}
	print_location("BUG", file, line, func);
	printk(KERN_EMERG "Oops: invalid opcode: 0000 [#%lu] PREEMPT\n", oops_count);
	dump_stack();
	oops_end("kernel BUG");
}
