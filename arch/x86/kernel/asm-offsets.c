// SPDX-License-Identifier: GPL-2.0
/*
 * Every number the assembly files and linker.ld share with C, taken from
 * the C header that defines it, so that each is written once (as Linux's
 * own asm-offsets). This file is compiled to assembly only
 * and never linked; the Makefile turns its markers into
 *
 *   $(O)/include/generated/asm-offsets.inc   "%define SYM value", which
 *	boot/head.asm, boot/trampoline.asm, arch/x86/entry/entry_32.asm,
 *	sched/switch.asm and arch/x86/lib/setjmp_32.asm %include;
 *   $(O)/include/generated/asm-offsets.lds   "SYM = value;" for the
 *	LDS_DEFINE()s only, which linker.ld INCLUDEs.
 *
 * Change a constant or a structure here in C and the assembly that uses
 * it is rebuilt with the new value.
 */
#include <linux/kbuild.h>
#include <linux/sched.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/desc.h>
#include <asm/ptrace.h>
#include <asm/setjmp.h>
#include <kmaplab/multiboot.h>

/*
 * A value linker.ld needs too. Only these become linker symbols: every
 * assignment in a linker script is a symbol in the ELF file.
 */
#define LDS_DEFINE(sym, val) do {					\
	asm volatile("\n.ascii \"=>" #sym " %c0 " #val "\""		\
		     : : "i" ((unsigned long long)(val)));		\
} while (0)

static void memory_layout(void)
{
	COMMENT("Memory layout: <asm/page.h>, <asm/pgtable.h>");
	LDS_DEFINE(PAGE_OFFSET, __PAGE_OFFSET);
	LDS_DEFINE(LOAD_PHYSICAL_ADDR, LOAD_PHYSICAL_ADDR);
	LDS_DEFINE(BOOT_MAP_SIZE, BOOT_MAP_SIZE);
	LDS_DEFINE(PAGE_SIZE, PAGE_SIZE);
	DEFINE(PAGE_SHIFT, PAGE_SHIFT);
	DEFINE(PMD_SIZE, PMD_SIZE);
	DEFINE(PGDIR_SHIFT, PGDIR_SHIFT);
	DEFINE(PTRS_PER_PGD, PTRS_PER_PGD);
	DEFINE(THREAD_SIZE, THREAD_SIZE);
}

static void page_table_bits(void)
{
	COMMENT("Page-table entry bits: <asm/pgtable_types.h>");
	DEFINE(_PAGE_PRESENT, _PAGE_PRESENT);
	DEFINE(_PAGE_RW, _PAGE_RW);
	DEFINE(_PAGE_GLOBAL, _PAGE_GLOBAL);
	DEFINE(PGD_ENTRY_SIZE, sizeof(pgd_t));
	DEFINE(PMD_ENTRY_SIZE, sizeof(pmd_t));
	DEFINE(PTE_ENTRY_SIZE, sizeof(pte_t));
}

static void cpu_bits(void)
{
	COMMENT("Control registers and MSRs: <asm/processor.h>");
	DEFINE(X86_CR0_WP, X86_CR0_WP);
	DEFINE(X86_CR0_PG, X86_CR0_PG);
	DEFINE(X86_CR4_PAE, X86_CR4_PAE);
	DEFINE(X86_CR4_PGE, X86_CR4_PGE);
	DEFINE(MSR_EFER, MSR_EFER);
	DEFINE(EFER_NX, EFER_NX);
	DEFINE(CPUID_EXT_EDX_NX, CPUID_EXT_EDX_NX);
}

static void segments_and_vectors(void)
{
	COMMENT("Segments and vectors: <asm/segment.h>, <asm/desc.h>");
	DEFINE(__KERNEL_CS, __KERNEL_CS);
	DEFINE(__KERNEL_DS, __KERNEL_DS);
	DEFINE(__KERNEL_PERCPU, __KERNEL_PERCPU);
	DEFINE(NR_ISR_STUBS, NR_ISR_STUBS);
	DEFINE(IRQ_WORK_VECTOR, IRQ_WORK_VECTOR);
	DEFINE(LOCAL_TIMER_VECTOR, LOCAL_TIMER_VECTOR);
	DEFINE(CALL_FUNCTION_VECTOR, CALL_FUNCTION_VECTOR);
	DEFINE(RESCHEDULE_VECTOR, RESCHEDULE_VECTOR);
	DEFINE(SPURIOUS_APIC_VECTOR, SPURIOUS_APIC_VECTOR);
	DEFINE(IA32_SYSCALL_VECTOR, IA32_SYSCALL_VECTOR);
}

static void pt_regs_offsets(void)
{
	COMMENT("struct pt_regs: <asm/ptrace.h>, built by entry_32.asm");
	OFFSET(PT_VECTOR, pt_regs, vector);
	OFFSET(PT_EIP, pt_regs, ip);
}

static void task_offsets(void)
{
	COMMENT("struct task_struct: <linux/sched.h>, for sched/switch.asm");
	OFFSET(TASK_THREAD_SP, task_struct, thread.sp);
}

static void jmp_buf_offsets(void)
{
	COMMENT("struct jmp_buf: <asm/setjmp.h>, for setjmp_32.asm");
	OFFSET(JB_BX, jmp_buf, bx);
	OFFSET(JB_SI, jmp_buf, si);
	OFFSET(JB_DI, jmp_buf, di);
	OFFSET(JB_BP, jmp_buf, bp);
	OFFSET(JB_SP, jmp_buf, sp);
	OFFSET(JB_IP, jmp_buf, ip);
}

static void multiboot_offsets(void)
{
	COMMENT("Multiboot: <kmaplab/multiboot.h>, for boot/head.asm");
	DEFINE(MULTIBOOT_HEADER_MAGIC, MULTIBOOT_HEADER_MAGIC);
	DEFINE(MULTIBOOT_HEADER_FLAGS,
	       MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO);
	DEFINE(MULTIBOOT_INFO_CMDLINE, MULTIBOOT_INFO_CMDLINE);
	DEFINE(MULTIBOOT_INFO_MODS, MULTIBOOT_INFO_MODS);
	DEFINE(MULTIBOOT_INFO_MEM_MAP, MULTIBOOT_INFO_MEM_MAP);
	DEFINE(MBI_SIZE, sizeof(struct multiboot_info));
	OFFSET(MBI_FLAGS, multiboot_info, flags);
	OFFSET(MBI_CMDLINE, multiboot_info, cmdline);
	OFFSET(MBI_MODS_COUNT, multiboot_info, mods_count);
	OFFSET(MBI_MODS_ADDR, multiboot_info, mods_addr);
	OFFSET(MBI_MMAP_LEN, multiboot_info, mmap_length);
	OFFSET(MBI_MMAP_ADDR, multiboot_info, mmap_addr);
	DEFINE(MB_MOD_SIZE, sizeof(struct multiboot_mod_list));
	DEFINE(BOOT_CMDLINE_MAX, BOOT_CMDLINE_MAX);
	DEFINE(BOOT_MMAP_MAX, BOOT_MMAP_MAX);
	DEFINE(BOOT_MODS_MAX, BOOT_MODS_MAX);
}

/* Compiled, never run or linked: the markers are what counts. */
int main(void);

int main(void)
{
	memory_layout();
	BLANK();
	page_table_bits();
	BLANK();
	cpu_bits();
	BLANK();
	segments_and_vectors();
	BLANK();
	pt_regs_offsets();
	BLANK();
	task_offsets();
	BLANK();
	jmp_buf_offsets();
	BLANK();
	multiboot_offsets();
	return 0;
}
