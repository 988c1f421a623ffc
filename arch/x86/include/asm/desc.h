/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <linux/types.h>
#include <linux/threads.h>

/* The 32-bit task-state segment; only what kmaplab uses is named. */
struct x86_hw_tss {
	u16 back_link, __blh;
	u32 sp0;
	u16 ss0, __ss0h;
	u32 sp1;
	u16 ss1, __ss1h;
	u32 sp2;
	u16 ss2, __ss2h;
	u32 cr3, ip, flags;
	u32 ax, cx, dx, bx, sp, bp, si, di;
	u16 es, __esh, cs, __csh, ss, __ssh, ds, __dsh;
	u16 fs, __fsh, gs, __gsh, ldt, __ldth;
	u16 trace, io_bitmap_base;
} __packed;

/* arch/x86/kernel/desc.c: each CPU's TSS (and its double-fault task's). */
extern struct x86_hw_tss cpu_tss[NR_CPUS];

#define FIRST_EXTERNAL_VECTOR 0x20
#define NR_IRQS 16
/* entry_32.asm's table of stubs: the exceptions, then the PIC's IRQs. */
#define NR_ISR_STUBS (FIRST_EXTERNAL_VECTOR + NR_IRQS)
#define IRQ_WORK_VECTOR 0xf0	/* self-interrupt used to run code in hard-IRQ context */
/* Local APIC vectors, high so they win over the PIC's (Linux's numbers). */
#define LOCAL_TIMER_VECTOR 0xec		/* this CPU's LAPIC timer: the tick */
#define CALL_FUNCTION_VECTOR 0xfb	/* smp_call_function*() */
#define RESCHEDULE_VECTOR 0xfd		/* smp_send_reschedule() */
#define SPURIOUS_APIC_VECTOR 0xff
#define IA32_SYSCALL_VECTOR 0x80	/* int 0x80: Linux's i386 system calls */

void gdt_init(void);
void gdt_init_cpu(unsigned int cpu);
void idt_init(void);
void idt_load(void);
void set_intr_gate(unsigned int vector, void *handler);
struct task_struct;
void update_task_stack(struct task_struct *next);

#endif /* _ASM_DESC_H */
