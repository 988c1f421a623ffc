// SPDX-License-Identifier: GPL-2.0
/*
 * Rewriting static branches (<linux/jump_label.h>): each is a 5-byte
 * nop or a 5-byte `jmp rel32`, swapped whole.
 *
 * Two problems, solved more simply than Linux does:
 *  - The kernel text is mapped read-only. Linux writes through a
 *    temporary mm (text_poke()); here the writing CPU clears CR0.WP for
 *    the few stores, with interrupts off, which lets ring 0 write a
 *    read-only page. Only that CPU, only then.
 *  - Another CPU may be executing, or about to execute, the very bytes
 *    being rewritten: Intel's rule for cross-modifying code is that it
 *    must not, and must serialise before it runs the new bytes. Linux
 *    uses int3 breakpoints (text_poke_bp()); here every other CPU is
 *    parked in an IPI handler with interrupts off while the bytes change
 *    (a rendezvous, as Linux's stop_machine()), and leaves through a
 *    serialising cpuid. A parked CPU is at an instruction boundary
 *    outside the patched bytes, so it resumes on a whole old or whole
 *    new instruction. CPU hotplug is held off meanwhile, so the set of
 *    CPUs that must check in holds still.
 * Slow (an IPI round trip per change), and meant to be: keys change when
 * someone turns tracing on or off, not on a hot path.
 */
#include <linux/kernel.h>
#include <linux/jump_label.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/cpu.h>
#include <linux/sched.h>
#include <linux/atomic.h>
#include <asm/processor.h>
#include <kmaplab/bug.h>

#define JUMP_QUEUE 16

static const u8 nop5[JUMP_LABEL_NOP_SIZE] = { 0x0f, 0x1f, 0x44, 0x00, 0x00 };

static struct {
	u8 *code;
	u8 insn[JUMP_LABEL_NOP_SIZE];
} queue[JUMP_QUEUE];
static unsigned int queued;

struct poke_rendezvous {
	unsigned int cpu;		/* the one that writes */
	unsigned int others;		/* how many must check in */
	atomic_t arrived, left;
	int done;
};

static void jmp5(u8 *insn, const struct jump_entry *e)
{
	s32 rel = (s32)(e->target - (e->code + JUMP_LABEL_NOP_SIZE));

	insn[0] = 0xe9;
	memcpy(insn + 1, &rel, sizeof(rel));
}

static void sync_core(void)
{
	u32 a, b, c, d;

	cpuid(0, &a, &b, &c, &d);
}

/* Interrupts off: the stores to read-only text, then serialise. */
static void poke_queue(void)
{
	unsigned long cr0 = read_cr0();
	unsigned int i;

	write_cr0(cr0 & ~X86_CR0_WP);
	for (i = 0; i < queued; i++)
		memcpy(queue[i].code, queue[i].insn, JUMP_LABEL_NOP_SIZE);
	write_cr0(cr0);
	sync_core();
}

/* Every online CPU runs this with interrupts off; one of them writes. */
static void poke_rendezvous(void *arg)
{
	struct poke_rendezvous *r = arg;

	if (smp_processor_id() != r->cpu) {
		atomic_inc(&r->arrived);
		while (!READ_ONCE(r->done))
			cpu_relax();
		sync_core();
		atomic_inc(&r->left);
		return;
	}
	while (atomic_read(&r->arrived) != r->others)
		cpu_relax();
	poke_queue();
	WRITE_ONCE(r->done, 1);
	while (atomic_read(&r->left) != r->others)	/* r is on our stack */
		cpu_relax();
}

void arch_jump_label_transform_apply(void)
{
	struct poke_rendezvous r = { };
	unsigned long flags;

	if (!queued)
		return;
	if (!scheduler_running) {	/* early boot: this CPU alone */
		local_irq_save(flags);
		poke_queue();
		local_irq_restore(flags);
	} else {
		cpu_hotplug_disable();
		preempt_disable();
		r.cpu = smp_processor_id();
		r.others = num_online_cpus() - 1;
		on_each_cpu(poke_rendezvous, &r, 0);
		preempt_enable();
		cpu_hotplug_enable();
	}
	queued = 0;
}

void arch_jump_label_transform(const struct jump_entry *e, bool on)
{
	u8 *code = (u8 *)(unsigned long)e->code;
	u8 old[JUMP_LABEL_NOP_SIZE], *new;

	if (queued == JUMP_QUEUE)
		arch_jump_label_transform_apply();
	new = queue[queued].insn;
	if (on) {
		memcpy(old, nop5, sizeof(old));
		jmp5(new, e);
	} else {
		jmp5(old, e);
		memcpy(new, nop5, sizeof(nop5));
	}
	/* What is there must be what the key's state says: else a bad table. */
	if (memcmp(code, old, sizeof(old)))
		BUG_MSG("static key %08x: the branch at %pS is neither a nop nor "
			"its jmp (%5ph): __jump_table does not match the text",
			e->key, code, code);
	queue[queued].code = code;
	queued++;
}
