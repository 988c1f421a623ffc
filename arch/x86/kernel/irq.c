// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt dispatch and the 8259 PICs.
 *
 * The PICs are wired to CPU 0 only (virtual-wire mode through its local
 * APIC's LINT0, arch/x86/kernel/apic.c); the local APIC's own vectors (timer,
 * IPIs) arrive on every CPU.
 *
 * arch/x86/entry/entry_32.asm calls do_interrupt() for every vector. Exceptions (0-31)
 * go to arch/x86/kernel/traps.c. The legacy PICs are remapped to vectors 0x20-0x2f
 * (their default overlaps the exceptions). A device IRQ runs its handler
 * between irq_enter() and irq_exit(), which count hard-IRQ nesting in
 * preempt_count; on the way out, if the interrupted code was preemptible
 * and a reschedule is due, the scheduler runs (irqentry_exit below).
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/highmem.h>
#include <asm/io.h>
#include <asm/desc.h>
#include <asm/i8259.h>
#include <asm/apic.h>
#include <kmaplab/traps.h>
#include <kmaplab/smp.h>
#include <kmaplab/highmem.h>
#include <kmaplab/interrupt.h>
#include <asm/trace/irq_vectors.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI 0x20
#define PIC_READ_ISR 0x0b

struct irq_action {
	irq_handler_t handler;
	void *dev_id;
	const char *name;
};

static struct irq_action irq_actions[NR_IRQS];
static u16 irq_mask = 0xffff & ~(1 << 2);	/* all off but the cascade */
unsigned long irq_stat_count[256];

static void pic_write_mask(void)
{
	outb(irq_mask & 0xff, PIC1_DATA);
	outb(irq_mask >> 8, PIC2_DATA);
}

void pic_init(void)
{
	/* ICW1..ICW4: edge triggered, cascaded, vector bases, 8086 mode. */
	outb(0x11, PIC1_CMD);
	outb(0x11, PIC2_CMD);
	outb(FIRST_EXTERNAL_VECTOR, PIC1_DATA);
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC2_DATA);
	outb(1 << 2, PIC1_DATA);	/* slave on IRQ2 */
	outb(2, PIC2_DATA);		/* slave's cascade identity */
	outb(0x01, PIC1_DATA);
	outb(0x01, PIC2_DATA);
	pic_write_mask();
}

void enable_irq(unsigned int irq)
{
	irq_mask &= ~(1 << irq);
	pic_write_mask();
}

void disable_irq(unsigned int irq)
{
	irq_mask |= 1 << irq;
	pic_write_mask();
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	if (irq >= NR_IRQS || !handler || irq_actions[irq].handler)
		return -22;	/* -EINVAL */
	irq_actions[irq] = (struct irq_action){ handler, dev_id, name };
	enable_irq(irq);
	return 0;
}

void free_irq(unsigned int irq, void *dev_id)
{
	if (irq >= NR_IRQS || irq_actions[irq].dev_id != dev_id)
		return;
	disable_irq(irq);
	irq_actions[irq].handler = NULL;
}

void irq_enter(void)
{
	__preempt_count_add(HARDIRQ_OFFSET);
}

void irq_exit(void)
{
	__preempt_count_sub(HARDIRQ_OFFSET);
}

/* IRQ 7 and 15 can be spurious: the PIC's in-service bit is then clear. */
static bool spurious_irq(unsigned int irq)
{
	u16 port = irq < 8 ? PIC1_CMD : PIC2_CMD;

	if (irq != 7 && irq != 15)
		return false;
	outb(PIC_READ_ISR, port);
	if (inb(port) & 0x80)
		return false;
	if (irq == 15)
		outb(PIC_EOI, PIC1_CMD);	/* the master did see the cascade */
	return true;
}

static void handle_device_irq(unsigned int irq)
{
	struct irq_action *act = &irq_actions[irq];

	if (spurious_irq(irq))
		return;
	if (act->handler)
		act->handler(irq, act->dev_id);
	if (irq >= 8)
		outb(PIC_EOI, PIC2_CMD);
	outb(PIC_EOI, PIC1_CMD);
}

/* Per CPU: two CPUs may each run something in their own hard IRQ. */
static DEFINE_PER_CPU(void (*)(void *), irq_work_fn);
static DEFINE_PER_CPU(void *, irq_work_arg);

void run_in_hardirq(void (*fn)(void *arg), void *arg)
{
	unsigned long flags;

	/* IRQs off: the request and the int must happen on one CPU. */
	local_irq_save(flags);
	this_cpu_write(irq_work_fn, fn);
	this_cpu_write(irq_work_arg, arg);
	/* A software interrupt through the same entry path as a device's. */
	__asm__ __volatile__("int $0xf0" : : : "memory");
	local_irq_restore(flags);
}

/* The LAPIC vectors: acknowledged first, as they cannot nest anyway. */
static void handle_apic_vector(unsigned long v)
{
	if (v == SPURIOUS_APIC_VECTOR)
		return;			/* no EOI for a spurious interrupt */
	apic_eoi();
	if (v == LOCAL_TIMER_VECTOR)
		scheduler_tick();
	else if (v == CALL_FUNCTION_VECTOR)
		generic_smp_call_function_interrupt();
	else if (v == RESCHEDULE_VECTOR)
		smp_reschedule_interrupt();
}

/*
 * On return from an interrupt: preempt if the interrupted context allows
 * it (preempt_count 0 and interrupts were on) and a reschedule is due.
 */
static void irqentry_exit(struct pt_regs *regs)
{
	if (!(regs->flags & X86_EFLAGS_IF) || preempt_count())
		return;
	if (need_resched())
		preempt_schedule_irq();
}

void do_interrupt(struct pt_regs *regs)
{
	unsigned long v = regs->vector;
	int kmap_depth;

	/* Locked: every CPU counts into the same array. */
	__asm__ __volatile__("lock; incl %0" : "+m"(irq_stat_count[v & 0xff]));
	if (v == IA32_SYSCALL_VECTOR && user_mode(regs)) {
		do_int80_syscall_32(regs);
		return;
	}
	if (v < FIRST_EXTERNAL_VECTOR) {
		do_trap(regs);
		if (user_mode(regs))
			exit_to_user_mode(regs);
		return;
	}
	kmap_depth = current->kmap_ctrl.idx;
	irq_enter();
	trace_irq_vector_entry(v);
	if (v < FIRST_EXTERNAL_VECTOR + NR_IRQS) {
		handle_device_irq(v - FIRST_EXTERNAL_VECTOR);
	} else if (v == IRQ_WORK_VECTOR) {
		void (*fn)(void *) = this_cpu_read(irq_work_fn);

		this_cpu_write(irq_work_fn, NULL);
		if (fn)
			fn(this_cpu_read(irq_work_arg));
	} else if (v >= LOCAL_TIMER_VECTOR) {
		handle_apic_vector(v);
	}
	/*
	 * A handler maps on top of the interrupted task's kmap_local stack
	 * and must leave it as it found it.
	 */
	if (unlikely(current->kmap_ctrl.idx != kmap_depth)) {
		this_cpu_inc(kmap_stats.irq_unbalanced);
		WARN_ONCE(1, "interrupt vector %lu returned holding %d kmap_local/"
			  "kmap_atomic mapping(s): unmap before returning", v,
			  (current->kmap_ctrl.idx - kmap_depth) / KM_INCR);
	}
	trace_irq_vector_exit(v);
	irq_exit();
	if (user_mode(regs))
		exit_to_user_mode(regs);	/* the timer preempts user code here */
	else
		irqentry_exit(regs);
}
