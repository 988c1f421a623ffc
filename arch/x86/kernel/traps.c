// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions: one report format for every unexpected trap (Linux's
 * "Oops" shape: what happened, the registers, the call trace), the page
 * fault decoded into words, and the double-fault task that names a
 * kernel stack overflow.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/highmem.h>
#include <asm/processor.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <kmaplab/traps.h>
#include <kmaplab/kmap_debug.h>
#include <asm/trace/exceptions.h>

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds",
	"invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack segment", "general protection fault", "page fault",
	"reserved (15)", "coprocessor error", "alignment check",
	"machine check", "SIMD coprocessor error", "virtualization exception",
	"control protection", "reserved (22)", "reserved (23)",
	"reserved (24)", "reserved (25)", "reserved (26)", "reserved (27)",
	"hypervisor injection", "VMM communication", "security exception",
	"reserved (31)",
};

void show_regs(const struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	printk(KERN_EMERG "CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
	       tsk->pid, tsk->comm);
	printk(KERN_EMERG "EIP: %pS\n", (void *)regs->ip);
	printk(KERN_EMERG "EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n",
	       regs->ax, regs->bx, regs->cx, regs->dx);
	printk(KERN_EMERG "ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n",
	       regs->si, regs->di, regs->bp, regs_sp(regs));
	printk(KERN_EMERG "DS: %04lx ES: %04lx FS: %04lx GS: %04lx EFLAGS: %08lx\n",
	       regs->ds & 0xffff, regs->es & 0xffff, regs->fs & 0xffff,
	       regs->gs & 0xffff, regs->flags);
	printk(KERN_EMERG "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
	printk(KERN_EMERG "preempt_count: %x pagefault_disabled: %d\n",
	       preempt_count(), tsk->pagefault_disabled);
}

static __noreturn void die(const char *what, struct pt_regs *regs)
{
	oops_begin();
	printk(KERN_EMERG "Oops: %s: %04lx [#%lu] PREEMPT\n", what,
	       regs->orig_ax & 0xffff, oops_count);
	show_regs(regs);
	show_stack_from(regs->bp, regs->ip);
	oops_end(what);
}

#define PF_PROT (1UL << 0)	/* 0: not present; 1: protection violation */
#define PF_WRITE (1UL << 1)
#define PF_USER (1UL << 2)
#define PF_RSVD (1UL << 3)
#define PF_INSTR (1UL << 4)

static void show_fault_oops(struct pt_regs *regs, unsigned long address)
{
	unsigned long err = regs->orig_ax;

	if (address < PAGE_SIZE)
		printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %08lx\n",
		       address);
	else
		printk(KERN_ALERT "BUG: unable to handle page fault for address: %08lx\n",
		       address);
	printk(KERN_ALERT "#PF: %s %s in %s mode\n",
	       (err & PF_USER) ? "user" : "supervisor",
	       (err & PF_INSTR) ? "instruction fetch" :
	       (err & PF_WRITE) ? "write access" : "read access",
	       (err & PF_USER) ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", err,
	       !(err & PF_PROT) ? "not-present page" :
	       (err & PF_RSVD) ? "reserved bit violation" :
	       (err & PF_INSTR) ? "execute of a non-executable page (NX)" :
	       (err & PF_WRITE) ? "write to a read-only page" :
	       "permissions violation");
	if (pagefault_disabled())
		printk(KERN_ALERT "page fault with page faults disabled\n");
	/* A kmap_local slot with nothing in it: a stale pointer, named. */
	if (kmap_local_addr(address)) {
		pte_t *ptep = virt_to_kpte(address & PAGE_MASK);

		if (!ptep || pte_none(*ptep))
			printk(KERN_ALERT "BUG: %08lx is in an empty kmap_local slot: a pointer "
			       "used after its kunmap_local()/pte_unmap(), or run off the end "
			       "of a mapping into a guard slot\n", address);
	}
	kmap_local_fault_report(address);	/* debug: whose slot it was */
}

/*
 * A fault on a user address, from user mode or from the kernel's
 * uaccess, may be resolved (demand paging, copy-on-write: mm/memory.c);
 * one from user mode that cannot be kills the process, never the
 * kernel. A kernel-space fault is never resolved: either expected -- the
 * faulting instruction is in the exception table, as in
 * copy_from_kernel_nofault() -- or a bug.
 */
void do_page_fault(struct pt_regs *regs)
{
	unsigned long address = read_cr2();

	trace_page_fault_entries(regs, regs->orig_ax, address);
	if ((user_mode(regs) || address < TASK_SIZE) &&
	    do_user_addr_fault(regs, address)) {
		trace_page_fault_exit(address, PAGE_FAULT_RESOLVED);
		return;
	}
	if (fixup_exception(regs)) {
		trace_page_fault_exit(address, PAGE_FAULT_FIXUP);
		return;
	}
	trace_page_fault_exit(address, PAGE_FAULT_FATAL);
	oops_begin();
	show_fault_oops(regs, address);
	printk(KERN_EMERG "Oops: page fault: %04lx [#%lu] PREEMPT\n",
	       regs->orig_ax & 0xffff, oops_count);
	show_regs(regs);
	show_stack_from(regs->bp, regs->ip);
	oops_end("page fault");
}

void do_trap(struct pt_regs *regs)
{
	unsigned long v = regs->vector;

	if (v == 14) {
		do_page_fault(regs);
		return;
	}
	/* The NMI a panicking CPU sends the others (smp_send_stop()). */
	if (v == 2 && panic_in_progress())
		stop_this_cpu();
	/* A general protection fault in a fixup-covered access is fixed up too. */
	if (v == 13 && fixup_exception(regs))
		return;
	/* From ring 3: the process dies (SIGFPE, SIGILL, SIGSEGV), not us. */
	if (user_mode(regs))
		force_sig_report(regs, v == 0 ? 8 : v == 6 ? 4 : 11,
				 v < 32 ? exception_names[v] : "unknown exception");
	die(v < 32 ? exception_names[v] : "unknown exception", regs);
}

/*
 * Entered by the CPU through the task gate on vector 8. This CPU's
 * cpu_tss (the double-fault task's %fs is the per-CPU segment) holds
 * the state at the moment of the fault. If the stack pointer sits in or
 * just above the bottom page of the current task's stack, the stack
 * overflowed into its guard page. There is no way back: panic.
 */
void doublefault_task(void)
{
	struct x86_hw_tss *tss = &cpu_tss[raw_smp_processor_id()];
	struct task_struct *tsk = current;
	unsigned long sp = tss->sp;
	unsigned long bottom = (unsigned long)tsk->stack;

	oops_begin();
	printk(KERN_EMERG "PANIC: double fault, error_code: 0x0\n");
	if (bottom && sp >= bottom - PAGE_SIZE && sp < bottom + 256)
		printk(KERN_EMERG "BUG: kernel stack overflow in thread '%s' (pid %d): "
		       "esp %08lx, stack %08lx-%08lx, guard page below\n",
		       tsk->comm, tsk->pid, sp, bottom, bottom + tsk->stack_size);
	printk(KERN_EMERG "EIP: %pS ESP: %08lx EBP: %08lx CR2: %08lx\n",
	       (void *)(unsigned long)tss->ip, sp, (unsigned long)tss->bp,
	       read_cr2());
	panic("double fault (kernel stack overflow?) in thread '%s'", tsk->comm);
}
