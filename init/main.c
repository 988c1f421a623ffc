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
#include <linux/percpu.h>
#include <asm/apic.h>
#include <asm/i8259.h>
#include <kmaplab/smp.h>
#include <kmaplab/engine.h>
#include <linux/dmi.h>
#include <kmaplab/trace.h>

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

	failed = kunit_run_all();
	bench_main();		/* only with `bench` on the command line */
	kunit_shutdown_after_tests(failed);
	monitor_main();		/* only with `monitor`; never returns then */
	pr_info("kmaplab: boot complete; init sleeps, the idle task runs\n");
	for (;;)
		schedule_timeout_interruptible(MAX_SCHEDULE_TIMEOUT);
}
