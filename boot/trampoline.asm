; SPDX-License-Identifier: GPL-2.0
;
; boot/trampoline.asm - where an application processor starts.
;
; A CPU woken by STARTUP IPI begins in 16-bit real mode at CS:IP =
; (page << 8):0, so this code must sit on a page below 1 MiB. The bytes
; between trampoline_start and trampoline_end are copied there by
; arch/x86/kernel/smpboot.c, which also fills in the tr_* fields (they hold
; physical addresses only known at run time). The AP then:
;   1. loads the trampoline's flat GDT and enters protected mode;
;   2. turns on PAE with the trampoline PDPT: entry 0 identity-maps the
;      first 2 MiB *executable* (the kernel's direct map is NX, and the
;      instruction after "paging on" is fetched from this page), entry 3
;      is the kernel's own page directory, shared with every CPU;
;   3. EFER.NXE, CR0.PG|WP, and a jump to ap_startup_32 in kernel text;
;   4. there: CR3 = swapper_pdpt (the identity mapping goes), CR4.PGE,
;      the stack arch/x86/kernel/smpboot.c prepared, start_secondary(cpu).

%include "generated/asm-offsets.inc"

section .rodata
align 16
global trampoline_start, trampoline_end
global tr_gdtr, tr_farjmp, tr_pdpt_phys, tr_entry, tr_efer_nx

bits 16
trampoline_start:
	cli
	cld
	mov ax, cs
	mov ds, ax
	movzx ebx, ax
	shl ebx, 4			; EBX = physical base of this copy
	o32 lgdt [tr_gdtr - trampoline_start]
	mov eax, cr0
	or eax, 1			; CR0.PE
	mov cr0, eax
	jmp far dword [tr_farjmp - trampoline_start]

bits 32
tr_pm:
	mov ax, __KERNEL_DS
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov fs, ax
	mov gs, ax
	mov eax, cr4
	or eax, X86_CR4_PAE
	mov cr4, eax
	mov eax, [ebx + tr_pdpt_phys - trampoline_start]
	mov cr3, eax
	cmp byte [ebx + tr_efer_nx - trampoline_start], 0
	je .no_nx
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_NX
	wrmsr
.no_nx:
	mov eax, cr0
	or eax, X86_CR0_PG | X86_CR0_WP
	mov cr0, eax
	mov eax, [ebx + tr_entry - trampoline_start]
	jmp eax

align 8
tr_gdt:
	dq 0
	dq 0x00CF9A000000FFFF		; __KERNEL_CS: ring-0 code, flat 4 GiB
	dq 0x00CF92000000FFFF		; __KERNEL_DS: ring-0 data, flat 4 GiB
tr_gdtr:
	dw 3 * 8 - 1
	dd 0				; filled in: physical address of tr_gdt
align 4
tr_farjmp:
	dd 0				; filled in: physical address of tr_pm
	dw __KERNEL_CS
tr_pdpt_phys:
	dd 0				; filled in: the trampoline PDPT
tr_entry:
	dd 0				; filled in: ap_startup_32
tr_efer_nx:
	db 0				; filled in: 1 when the BSP uses NX
trampoline_end:

; The rest runs at the kernel's linked address, on the kernel's tables.
section .text
global ap_startup_32, tr_pm_offset, tr_gdt_offset
extern swapper_pdpt, smpboot_stack, smpboot_cpu, start_secondary
ap_startup_32:
	mov eax, swapper_pdpt - PAGE_OFFSET
	mov cr3, eax
	mov eax, cr4
	or eax, X86_CR4_PGE		; as on CPU 0
	mov cr4, eax
	mov esp, [smpboot_stack]
	xor ebp, ebp			; ends every backtrace
	push dword [smpboot_cpu]
	call start_secondary
.hang:
	cli
	hlt
	jmp .hang

section .rodata
tr_pm_offset:	dd tr_pm - trampoline_start
tr_gdt_offset:	dd tr_gdt - trampoline_start
