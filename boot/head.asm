; SPDX-License-Identifier: GPL-2.0
;
; boot/head.asm - the first code that runs.
;
; A Multiboot v1 loader (GRUB, or QEMU's -kernel) drops us here in 32-bit
; protected mode with paging off, EAX = 0x2BADB002 and EBX = the physical
; address of the multiboot information. The kernel is linked at
; PAGE_OFFSET + 1 MiB but loaded at 1 MiB, so until paging is on every
; absolute address must be turned into a physical one (V2P below).
;
; What this file does, in order:
;   1. load a flat GDT;
;   2. clear .bss (the page tables live there);
;   3. build PAE page tables mapping the first BOOT_MAP_SIZE of RAM twice:
;      identity (so the instruction after "paging on" still exists) and at
;      PAGE_OFFSET (where the kernel is linked), and unmap the stack guard;
;   4. CR4.PAE, CR3, EFER.NXE when CPUID has NX, CR0.PG|WP;
;   5. jump to the higher half, drop the identity mapping, CR4.PGE on;
;   6. call start_kernel(magic, mbi_phys) on the boot stack.

; PAGE_OFFSET, BOOT_MAP_SIZE, THREAD_SIZE, the multiboot offsets and
; limits, ...: from the C headers, via arch/x86/kernel/asm-offsets.c.
%include "generated/asm-offsets.inc"

BOOT_PT_PAGES	equ BOOT_MAP_SIZE / PMD_SIZE	; one PT maps 2 MiB with PAE
KERNEL_PGD	equ PAGE_OFFSET >> PGDIR_SHIFT	; the PDPT entry of kernel space

; early_gdt below has the code segment at entry 1 and data at entry 2.
%if __KERNEL_CS != 1 * 8 || __KERNEL_DS != 2 * 8
%error "early_gdt does not match <asm/segment.h>"
%endif

%define V2P(x) ((x) - PAGE_OFFSET)

section .multiboot
align 4
	dd MULTIBOOT_HEADER_MAGIC
	dd MULTIBOOT_HEADER_FLAGS	; page-align modules, give memory map
	dd -(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)

section .text
global _start
extern start_kernel
extern __bss_start, __bss_stop

_start:
	cli
	cld
	mov esi, eax			; keep magic and mbi for start_kernel
	mov edi, ebx

	lgdt [V2P(early_gdt_desc_phys)]
	jmp __KERNEL_CS:V2P(.reload_cs)
.reload_cs:
	mov ax, __KERNEL_DS
	mov ds, ax
	mov es, ax
	mov fs, ax
	mov gs, ax
	mov ss, ax

	; Clear .bss: multiboot loaders should, but the page tables depend on it.
	mov edx, edi
	mov edi, V2P(__bss_start)
	mov ecx, V2P(__bss_stop)
	sub ecx, edi
	shr ecx, 2
	xor eax, eax
	rep stosd
	mov edi, edx

	call copy_boot_info

	; PTEs for [0, BOOT_MAP_SIZE): present, writable, global. The upper
	; 32 bits of every entry stay zero (no NX yet; mm/ tightens later).
	mov ebx, V2P(boot_pt)
	mov eax, _PAGE_PRESENT | _PAGE_RW | _PAGE_GLOBAL
	mov ecx, BOOT_MAP_SIZE / PAGE_SIZE
.fill_pt:
	mov [ebx], eax
	add ebx, PTE_ENTRY_SIZE
	add eax, PAGE_SIZE
	loop .fill_pt

	; The page under the boot stack stays unmapped: an overflow faults.
	mov eax, V2P(boot_stack_guard)
	shr eax, PAGE_SHIFT
	mov dword [V2P(boot_pt) + eax * PTE_ENTRY_SIZE], 0

	; Both page directories point at the same page tables.
	mov ebx, V2P(boot_pt) + _PAGE_PRESENT + _PAGE_RW
	xor ecx, ecx
.fill_pd:
	mov [V2P(boot_pd_low) + ecx * PMD_ENTRY_SIZE], ebx
	mov [V2P(swapper_pd) + ecx * PMD_ENTRY_SIZE], ebx
	add ebx, PAGE_SIZE
	inc ecx
	cmp ecx, BOOT_PT_PAGES
	jne .fill_pd

	; PDPT: entry 0 = identity, entry 3 = kernel (3 GiB..4 GiB). PAE
	; PDPT entries take only the present bit: RW/US there are reserved.
	mov dword [V2P(swapper_pdpt)], V2P(boot_pd_low) + _PAGE_PRESENT
	mov dword [V2P(swapper_pdpt) + KERNEL_PGD * PGD_ENTRY_SIZE], \
		V2P(swapper_pd) + _PAGE_PRESENT

	mov eax, cr4
	or eax, X86_CR4_PAE
	mov cr4, eax
	mov eax, V2P(swapper_pdpt)
	mov cr3, eax

	; NX exists when CPUID 0x80000001 EDX says so; then EFER.NXE.
	mov eax, 0x80000000
	cpuid
	cmp eax, 0x80000001
	jb .no_nx
	mov eax, 0x80000001
	cpuid
	test edx, CPUID_EXT_EDX_NX
	jz .no_nx
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_NX
	wrmsr
	mov byte [V2P(nx_enabled)], 1
.no_nx:
	mov eax, cr0
	or eax, X86_CR0_PG | X86_CR0_WP	; WP: ring 0 honours read-only too
	mov cr0, eax

	lea eax, [higher_half]		; absolute: the linked, high address
	jmp eax

higher_half:
	; Now running at PAGE_OFFSET + ...: the GDT is reloaded with its
	; virtual address and the identity mapping goes away.
	lgdt [early_gdt_desc]
	mov dword [swapper_pdpt], 0
	mov eax, cr3
	mov cr3, eax			; reloads the PDPT registers too
	mov eax, cr4
	or eax, X86_CR4_PGE		; kernel PTEs are global from now on
	mov cr4, eax

	mov esp, boot_stack_top
	xor ebp, ebp			; a zero frame pointer ends every backtrace
	push edi			; multiboot info, physical
	push esi			; multiboot magic
	call start_kernel
.hang:
	cli
	hlt
	jmp .hang

; Copy the multiboot information, command line, memory map and module
; list into .bss while paging is off and every physical address can be
; reached. The loader may put them anywhere; after this copy the kernel
; never needs the originals, so mm/ only has to reserve the modules.
; In: EDI = mbi (physical). Clobbers EAX, ECX, EDX.
extern boot_mbi, boot_cmdline, boot_cmdline_cut, boot_mmap, boot_mods
copy_boot_info:
	push esi
	push edi
	mov edx, edi
	mov esi, edx
	mov edi, V2P(boot_mbi)
	mov ecx, MBI_SIZE
	rep movsb

	test dword [edx + MBI_FLAGS], MULTIBOOT_INFO_CMDLINE
	jz .no_cmdline
	mov esi, [edx + MBI_CMDLINE]
	mov edi, V2P(boot_cmdline)
	mov ecx, BOOT_CMDLINE_MAX - 1	; and the NUL below
.cmd:	lodsb
	stosb
	test al, al
	loopnz .cmd
	mov byte [edi], 0
	test al, al
	jz .no_cmdline
	mov al, [esi]			; buffer full: the loader's next byte
	mov [V2P(boot_cmdline_cut)], al	; not NUL: cut (C reports it)
.no_cmdline:
	test dword [edx + MBI_FLAGS], MULTIBOOT_INFO_MEM_MAP
	jz .no_mmap
	mov esi, [edx + MBI_MMAP_ADDR]
	mov ecx, [edx + MBI_MMAP_LEN]
	cmp ecx, BOOT_MMAP_MAX
	jbe .mmap_fits
	mov ecx, BOOT_MMAP_MAX		; C code reports the truncation
.mmap_fits:
	mov edi, V2P(boot_mmap)
	rep movsb
.no_mmap:
	test dword [edx + MBI_FLAGS], MULTIBOOT_INFO_MODS
	jz .no_mods
	mov esi, [edx + MBI_MODS_ADDR]
	mov ecx, [edx + MBI_MODS_COUNT]
	cmp ecx, BOOT_MODS_MAX
	jbe .mods_fit
	mov ecx, BOOT_MODS_MAX
.mods_fit:
	imul ecx, ecx, MB_MOD_SIZE	; entries -> bytes
	mov edi, V2P(boot_mods)
	rep movsb
.no_mods:
	pop edi
	pop esi
	ret

section .rodata
align 8
early_gdt:
	dq 0
	dq 0x00CF9A000000FFFF		; __KERNEL_CS: ring-0 code, flat 4 GiB
	dq 0x00CF92000000FFFF		; __KERNEL_DS: ring-0 data, flat 4 GiB
early_gdt_end:

align 4
	dw 0
early_gdt_desc_phys:
	dw early_gdt_end - early_gdt - 1
	dd V2P(early_gdt)
	dw 0
early_gdt_desc:
	dw early_gdt_end - early_gdt - 1
	dd early_gdt

section .data
global nx_enabled
nx_enabled:
	db 0

section .bss
align PAGE_SIZE
global swapper_pd, boot_pt, boot_stack_guard, boot_stack, boot_stack_top
swapper_pd:				; the kernel's page directory (3..4 GiB)
	resb PAGE_SIZE
boot_pd_low:				; identity PD, used only while switching
	resb PAGE_SIZE
boot_pt:				; page tables for the first BOOT_MAP_SIZE
	resb PAGE_SIZE * BOOT_PT_PAGES
boot_stack_guard:			; unmapped: catches boot stack overflow
	resb PAGE_SIZE
boot_stack:				; init_task's stack, as any thread's
	resb THREAD_SIZE
boot_stack_top:

align 32
global swapper_pdpt
swapper_pdpt:				; PAE: 4 entries, 32-byte aligned
	resq PTRS_PER_PGD
