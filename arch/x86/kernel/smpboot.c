// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing up the other CPUs (application processors, APs).
 *
 * CPU 0 finds them (arch/x86/kernel/acpi.c), gives each a per-CPU area
 * (arch/x86/kernel/setup_percpu.c), a run queue and an idle task (sched_init_cpu()),
 * then starts them one at a time: it copies boot/trampoline.asm to
 * TRAMPOLINE_PHYS (in the first MiB, which arch/x86/kernel/e820.c keeps out of every
 * allocator), says which CPU and which stack in smpboot_cpu/_stack, and
 * sends INIT-SIPI-SIPI. The AP climbs from real mode to PAE paging on
 * the kernel's own page tables and arrives in start_secondary() on its
 * idle task's stack. It loads its own GDT (so %fs is its per-CPU area),
 * sets up its local APIC, marks itself online and becomes the idle loop;
 * its LAPIC timer ticks, and the scheduler sends it work.
 *
 * cpu_up() is this same path, so a CPU taken down by cpu_down() comes
 * back through INIT-SIPI-SIPI exactly as at boot (kernel/cpu.c).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <kmaplab/smp.h>

#define TRAMPOLINE_PHYS 0x8000UL	/* the code, its GDT, the PDPT */
#define TRAMPOLINE_PD_PHYS 0x9000UL	/* identity PD: one 2 MiB page */
#define TRAMPOLINE_PDPT_OFF 0xf00	/* 32-byte aligned, in the first page */


/* Read by ap_startup_32: which CPU is starting, on which stack. */
unsigned long smpboot_stack;
unsigned int smpboot_cpu;

cpumask_t __cpu_possible_mask = { { 1UL } };
cpumask_t __cpu_active_mask = { { 1UL } };

unsigned int num_online_cpus(void)
{
	return cpumask_weight(cpu_online_mask);
}

static void field32(u8 *copy, const u8 *field, u32 val)
{
	memcpy(copy + (field - trampoline_start), &val, 4);
}

/* Write the trampoline and its two page-table pages into low memory. */
static void setup_trampoline(void)
{
	u8 *copy = __va(TRAMPOLINE_PHYS);
	u64 *pdpt = (u64 *)(copy + TRAMPOLINE_PDPT_OFF);
	u64 *pd = __va(TRAMPOLINE_PD_PHYS);
	size_t len = trampoline_end - trampoline_start;

	BUILD_BUG_ON(TRAMPOLINE_PHYS + TRAMPOLINE_PDPT_OFF + 32 > TRAMPOLINE_PD_PHYS);
	BUG_ON(len > TRAMPOLINE_PDPT_OFF);
	memcpy(copy, trampoline_start, len);
	field32(copy, tr_gdtr + 2, TRAMPOLINE_PHYS + tr_gdt_offset);
	field32(copy, tr_farjmp, TRAMPOLINE_PHYS + tr_pm_offset);
	field32(copy, tr_pdpt_phys, TRAMPOLINE_PHYS + TRAMPOLINE_PDPT_OFF);
	field32(copy, tr_entry, (u32)ap_startup_32);
	copy[tr_efer_nx - trampoline_start] = nx_enabled;

	memset(pd, 0, PAGE_SIZE);
	pd[0] = 0x0 | 0x1 | 0x2 | 0x80;		/* present, RW, 2 MiB page, executable */
	pdpt[0] = TRAMPOLINE_PD_PHYS | 0x1;
	pdpt[1] = pgd_val(swapper_pdpt[1]);
	pdpt[2] = pgd_val(swapper_pdpt[2]);
	pdpt[3] = pgd_val(swapper_pdpt[3]);	/* the kernel: same PD as everyone */
}

/* The first C code an AP runs, on its idle task's stack, IRQs off. */
void __noreturn start_secondary(unsigned int cpu)
{
	gdt_init_cpu(cpu);		/* %fs is this CPU's area from here on */
	idt_load();
	lapic_setup(cpu);
	set_cpu_online_active(cpu);
	lapic_timer_start();
	cpu_startup_entry();		/* the idle loop, for good */
}

int __cpu_up(unsigned int cpu)
{
	unsigned long timeout;
	int err;

	smpboot_prepare_idle(cpu);
	smpboot_cpu = cpu;
	smpboot_stack = (unsigned long)idle_task(cpu)->stack +
			idle_task(cpu)->stack_size;
	setup_trampoline();
	err = apic_wakeup_ap(cpu, TRAMPOLINE_PHYS);
	if (err)
		pr_warn("smpboot: APIC error %#x starting CPU %u\n", err, cpu);
	/* Up to a second for it to call in (it is quick: TCG takes ms). */
	timeout = jiffies + HZ;
	while (!cpu_online(cpu) && time_before(jiffies, timeout)) {
		if (scheduler_running)
			schedule_timeout_uninterruptible(1);
		else
			cpu_relax();
	}
	if (!cpu_online(cpu)) {
		pr_err("smpboot: CPU %u (APIC %u) did not come up\n", cpu,
		       cpu_to_apicid[cpu]);
		return -EIO;
	}
	return 0;
}

/* From start_kernel(), after sched_init(): find and start the others. */
void __init smp_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
	setup_per_cpu_areas();
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		smp_call_init_cpu(cpu);
	for (cpu = 1; cpu < nr_cpu_ids; cpu++) {
		sched_init_cpu(cpu);
		cpu_up(cpu);
	}
	pr_info("smp: brought up %u of %u CPUs\n", num_online_cpus(), nr_cpu_ids);
}
