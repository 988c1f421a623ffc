// SPDX-License-Identifier: GPL-2.0
/*
 * Named diagnostics for kmap_local misuse that would otherwise be a bare
 * page-fault Oops or a misleading report (the debug build only, except
 * kmap_from_interrupt()):
 *
 *  - a fault on a kmap_local slot address names the slot, the task that
 *    last held it, the page frame and where the mapping went: unmapped
 *    by kunmap_local() (a use after unmap) or taken down by a context
 *    switch (another task's address, used by this one). A fault on a
 *    guard slot names the mapping it ran off the end of.
 *  - kunmap_local() of a slot this task no longer holds (unmapped twice
 *    while another mapping is still held) is named, and the stack is
 *    left alone -- otherwise it would pop the other mapping as "reverse
 *    order" and the later, correct unmap would get the BUG.
 *
 * Not caught: a stale address used after its slot was taken again by a
 * new mapping. The PTE is valid then, so nothing faults; the access
 * silently reaches the new page. The guard slots only catch running off
 * the end of a live mapping.
 */
#include <linux/highmem.h>
#include <linux/string.h>
#include <linux/interrupt.h>
#include <kmaplab/highmem.h>
#include <kmaplab/kmap_debug.h>

#ifdef CONFIG_DEBUG_KMAP_LOCAL
struct kmap_slot_record {
	char comm[TASK_COMM_LEN];
	int pid;
	unsigned long pfn;
	void *where;		/* the caller of kunmap_local(), or NULL */
	enum kmap_unmap_how how;
};

/* One per slot of every CPU, indexed like the fixmap (slot 0: CPU 0's first) */
static struct kmap_slot_record slot_record[KM_MAX_IDX * NR_CPUS];

void kmap_local_note_unmap(struct task_struct *tsk, int slot,
			   unsigned long pfn, void *where, enum kmap_unmap_how how)
{
	struct kmap_slot_record *r = &slot_record[slot];

	strscpy(r->comm, tsk->comm, sizeof(r->comm));
	r->pid = tsk->pid;
	r->pfn = pfn;
	r->where = where;
	r->how = how;
}

/*
 * addr is a slot of this CPU above the task's top of stack that this
 * task already released with kunmap_local(addr): a second unmap. (A slot
 * below the top is still held: the reverse-order mistake, reported by
 * the caller. So is the unmap of a slot that a reverse-order unmap took
 * down: as in Linux, that one pops the top.)
 */
bool kmap_local_double_unmap(struct task_struct *tsk, unsigned long addr)
{
	int slot = (__fix_to_virt(FIX_KMAP_BEGIN) - addr) >> PAGE_SHIFT;
	int idx = slot - KM_MAX_IDX * (int)smp_processor_id();
	struct kmap_slot_record *r;

	if (idx < 0 || idx >= KM_MAX_IDX || idx <= tsk->kmap_ctrl.idx - 1)
		return false;
	r = &slot_record[slot];
	if (r->how != KMAP_UNMAPPED || r->pid != tsk->pid)
		return false;
	this_cpu_inc(kmap_stats.unmap_bad_addr);
	WARN(1, "kunmap_local(%08lx): slot %d is not mapped by task '%s' "
	     "(unmapped twice?); its %d mapping(s) are left alone", addr, slot,
	     tsk->comm, tsk->kmap_ctrl.idx / KM_INCR);
	return true;
}

void kmap_local_fault_report(unsigned long address)
{
	int slot, idx;
	struct kmap_slot_record *r;

	if (!kmap_local_addr(address))
		return;
	slot = (__fix_to_virt(FIX_KMAP_BEGIN) - (address & PAGE_MASK)) >> PAGE_SHIFT;
	idx = slot % KM_MAX_IDX;
	if (IS_ENABLED(CONFIG_DEBUG_KMAP_LOCAL) && !(idx & 1)) {
		printk(KERN_ALERT "kmap_local: %08lx is guard slot %d of CPU %d: "
		       "ran off the end of the mapping in slot %d\n", address,
		       slot, slot / KM_MAX_IDX, slot + 1);
		return;
	}
	r = &slot_record[slot];
	if (!r->pid && !r->comm[0]) {
		printk(KERN_ALERT "kmap_local: %08lx is slot %d of CPU %d, never mapped\n",
		       address, slot, slot / KM_MAX_IDX);
		return;
	}
	if (r->how == KMAP_SWITCHED_OUT)
		printk(KERN_ALERT "kmap_local: %08lx is slot %d of CPU %d: pfn %#lx, "
		       "last held by task '%s' (pid %d), taken down when it was "
		       "switched out -- a kmap_local address used by another task\n",
		       address, slot, slot / KM_MAX_IDX, r->pfn, r->comm, r->pid);
	else if (r->how == KMAP_POPPED)
		printk(KERN_ALERT "kmap_local: %08lx is slot %d of CPU %d: pfn %#lx, "
		       "last held by task '%s' (pid %d), taken down at %pS by an "
		       "unmap in the wrong order -- then used\n", address, slot,
		       slot / KM_MAX_IDX, r->pfn, r->comm, r->pid, r->where);
	else
		printk(KERN_ALERT "kmap_local: %08lx is slot %d of CPU %d: pfn %#lx, "
		       "last held by task '%s' (pid %d), unmapped at %pS -- a use "
		       "after kunmap_local()\n", address, slot, slot / KM_MAX_IDX,
		       r->pfn, r->comm, r->pid, r->where);
}
#endif /* CONFIG_DEBUG_KMAP_LOCAL */

void kmap_from_interrupt(void)
{
	WARN(1, "kmap() from interrupt context (%s): kmap() may sleep for a "
	     "pool slot; use kmap_local_page() here", in_hardirq() ? "hardirq" :
	     "softirq or NMI");
}
