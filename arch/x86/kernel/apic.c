// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC: its registers, its timer (the scheduler tick on every
 * CPU), inter-processor interrupts, and the INIT-SIPI-SIPI dance that
 * starts another CPU.
 *
 * Every CPU sees its own APIC at the same physical address, so one
 * fixmap slot (uncached) serves them all. External interrupts are left
 * to the 8259 PIC: CPU 0's LINT0 is programmed as ExtINT ("virtual
 * wire"), every other CPU's LINT0 is masked, so the PIT and the UART
 * interrupt CPU 0 only -- the PIT keeps jiffies there, and each CPU's
 * LAPIC timer preempts that CPU's tasks.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/fixmap.h>
#include <asm/processor.h>
#include <kmaplab/params.h>

#define MSR_IA32_APICBASE 0x1b
#define MSR_IA32_APICBASE_ENABLE (1ULL << 11)

unsigned long lapic_phys = APIC_DEFAULT_PHYS_BASE;
u8 cpu_to_apicid[NR_CPUS];
bool lapic_timer_on;
static u32 lapic_ticks_per_jiffy;
static bool lapic_mapped;

static bool lapic_timer_param = true;
static int __init lapic_timer_setup(char *str)
{
	if (kstrtobool(str, &lapic_timer_param)) {
		setup_kept("lapic_timer=%d", lapic_timer_param);
		return 0;
	}
	return 1;
}
__setup("lapic_timer=", lapic_timer_setup);

static volatile u32 *apic_reg(u32 reg)
{
	return (volatile u32 *)(fix_to_virt(FIX_APIC_BASE) + reg);
}

u32 apic_read(u32 reg)
{
	return *apic_reg(reg);
}

void apic_write(u32 reg, u32 val)
{
	*apic_reg(reg) = val;
}

void __init lapic_map(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);

	if (!(base & MSR_IA32_APICBASE_ENABLE))
		wrmsr(MSR_IA32_APICBASE, base | MSR_IA32_APICBASE_ENABLE);
	__set_fixmap(FIX_APIC_BASE, lapic_phys, PAGE_KERNEL_NOCACHE);
	lapic_mapped = true;
}

/* Software-enable this CPU's APIC and route its local interrupt lines. */
void lapic_setup(unsigned int cpu)
{
	apic_write(APIC_SPIV, APIC_SPIV_ENABLE | SPURIOUS_APIC_VECTOR);
	apic_write(0x80, 0);				/* TPR: accept every vector */
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_LVT0, cpu == 0 ? APIC_DM_EXTINT : APIC_LVT_MASKED);
	apic_write(APIC_LVT1, cpu == 0 ? APIC_DM_NMI : APIC_LVT_MASKED);
	apic_write(APIC_LVTERR, APIC_LVT_MASKED);
	apic_write(APIC_ESR, 0);
	apic_eoi();					/* anything left over */
}

/*
 * Count the APIC timer against the PIT's jiffies over a few ticks (on
 * CPU 0, IRQs on). Every APIC timer runs at the same rate, so the other
 * CPUs reuse the figure.
 */
void __init lapic_timer_calibrate(void)
{
	unsigned long start, ticks = max(2U, HZ / 25);
	u32 left;

	if (!lapic_mapped || !lapic_timer_param) {
		pr_info("apic: the PIT drives the tick (lapic_timer=0)\n");
		return;
	}
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	start = jiffies;
	while (jiffies == start)
		cpu_relax();
	apic_write(APIC_TMICT, 0xffffffff);
	start = jiffies;
	while (jiffies - start < ticks)
		cpu_relax();
	left = apic_read(APIC_TMCCT);
	apic_write(APIC_TMICT, 0);
	lapic_ticks_per_jiffy = (0xffffffff - left) / ticks;
	if (lapic_ticks_per_jiffy < 16) {
		pr_warn("apic: timer did not count (%u per tick): the PIT drives the tick\n",
			lapic_ticks_per_jiffy);
		return;
	}
	lapic_timer_on = true;
	pr_info("apic: LAPIC timer %u counts per tick (divide by 16), the tick on every CPU\n",
		lapic_ticks_per_jiffy);
}

void lapic_timer_start(void)
{
	if (!lapic_timer_on)
		return;
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, lapic_ticks_per_jiffy);
}

void lapic_timer_stop(void)
{
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0);
}

static void apic_wait_icr_idle(void)
{
	while (apic_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
}

/* ICR2 then ICR, with IRQs off: an IPI sent from an interrupt in between
 * would change ICR2 under us. */
static void apic_icr_write(u32 low, u32 apicid)
{
	unsigned long flags;

	local_irq_save(flags);
	apic_wait_icr_idle();
	apic_write(APIC_ICR2, (u32)apicid << 24);
	apic_write(APIC_ICR, low);
	local_irq_restore(flags);
}

void apic_send_ipi(unsigned int cpu, unsigned int vector)
{
	apic_icr_write(APIC_INT_ASSERT | vector, cpu_to_apicid[cpu]);
}

/* An NMI gets through even to a CPU spinning with interrupts off. */
void apic_send_nmi(unsigned int cpu)
{
	apic_icr_write(APIC_INT_ASSERT | APIC_DM_NMI, cpu_to_apicid[cpu]);
}

/*
 * Intel's MP start-up: INIT (the AP resets and waits), then STARTUP
 * twice; the AP starts in real mode at start_phys (page aligned, below
 * 1 MiB: the vector is its page number).
 */
int apic_wakeup_ap(unsigned int cpu, unsigned long start_phys)
{
	u32 id = cpu_to_apicid[cpu];
	int i;

	apic_write(APIC_ESR, 0);
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, id);
	apic_wait_icr_idle();
	mdelay(10);
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_DM_INIT, id);	/* deassert */
	apic_wait_icr_idle();
	for (i = 0; i < 2; i++) {
		apic_icr_write(APIC_DM_STARTUP | (start_phys >> 12), id);
		udelay(200);
		apic_wait_icr_idle();
	}
	apic_write(APIC_ESR, 0);
	return apic_read(APIC_ESR) & 0xef;
}
