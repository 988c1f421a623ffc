; SPDX-License-Identifier: GPL-2.0
;
; kl_setjmp / kl_longjmp (<asm/setjmp.h>): save and restore callee-saved
; registers, the stack pointer and the return address. KUnit uses them to
; leave a test case early. The JB_* offsets of struct jmp_buf come from
; arch/x86/kernel/asm-offsets.c.

%include "generated/asm-offsets.inc"

section .text
global kl_setjmp, kl_longjmp

kl_setjmp:
	mov eax, [esp + 4]		; struct jmp_buf *
	mov [eax + JB_BX], ebx
	mov [eax + JB_SI], esi
	mov [eax + JB_DI], edi
	mov [eax + JB_BP], ebp
	lea ecx, [esp + 4]		; the caller's esp after our return
	mov [eax + JB_SP], ecx
	mov ecx, [esp]			; return address
	mov [eax + JB_IP], ecx
	xor eax, eax
	ret

kl_longjmp:
	mov edx, [esp + 4]		; struct jmp_buf *
	mov eax, [esp + 8]		; value setjmp will appear to return
	test eax, eax
	jnz .nonzero
	inc eax				; setjmp never returns 0 a second time
.nonzero:
	mov ebx, [edx + JB_BX]
	mov esi, [edx + JB_SI]
	mov edi, [edx + JB_DI]
	mov ebp, [edx + JB_BP]
	mov esp, [edx + JB_SP]
	jmp [edx + JB_IP]
