// SPDX-License-Identifier: GPL-2.0
/*
 * Page faults on user addresses (Linux's do_user_addr_fault()).
 *
 * The fault may come from user mode, or from the kernel touching user
 * memory in copy_to_user() and friends. Either way, if the address is
 * inside a VMA that allows the access, mm/memory.c makes the page
 * present (a fresh zeroed highmem page, or a copy-on-write copy) and the
 * faulting instruction runs again -- in the middle of a copy, if that is
 * where it was. The handler sleeps on mm->mmap_lock, so it runs with
 * IRQs on (when the faulting context had them on) and never in atomic
 * context: there (pagefault_disable(), preemption off) the kernel's
 * access fails through the exception table instead.
 *
 * A user-mode access that no VMA allows kills the process with one line
 * (force_sig_report()); a kernel-mode one returns false and the caller
 * applies the exception-table fixup (-EFAULT) or oopses.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <asm/irqflags.h>
#include <kmaplab/traps.h>
#include <kmaplab/fault.h>
#include <asm/trace/exceptions.h>

#define PF_PROT (1UL << 0)
#define PF_WRITE (1UL << 1)
#define PF_USER (1UL << 2)
#define PF_RSVD (1UL << 3)
#define PF_INSTR (1UL << 4)

/* May vma be accessed as the fault's error code says? */
static bool access_error(unsigned long err, struct vm_area_struct *vma)
{
	if (err & PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (err & PF_INSTR)
		return !(vma->vm_flags & VM_EXEC);
	return !(vma->vm_flags & (VM_READ | VM_EXEC));
}

static __noreturn void bad_area(struct pt_regs *regs, unsigned long address,
				struct vm_area_struct *vma, const char *why)
{
	unsigned long err = regs->orig_ax;
	char what[160], where[48] = "outside every VMA";

	if (vma)
		snprintf(where, sizeof(where), "in VMA %s %08lx-%08lx", vma_name(vma),
			 vma->vm_start, vma->vm_end);
	snprintf(what, sizeof(what), "segfault at %lx (%s of a %s page, %s) %s",
		 address, err & PF_INSTR ? "exec" : err & PF_WRITE ? "write" : "read",
		 err & PF_PROT ? "present" : "missing", why, where);
	trace_page_fault_exit(address, PAGE_FAULT_FATAL);
	force_sig_report(regs, 11, what);	/* SIGSEGV */
}

bool do_user_addr_fault(struct pt_regs *regs, unsigned long address)
{
	struct mm_struct *mm = current->mm;
	unsigned long err = regs->orig_ax;
	struct vm_area_struct *vma = NULL;
	unsigned int flags = 0;
	const char *why = "no mapping";
	int ret;

	if (!user_mode(regs) && (!mm || faulthandler_disabled())) {
		if (mm && address < TASK_SIZE)	/* a user copy in atomic context */
			atomic_inc(&uaccess_fault_stats.fixed_up);
		return false;		/* the exception table decides */
	}
	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();
	if (address >= TASK_SIZE || (err & PF_RSVD) || !mm)
		goto bad;
	if (err & PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	mutex_lock(&mm->mmap_lock);
	vma = find_vma(mm, address);
	if (vma && vma->vm_start > address && expand_stack(vma, address))
		vma = NULL;		/* below the stack, too far: not ours */
	if (!vma || vma->vm_start > address) {
		vma = NULL;
		goto bad_unlock;
	}
	if (access_error(err, vma)) {
		why = "not allowed by the VMA";
		goto bad_unlock;
	}
	ret = handle_mm_fault(vma, address, flags);
	mutex_unlock(&mm->mmap_lock);
	if (ret & VM_FAULT_OOM) {
		why = "out of memory";
		goto bad;
	}
	if (!user_mode(regs))
		atomic_inc(&uaccess_fault_stats.resolved);
	return true;

bad_unlock:
	mutex_unlock(&mm->mmap_lock);
bad:
	if (!user_mode(regs)) {
		local_irq_disable();
		return false;
	}
	bad_area(regs, address, vma, why);
}
