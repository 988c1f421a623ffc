/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#define X86_EFLAGS_IF 0x200

static inline unsigned long native_save_fl(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfl; popl %0" : "=rm"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = native_save_fl();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_local_irq_enable();
}

static inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

#endif /* _ASM_IRQFLAGS_H */
