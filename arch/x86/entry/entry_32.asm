; SPDX-License-Identifier: GPL-2.0
;
; arch/x86/entry/entry_32.asm - interrupt and exception entry.
;
; Every vector has a tiny stub that pushes an error code (0 when the CPU
; did not push one) and the vector number, then jumps to common_entry,
; which saves the rest into a struct pt_regs (<asm/ptrace.h>) and calls
; do_interrupt(regs) in arch/x86/kernel/irq.c. From ring 0 the CPU pushes
; just EFLAGS, CS and EIP on the current stack. From ring 3 (a user
; process) it first switches to the kernel stack named by the TSS (sp0,
; the top of the task's stack) and pushes the user's SS and ESP too: the
; frame is then the whole struct pt_regs, at task_pt_regs(current).
; int 0x80, the system call, takes the same path (vector 0x80).
;
; The kernel's %fs is the per-CPU segment (current is %fs:current_task),
; so it is loaded on every entry: from ring 3 it holds the user's value.

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

; A named stub for a vector above the exceptions: label, vector.
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
	APIC_STUB entry_INT80_32, IA32_SYSCALL_VECTOR	; int 0x80 from ring 3

common_entry:
	push ds
	push es
	push fs
	push gs
	pusha
	mov ax, __KERNEL_DS
	mov ds, ax
	mov es, ax
	mov ax, __KERNEL_PERCPU
	mov fs, ax
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

restore_all:
	popa
	pop gs
	pop fs
	pop es
	pop ds
	add esp, PT_EIP - PT_VECTOR	; vector and error code
	iret

; void ret_to_user(struct pt_regs *regs): leave the kernel through the
; frame at regs (a new process's first entry into ring 3, built by
; execve or fork), exactly as an interrupt from ring 3 returns. IRQs must
; be off; iret restores the user's EFLAGS (IF on).
global ret_to_user
ret_to_user:
	mov esp, [esp + 4]
	jmp restore_all

; void call_on_stack(void *sp, void (*fn)(void)): run fn on the stack
; below sp, never to return (init/main.c: the boot task leaves its top
; of stack -- where start_kernel()'s frame is -- to the pt_regs of the
; user process it becomes).
global call_on_stack
call_on_stack:
	mov eax, [esp + 8]
	mov esp, [esp + 4]
	xor ebp, ebp			; the end of every backtrace
	call eax
	ud2

section .rodata
global isr_stub_table
isr_stub_table:				; stub address for vectors 0..47
%assign v 0
%rep NR_ISR_STUBS
	dd isr_stub_%+v
%assign v v + 1
%endrep
global irq_work_interrupt, apic_timer_interrupt, call_function_interrupt
global reschedule_interrupt, spurious_interrupt, entry_INT80_32
