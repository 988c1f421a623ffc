; SPDX-License-Identifier: GPL-2.0
;
; arch/x86/entry/entry_32.asm - interrupt and exception entry.
;
; Every vector has a tiny stub that pushes an error code (0 when the CPU
; did not push one) and the vector number, then jumps to common_entry,
; which saves the rest into a struct pt_regs (<asm/ptrace.h>) and calls
; do_interrupt(regs) in arch/x86/kernel/irq.c. The kernel runs only in ring 0, so
; the CPU pushes just EFLAGS, CS and EIP and the stack never changes.

%include "generated/asm-offsets.inc"

extern do_interrupt

%macro STUB_NOERR 1
isr_stub_%1:
	push 0
	push %1
	jmp common_entry
%endmacro

%macro STUB_ERR 1
isr_stub_%1:
	push %1
	jmp common_entry
%endmacro

; A named stub for a local APIC vector: label, vector.
%macro APIC_STUB 2
%1:
	push 0
	push %2
	jmp common_entry
%endmacro

section .text
; Exceptions that push an error code: 8, 10-14, 17, 21, 29, 30.
%assign v 0
%rep NR_ISR_STUBS
%if v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30
	STUB_ERR v
%else
	STUB_NOERR v
%endif
%assign v v + 1
%endrep
	APIC_STUB irq_work_interrupt, IRQ_WORK_VECTOR	; self-sent
	APIC_STUB apic_timer_interrupt, LOCAL_TIMER_VECTOR
	APIC_STUB call_function_interrupt, CALL_FUNCTION_VECTOR
	APIC_STUB reschedule_interrupt, RESCHEDULE_VECTOR
	APIC_STUB spurious_interrupt, SPURIOUS_APIC_VECTOR

common_entry:
	push ds
	push es
	push fs
	push gs
	pusha
	mov ax, __KERNEL_DS
	mov ds, ax
	mov es, ax
	mov eax, esp			; struct pt_regs *

	; A frame record (saved EBP, return address = interrupted EIP), so a
	; backtrace taken inside the handler walks on into the code that was
	; interrupted.
	push dword [eax + PT_EIP]	; regs->ip
	push ebp
	mov ebp, esp
	push eax
	call do_interrupt
	add esp, 12

	popa
	pop gs
	pop fs
	pop es
	pop ds
	add esp, PT_EIP - PT_VECTOR	; vector and error code
	iret

section .rodata
global isr_stub_table
isr_stub_table:				; stub address for vectors 0..47
%assign v 0
%rep NR_ISR_STUBS
	dd isr_stub_%+v
%assign v v + 1
%endrep
global irq_work_interrupt, apic_timer_interrupt, call_function_interrupt
global reschedule_interrupt, spurious_interrupt
