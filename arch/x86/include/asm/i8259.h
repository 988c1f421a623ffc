/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_I8259_H
#define _ASM_X86_I8259_H

/*
 * arch/x86/kernel/irq.c: remap the two 8259 PICs' IRQs 0-15 to vectors
 * FIRST_EXTERNAL_VECTOR.., all masked but the cascade (IRQ 2).
 */
void pic_init(void);

#endif /* _ASM_X86_I8259_H */
