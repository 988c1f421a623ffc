; SPDX-License-Identifier: GPL-2.0
;
; sched/switch.asm - the context switch, and where a new task starts.
;
; A task that is switched out is always inside __switch_to_asm, called
; from the scheduler: its caller-saved registers were already saved by
; that call (C calling convention), so only the callee-saved ones and the
; return address remain, and both are pushed on the task's own stack. The
; one word kept in the task_struct is the stack pointer (thread.sp).

; TASK_THREAD_SP = offsetof(struct task_struct, thread.sp)
%include "generated/asm-offsets.inc"

section .text
global __switch_to_asm, ret_from_fork
extern schedule_tail

; struct task_struct *__switch_to_asm(struct task_struct *prev,
;				      struct task_struct *next)
; Called with IRQs off and the run-queue lock held. Returns on next's
; stack, in whatever call to __switch_to_asm next was switched out by (or
; in ret_from_fork for a new task), with EAX = prev: "last".
__switch_to_asm:
	mov eax, [esp + 4]		; prev
	mov edx, [esp + 8]		; next
	push ebp			; prev's callee-saved registers ...
	push ebx
	push esi
	push edi
	mov [eax + TASK_THREAD_SP], esp	; ... and where to find them again
	mov esp, [edx + TASK_THREAD_SP]	; now on next's stack
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret				; to next's saved return address

; A new task's stack is built by sched/fork.c so that the pops above load
; EBX = fn, ESI = arg, EBP = 0 (ends every backtrace) and the ret lands
; here. It finishes the switch that brought it here, then runs fn(arg),
; which never returns (kthreads end in do_exit()).
ret_from_fork:
	push eax			; last
	call schedule_tail
	add esp, 4
	push esi
	call ebx
	ud2				; fn returned: impossible by contract
