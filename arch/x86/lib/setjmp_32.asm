; SPDX-License-Identifier: GPL-2.0
;
; kl_setjmp / kl_longjmp (<asm/setjmp.h>): save and restore callee-saved
; registers, the stack pointer and the return address. KUnit uses them to
; leave a test case early. Layout: bx si di bp sp ip.

section .text
global kl_setjmp, kl_longjmp

kl_setjmp:
	mov eax, [esp + 4]		; struct jmp_buf *
	mov [eax + 0], ebx
	mov [eax + 4], esi
	mov [eax + 8], edi
	mov [eax + 12], ebp
	lea ecx, [esp + 4]		; the caller's esp after our return
	mov [eax + 16], ecx
	mov ecx, [esp]			; return address
	mov [eax + 20], ecx
	xor eax, eax
	ret

kl_longjmp:
	mov edx, [esp + 4]		; struct jmp_buf *
	mov eax, [esp + 8]		; value setjmp will appear to return
	test eax, eax
	jnz .nonzero
	inc eax				; setjmp never returns 0 a second time
.nonzero:
	mov ebx, [edx + 0]
	mov esi, [edx + 4]
	mov edi, [edx + 8]
	mov ebp, [edx + 12]
	mov esp, [edx + 16]
	jmp [edx + 20]
