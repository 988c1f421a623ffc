// SPDX-License-Identifier: GPL-2.0
/*
 * The GDTs, the task-state segments and the IDT.
 *
 * Every CPU has its own GDT: the same flat code and data, but its own
 * TSSs (a TSS descriptor is marked busy by ltr, so CPUs cannot share
 * one) and its own per-CPU data segment, whose base is that CPU's
 * __per_cpu_offset -- %fs:var then lands in the CPU's copy of var
 * (<linux/percpu.h>). The IDT is shared.
 *
 * The GDT is flat code and data for ring 0 and for ring 3 (user
 * processes), plus two TSSs: the one TR points at -- its sp0/ss0 are the
 * kernel stack the CPU switches to when an interrupt or int 0x80 arrives
 * in ring 3 (update_task_stack() sets sp0 at every context switch) --
 * and the double-fault TSS. Vector 8 is a *task gate*
 * to the latter: a kernel stack overflow faults, the CPU cannot push the
 * fault frame onto the overflowing stack, and escalates to a double
 * fault -- which then runs on a stack of its own and can say what
 * happened instead of the machine triple-faulting.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <kmaplab/traps.h>
#include <linux/percpu.h>
#include <linux/sched.h>

struct desc_struct {
	u16 limit0, base0;
	u8 base1, type_attr, limit1_flags, base2;
} __packed;

struct gate_struct {
	u16 offset_low, selector;
	u8 zero, type_attr;
	u16 offset_high;
} __packed;

static struct desc_struct gdt_table[NR_CPUS][GDT_ENTRIES] __aligned(8);
static struct gate_struct idt[256] __aligned(8);
struct x86_hw_tss cpu_tss[NR_CPUS] __aligned(128);
static struct x86_hw_tss doublefault_tss[NR_CPUS] __aligned(128);
static u8 doublefault_stack[NR_CPUS][PAGE_SIZE] __aligned(16);

static void set_desc(struct desc_struct *gdt, int n, u32 base, u32 limit,
		     u8 type_attr, u8 flags)
{
	gdt[n].limit0 = limit & 0xffff;
	gdt[n].base0 = base & 0xffff;
	gdt[n].base1 = (base >> 16) & 0xff;
	gdt[n].type_attr = type_attr;
	gdt[n].limit1_flags = ((limit >> 16) & 0x0f) | (flags << 4);
	gdt[n].base2 = base >> 24;
}

/* Load CPU cpu's GDT, segments and task register; called on that CPU. */
void gdt_init_cpu(unsigned int cpu)
{
	struct desc_struct *gdt = gdt_table[cpu];
	struct x86_hw_tss *tss = &cpu_tss[cpu], *df = &doublefault_tss[cpu];
	struct {
		u16 limit;
		u32 base;
	} __packed gdtr = { sizeof(gdt_table[0]) - 1, (u32)gdt };

	set_desc(gdt, GDT_ENTRY_KERNEL_CS, 0, 0xfffff, 0x9a, 0xc);
	set_desc(gdt, GDT_ENTRY_KERNEL_DS, 0, 0xfffff, 0x92, 0xc);
	/* Per-CPU segment: base = this CPU's per-CPU offset (0 on CPU 0). */
	set_desc(gdt, GDT_ENTRY_PERCPU, __per_cpu_offset[cpu], 0xfffff, 0x92, 0xc);
	set_desc(gdt, GDT_ENTRY_DEFAULT_USER_CS, 0, 0xfffff, 0xfa, 0xc);
	set_desc(gdt, GDT_ENTRY_DEFAULT_USER_DS, 0, 0xfffff, 0xf2, 0xc);
	set_desc(gdt, GDT_ENTRY_TSS, (u32)tss, sizeof(*tss) - 1, 0x89, 0);
	set_desc(gdt, GDT_ENTRY_DOUBLEFAULT_TSS, (u32)df, sizeof(*df) - 1, 0x89, 0);

	tss->io_bitmap_base = sizeof(*tss);	/* no I/O bitmap: in/out fault in ring 3 */
	tss->ss0 = __KERNEL_DS;		/* sp0: update_task_stack() at each switch */

	/* The double-fault task starts fresh each time in doublefault_task(). */
	df->cr3 = __pa(swapper_pdpt);
	df->ip = (u32)doublefault_task;
	df->flags = 0x2;			/* IF off */
	df->sp = (u32)doublefault_stack[cpu] + sizeof(doublefault_stack[cpu]);
	df->cs = __KERNEL_CS;
	df->ds = df->es = df->ss = df->gs = __KERNEL_DS;
	df->fs = __KERNEL_PERCPU;		/* so it knows which CPU it is on */
	df->io_bitmap_base = sizeof(*df);

	__asm__ __volatile__("lgdt %0\n\t"
			     "ljmp %1, $1f\n"
			     "1:\n\t"
			     "mov %2, %%ds\n\tmov %2, %%es\n\tmov %2, %%ss\n\t"
			     "mov %2, %%gs\n\tmov %3, %%fs\n\t"
			     "ltr %w4"
			     : : "m"(gdtr), "i"(__KERNEL_CS), "r"(__KERNEL_DS),
			       "r"(__KERNEL_PERCPU), "r"(__KERNEL_TSS) : "memory");
}

void gdt_init(void)
{
	gdt_init_cpu(0);
}

void idt_load(void)
{
	struct {
		u16 limit;
		u32 base;
	} __packed idtr = { sizeof(idt) - 1, (u32)idt };

	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}

void set_intr_gate(unsigned int vector, void *handler)
{
	u32 addr = (u32)handler;

	idt[vector].offset_low = addr & 0xffff;
	idt[vector].offset_high = addr >> 16;
	idt[vector].selector = __KERNEL_CS;
	idt[vector].zero = 0;
	idt[vector].type_attr = 0x8e;	/* present, ring 0, 32-bit interrupt gate */
}

/*
 * The kernel stack this CPU enters on from ring 3: the top of next's,
 * where its struct pt_regs will be built (task_pt_regs()). Called by the
 * context switch with IRQs off.
 */
void update_task_stack(struct task_struct *next)
{
	cpu_tss[raw_smp_processor_id()].sp0 = (u32)next->stack + next->stack_size;
}

/* int 0x80: an interrupt gate (IRQs off on entry, as Linux) of DPL 3. */
static void set_system_intr_gate(unsigned int vector, void *handler)
{
	set_intr_gate(vector, handler);
	idt[vector].type_attr = 0xee;	/* present, DPL 3, 32-bit interrupt gate */
}

static void set_task_gate(unsigned int vector, u16 tss_selector)
{
	idt[vector].offset_low = 0;
	idt[vector].offset_high = 0;
	idt[vector].selector = tss_selector;
	idt[vector].zero = 0;
	idt[vector].type_attr = 0x85;	/* present, ring 0, task gate */
}

void idt_init(void)
{
	unsigned int v;

	for (v = 0; v < NR_ISR_STUBS; v++)
		set_intr_gate(v, (void *)isr_stub_table[v]);
	set_intr_gate(IRQ_WORK_VECTOR, irq_work_interrupt);
	/* The local APIC's vectors (arch/x86/kernel/apic.c, kernel/smp.c). */
	set_intr_gate(LOCAL_TIMER_VECTOR, apic_timer_interrupt);
	set_intr_gate(CALL_FUNCTION_VECTOR, call_function_interrupt);
	set_intr_gate(RESCHEDULE_VECTOR, reschedule_interrupt);
	set_intr_gate(SPURIOUS_APIC_VECTOR, spurious_interrupt);
	set_system_intr_gate(IA32_SYSCALL_VECTOR, entry_INT80_32);
	set_task_gate(8, __DOUBLEFAULT_TSS);
	idt_load();
}
