/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <linux/types.h>
#include <linux/threads.h>

/*
 * The local APIC (arch/x86/kernel/apic.c): every CPU has one, at the same physical
 * address, and each CPU reaching that address talks to its own. kmaplab
 * uses it for the tick (its timer), for IPIs, and to start the other
 * CPUs. External interrupts stay on the 8259 PIC, wired to CPU 0's LINT0
 * (virtual-wire mode): the PIT and the serial port interrupt CPU 0 only.
 */
#define APIC_ID		0x20
#define APIC_EOI	0xb0
#define APIC_SPIV	0xf0
#define APIC_ESR	0x280
#define APIC_ICR	0x300
#define APIC_ICR2	0x310
#define APIC_LVTT	0x320
#define APIC_LVT0	0x350
#define APIC_LVT1	0x360
#define APIC_LVTERR	0x370
#define APIC_TMICT	0x380
#define APIC_TMCCT	0x390
#define APIC_TDCR	0x3e0

#define APIC_SPIV_ENABLE	(1U << 8)
#define APIC_LVT_MASKED		(1U << 16)
#define APIC_LVT_TIMER_PERIODIC	(1U << 17)
#define APIC_DM_NMI		0x00400
#define APIC_DM_INIT		0x00500
#define APIC_DM_STARTUP		0x00600
#define APIC_DM_EXTINT		0x00700
#define APIC_ICR_BUSY		(1U << 12)
#define APIC_INT_LEVELTRIG	(1U << 15)
#define APIC_INT_ASSERT		(1U << 14)
#define APIC_TDR_DIV_16		0x3

#define APIC_DEFAULT_PHYS_BASE 0xfee00000UL

extern unsigned long lapic_phys;	/* from the MADT */
extern u8 cpu_to_apicid[NR_CPUS];
extern bool lapic_timer_on;		/* the tick comes from the LAPIC timer */

u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 val);
static inline void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

void lapic_map(void);
void lapic_setup(unsigned int cpu);
void lapic_timer_calibrate(void);
void lapic_timer_start(void);
void lapic_timer_stop(void);
void apic_send_ipi(unsigned int cpu, unsigned int vector);
void apic_send_nmi(unsigned int cpu);
int apic_wakeup_ap(unsigned int cpu, unsigned long start_phys);

/* arch/x86/kernel/acpi.c: the MADT's CPUs into cpu_to_apicid[], nr_cpu_ids. */
void acpi_find_cpus(void);

#endif /* _ASM_APIC_H */
