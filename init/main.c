// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the C entry, called by boot/head.asm on the boot stack
 * with paging (PAE) on and the kernel in the higher half. Bring up the
 * console first, so that everything after can be reported; then CPU
 * tables, the command line, memory, time, the scheduler; then the tests.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/ktime.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <asm/processor.h>
#include <asm/desc.h>
#include <kmaplab/console.h>
#include <kmaplab/multiboot.h>
#include <kmaplab/reboot.h>
#include <kmaplab/kunit.h>
#include <kmaplab/monitor.h>
#include <kmaplab/bench.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <asm/ptrace.h>
#include <linux/percpu.h>
#include <asm/apic.h>
#include <asm/i8259.h>
#include <kmaplab/smp.h>
#include <kmaplab/engine.h>
#include <kmaplab/params.h>
#include <linux/dmi.h>
#include <kmaplab/trace.h>
#include <kmaplab/highpte.h>

/*
 * PID 1 in user space (Linux's kernel_init()/run_init_process()): after
 * the self-tests, if there is an initramfs, the boot task -- pid 1
 * already -- execs /init (or rdinit=) with the console on fds 0-2 and
 * becomes the first process, the reaper of orphans. It runs on its own
 * stack's top, where its struct pt_regs goes: call_on_stack() leaves
 * start_kernel()'s frame behind first.
 */
static const char *ramdisk_execute_command = "/init";

static int __init rdinit_setup(char *str)
{
	ramdisk_execute_command = str;
	return 1;
}
__setup("rdinit=", rdinit_setup);

/*
 * As Linux: the words after " -- " on the command line are init's
 * arguments (argv[1..]); the parameter parser stops there.
 */
#define MAX_INIT_ARGS 8
static char init_args[256];

static void init_argv(const char **argv)
{
	const char *dash = strstr(boot_cmdline, " -- ");
	char *p = init_args;
	int n = 1;

	argv[0] = ramdisk_execute_command;
	if (dash)
		strscpy(init_args, dash + 4, sizeof(init_args));
	while (dash && *p && n < MAX_INIT_ARGS) {
		while (*p == ' ')
			*p++ = '\0';
		if (!*p)
			break;
		argv[n++] = p;
		while (*p && *p != ' ')
			p++;
	}
	argv[n] = NULL;
}

static __noreturn void kernel_init_user(void)
{
	const char *argv[MAX_INIT_ARGS + 1];
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	struct file *con;
	int fd, err;

	current->files = files_alloc();
	con = current->files ? filp_open("/dev/console", O_RDWR, 0) : ERR_PTR(-ENOMEM);
	if (IS_ERR(con))
		pr_warn("Warning: unable to open an initial console.\n");
	for (fd = 0; fd < 3 && !IS_ERR(con); fd++) {
		get_file(con);
		fd_install_new(con, fd, false);
	}
	if (!IS_ERR(con))
		fput(con);
	child_reaper = current;
	init_argv(argv);
	pr_info("Run %s as init process\n", ramdisk_execute_command);
	err = kernel_execve(ramdisk_execute_command, argv, envp);
	if (err)
		panic("Failed to execute %s (error %d). No working init found.",
		      ramdisk_execute_command, err);
	local_irq_disable();
	/* The TSS names a task's stack at a switch; this one never switched in. */
	update_task_stack(current);
	ret_to_user(task_pt_regs(current));
}

#ifndef KMAPLAB_VERSION
#define KMAPLAB_VERSION "0.1"
#endif

static void print_memory_map(void)
{
	const struct multiboot_mmap_entry *e = NULL;

	if (!(boot_mbi.flags & MULTIBOOT_INFO_MEM_MAP)) {
		pr_warn("BIOS-provided physical RAM map: none (loader gave no memory map)\n");
		return;
	}
	pr_info("BIOS-provided physical RAM map:\n");
	while ((e = mb_next_mmap(e)))
		pr_info("BIOS-e820: [mem 0x%016llx-0x%016llx] %s\n",
			e->addr, e->addr + e->len - 1, mb_mmap_type_name(e->type));
}

void start_kernel(u32 magic, u32 mbi_phys)
{
	int failed;

	percpu_save_template();	/* before any per-CPU variable changes */
	boot_magic = magic;
	serial_init();
	vga_init();
	pr_notice("kmaplab version " KMAPLAB_VERSION " (" __VERSION__ ") PAE, "
		  "PAGE_OFFSET %#lx\n", PAGE_OFFSET);
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		pr_warn("boot: not started by a multiboot loader (magic %08x); no memory map\n",
			magic);
	cpu_detect();
	gdt_init();
	idt_init();
	print_memory_map();
	pr_notice("Command line: %s\n", boot_cmdline);
	parse_kernel_params(boot_cmdline);
	mm_init();	/* after the command line: mem=, lowmem= */
	highpte_check();	/* may user page tables live above 4 GiB? */

	pic_init();
	time_init();
	local_irq_enable();
	tsc_calibrate();
	dmi_setup();
	engine_detect();	/* QEMU TCG, KVM, Bochs or bare metal */
	acpi_find_cpus();	/* the MADT: how many CPUs, their APIC IDs */
	lapic_map();
	lapic_setup(0);
	lapic_timer_calibrate();
	sched_init();		/* from here on this is the init task, pid 1 */
	lapic_timer_start();	/* CPU 0's tick */
	smp_init();		/* the other CPUs, each to its idle loop */
	trace_init();		/* the per-CPU trace buffers (trace_buf_size=) */
	console_tty_init();	/* /dev/console's input wakes its readers */
	populate_rootfs();	/* the ramfs root and the initramfs, if any */

	failed = kunit_run_all();
	bench_main();		/* only with `bench` on the command line */
	kunit_shutdown_after_tests(failed);
	monitor_main();		/* only with `monitor`; never returns then */
	if (initramfs_present)
		call_on_stack(task_pt_regs(current), kernel_init_user);
	pr_info("kmaplab: boot complete; init sleeps, the idle task runs\n");
	for (;;)
		schedule_timeout_interruptible(MAX_SCHEDULE_TIMEOUT);
}
