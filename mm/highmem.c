// SPDX-License-Identifier: GPL-2.0
/*
 * kmap_local_page() and kmap_atomic(): temporary mappings in per-CPU
 * fixmap slots, managed as a per-task stack.
 *
 * A task pushes a slot index for every mapping and pops it on unmap, so
 * mappings must be released in reverse order (LIFO). The slot's address
 * depends only on the index and the CPU, so the same address can name
 * different pages in different tasks: the context switch takes the
 * outgoing task's PTEs down and puts the incoming task's back
 * (__kmap_local_sched_out/in). That is what makes the mapping
 * thread-local, and why its address must never be handed to another
 * task. Interrupts push on top of whatever task they interrupted and
 * must be balanced before they return.
 *
 * The legacy global pool, kmap(), is in mm/pkmap.c.
 *
 * kmaplab-lint: allow kmap kunmap kmap_atomic kmap_atomic_prot kmap_atomic_pfn kunmap_atomic -- implements the temporary mappings, the deprecated ones included
 */
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <kmaplab/params.h>
#include <kmaplab/kmap_debug.h>
#include <kmaplab/bug.h>
#include <kmaplab/highmem.h>
#include <trace/events/kmap.h>

DEFINE_PER_CPU(struct kmap_stats, kmap_stats);

#ifdef CONFIG_DEBUG_KMAP_LOCAL
bool kmap_local_force_map;

static int __init force_map_setup(char *str)
{
	if (kstrtobool(str, &kmap_local_force_map)) {
		setup_kept("kmap_local.force_map=%d", kmap_local_force_map);
		return 0;
	}
	return 1;
}
__setup("kmap_local.force_map=", force_map_setup);
#endif

/*
 * The fixmap PTEs are one array in one page table, index 0 at the top:
 * a higher fixmap index is a lower address and a lower PTE, hence "-".
 */
static pte_t *kmap_get_pte(int idx)
{
	static pte_t *kmap_pte;

	if (!kmap_pte)
		kmap_pte = virt_to_kpte(__fix_to_virt(FIX_KMAP_BEGIN));
	return kmap_pte - idx;
}

/*
 * The current task's slot stack. The debug build advances by KM_INCR = 2
 * and uses the odd index, leaving the even one below it empty as a
 * guard slot: running off the end of a mapping then faults instead of
 * reading the next mapping. The hot paths take the task as an argument:
 * `current` is then read once per map or unmap.
 */
static __always_inline int kmap_local_idx_push(struct task_struct *tsk)
{
#ifdef CONFIG_DEBUG_KMAP_LOCAL
	/* A hard-IRQ handler with interrupts on could be interrupted mid-push. */
	WARN_ON_ONCE(in_hardirq() && !irqs_disabled());
#endif
	tsk->kmap_ctrl.idx += KM_INCR;
	return tsk->kmap_ctrl.idx - 1;
}

static __always_inline int kmap_local_idx(struct task_struct *tsk)
{
	return tsk->kmap_ctrl.idx - 1;
}

static __always_inline void kmap_local_idx_pop(struct task_struct *tsk)
{
	tsk->kmap_ctrl.idx -= KM_INCR;
}

/*
 * Misuse is checked before anything is changed, so that the BUG report
 * describes a consistent state (and a test that provokes it on purpose
 * can carry on). The reports are out of line: the checks cost a compare.
 */
static noinline __cold void kmap_local_overflow(struct task_struct *tsk)
{
	BUG_MSG("kmap_local: more than %d nested kmap_local/kmap_atomic "
		"mappings in task '%s' (KM_MAX_IDX %d): unmap before mapping more",
		KM_MAX_IDX / KM_INCR, tsk->comm, KM_MAX_IDX);
}

static noinline __cold void kmap_local_underflow(struct task_struct *tsk,
						 unsigned long addr)
{
	BUG_MSG("kunmap_local(%08lx): task '%s' holds no kmap_local mapping "
		"(unmapped twice, or never mapped)", addr, tsk->comm);
}

static noinline __cold void kmap_local_slot_busy(int slot, pte_t *ptep)
{
	BUG_MSG("kmap_local: slot %d (%08lx) is already mapped (pte %016llx)",
		slot, __fix_to_virt(FIX_KMAP_BEGIN + slot), pte_val(*ptep));
}

static noinline __cold void kmap_local_wrong_order(unsigned long addr,
						   unsigned long top)
{
	this_cpu_inc(kmap_stats.unmap_order_errors);
	WARN_ONCE(1, "kunmap_local: unmapping %08lx but the most recent "
		  "mapping is %08lx: kmap_local mappings must be released "
		  "in reverse order", addr, top);
}

/*
 * kunmap_local() of an address outside the slots. A lowmem address is
 * what kmap_local_page() returns for a lowmem page: nothing to undo
 * (except in force-map mode, where lowmem pages get slots too). Anything
 * else is a mistake worth naming; the common one is handing kunmap_local()
 * a kmap() address.
 */
static noinline void kunmap_local_not_a_slot(unsigned long addr)
{
	const char *why = NULL;

	if (addr >= PKMAP_ADDR(0) && addr < PKMAP_ADDR(LAST_PKMAP))
		why = "a kmap() address: release it with kunmap(page)";
	else if (addr < PAGE_OFFSET)
		why = "not a kernel address";
	else if (addr >= VMALLOC_START && addr < VMALLOC_END)
		why = "a vmap()/vmalloc() address: release it with vunmap()";
	else if (kmap_local_force_map)
		why = "not a kmap_local address (force-map mode maps lowmem in slots too)";
	if (!why)
		return;
	this_cpu_inc(kmap_stats.unmap_bad_addr);
	WARN_ONCE(1, "kunmap_local(%08lx): %s", addr, why);
}

/*
 * The slot belongs to this CPU: migrate_disable() stays on it for as
 * long as the mapping lives. Preemption is off only while the slot is
 * taken, so that a context switch never sees a pushed slot whose PTE is
 * not yet saved in the task (and an interrupt, which pushes and pops
 * above us, never sees a half-done push).
 */
static __always_inline void *kmap_local_map(unsigned long pfn, pgprot_t prot)
{
	struct task_struct *tsk = current;
	pte_t pteval, *ptep;
	int idx, slot;

	if (unlikely(tsk->kmap_ctrl.idx + KM_INCR > KM_MAX_IDX))
		kmap_local_overflow(tsk);
	__migrate_disable(tsk);
	preempt_disable();
	idx = kmap_local_idx_push(tsk);
	slot = arch_kmap_local_map_idx(idx, pfn);
	ptep = kmap_get_pte(slot);
	if (unlikely(!pte_none(*ptep)))
		kmap_local_slot_busy(slot, ptep);
	pteval = pfn_pte(pfn, prot);
	set_pte(ptep, pteval);
	arch_kmap_local_post_map(__fix_to_virt(FIX_KMAP_BEGIN + slot), pteval);
	tsk->kmap_ctrl.pteval[idx] = pteval;
	this_cpu_inc(kmap_stats.local_map);
	trace_kmap_local_map(idx);
	if (tsk->pagefault_disabled)	/* kmap_atomic(), or inside pagefault_disable() */
		this_cpu_inc(kmap_stats.atomic_map);
	preempt_enable();
	return (void *)__fix_to_virt(FIX_KMAP_BEGIN + slot);
}

void *__kmap_local_pfn_prot(unsigned long pfn, pgprot_t prot)
{
	return kmap_local_map(pfn, prot);
}

/* kmap_local_page() of a highmem page (lowmem ones never get here). */
void *__kmap_regparm __kmap_local_page_high(struct page *page)
{
	return kmap_local_map(page_to_pfn(page), kmap_prot);
}

void __kmap_regparm kunmap_local_indexed(const void *vaddr)
{
	struct task_struct *tsk = current;
	unsigned long addr = (unsigned long)vaddr & PAGE_MASK;
	unsigned long top;
	int slot, idx;

	if (!kmap_local_addr(addr)) {
		kunmap_local_not_a_slot(addr);
		return;
	}
	if (unlikely(tsk->kmap_ctrl.idx < KM_INCR))
		kmap_local_underflow(tsk, addr);
	/* debug: a slot this task released already is named, and left alone */
	if (unlikely(kmap_local_double_unmap(tsk, addr)))
		return;

	preempt_disable();
	slot = arch_kmap_local_unmap_idx(kmap_local_idx(tsk), addr);
	top = __fix_to_virt(FIX_KMAP_BEGIN + slot);
	if (unlikely(addr != top))
		kmap_local_wrong_order(addr, top);
	/*
	 * Clear the PTE (and flush it) *before* popping the index. An
	 * interrupt that arrives in between and maps a page pushes onto this
	 * same stack: after the pop it would get this very slot, and it must
	 * find it empty and flushed -- not still mapped to our page.
	 */
	pte_clear(&init_mm, top, kmap_get_pte(slot));
	arch_kmap_local_post_unmap(top);
	/* Traced before idx is read: then no value lives across its call. */
	trace_kmap_local_unmap(kmap_local_idx(tsk));
	idx = kmap_local_idx(tsk);
	kmap_local_note_unmap(tsk, slot, pte_pfn(tsk->kmap_ctrl.pteval[idx]),
			      __builtin_return_address(0),
			      addr == top ? KMAP_UNMAPPED : KMAP_POPPED);
	tsk->kmap_ctrl.pteval[idx] = __pte(0);
	kmap_local_idx_pop(tsk);
	this_cpu_inc(kmap_stats.local_unmap);
	preempt_enable();
	migrate_enable();
}

/*
 * Entry i of a task's saved stack, for the context switch: false for the
 * debug build's guard slots (even indexes, which must be empty) and for
 * an entry that should hold a PTE but does not.
 */
static __always_inline bool kmap_local_saved(struct task_struct *tsk, int i,
					     pte_t *pteval)
{
	*pteval = tsk->kmap_ctrl.pteval[i];
	if (IS_ENABLED(CONFIG_DEBUG_KMAP_LOCAL) && !(i & 1)) {
		WARN_ON_ONCE(pte_val(*pteval) != 0);
		return false;
	}
	if (WARN_ON_ONCE(pte_none(*pteval)))
		return false;
	return true;
}

/*
 * Where the task's entry 0 lands on this CPU: its slot, PTE and address.
 * Entry i is then slot + i, ptep - i and addr - i pages: x86's
 * arch_kmap_local_map_idx() is idx + this CPU's base, whatever the pfn
 * (no cache colouring), so the loops below work it out once per switch.
 */
struct kmap_local_base {
	int slot;
	pte_t *ptep;
	unsigned long addr;
};

static __always_inline void kmap_local_base(struct kmap_local_base *b)
{
	b->slot = arch_kmap_local_map_idx(0, 0);
	b->ptep = kmap_get_pte(b->slot);
	b->addr = __fix_to_virt(FIX_KMAP_BEGIN + b->slot);
}

/*
 * Switch-out: the task keeps its saved PTE values but its slots are
 * emptied (and flushed), so the next task finds them free. Its
 * kmap_local_sched_out events were recorded just before, by the
 * sched_switch probe: no hook in the loop.
 */
void __kmap_local_sched_out(void)
{
	struct task_struct *tsk = current;
	struct kmap_local_base b;
	pte_t pteval;
	int i;

	kmap_local_base(&b);
	for (i = 0; i < tsk->kmap_ctrl.idx; i++) {
		unsigned long addr = b.addr - i * PAGE_SIZE;

		if (!kmap_local_saved(tsk, i, &pteval))
			continue;
		pte_clear(&init_mm, addr, b.ptep - i);
		arch_kmap_local_post_unmap(addr);
		kmap_local_note_unmap(tsk, b.slot + i, pte_pfn(pteval), NULL,
				      KMAP_SWITCHED_OUT);
		this_cpu_inc(kmap_stats.sched_out_slots);
	}
}

/*
 * The events of the loop above, for the sched_switch probe (<trace/
 * events/kmap.h>): the same slots, by the same test, on the same CPU.
 */
void trace_kmap_local_sched_out_slots(struct task_struct *tsk)
{
	struct kmap_local_base b;
	pte_t pteval;
	int i;

	kmap_local_base(&b);
	for (i = 0; i < tsk->kmap_ctrl.idx; i++) {
		if (kmap_local_saved(tsk, i, &pteval))
			trace_record(TRACE_KMAP_LOCAL_SCHED_OUT, b.slot + i,
				     b.addr - i * PAGE_SIZE, pte_pfn(pteval),
				     0, NULL);
	}
}

/*
 * Switch-in: put the task's mappings back at the same addresses. It runs
 * with interrupts on, so each slot's event is recorded next to its PTE
 * write; traced is a constant, and the traced copy is out of line so
 * that the plain loop keeps its registers with tracing off.
 */
static __always_inline void kmap_local_restore(struct task_struct *tsk,
					       bool traced)
{
	struct kmap_local_base b;
	pte_t pteval;
	int i;

	kmap_local_base(&b);
	for (i = 0; i < tsk->kmap_ctrl.idx; i++) {
		unsigned long addr = b.addr - i * PAGE_SIZE;

		if (!kmap_local_saved(tsk, i, &pteval))
			continue;
		set_pte(b.ptep - i, pteval);
		arch_kmap_local_post_map(addr, pteval);
		this_cpu_inc(kmap_stats.sched_in_slots);
		if (traced)
			trace_kmap_local_sched_in(b.slot + i, addr,
						  pte_pfn(pteval));
	}
}

static noinline void kmap_local_restore_traced(struct task_struct *tsk)
{
	kmap_local_restore(tsk, true);
}

/* One nop with tracing off, whatever the number of slots. */
void __kmap_local_sched_in(void)
{
	if (trace_event_on(TRACE_KMAP_LOCAL_SCHED_IN))
		kmap_local_restore_traced(current);
	else
		kmap_local_restore(current, false);
}

/* Field by field: a counter added to struct kmap_stats must be added here. */
void kmap_stats_read(struct kmap_stats *sum)
{
	unsigned int cpu;

	memset(sum, 0, sizeof(*sum));
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		const struct kmap_stats *s = &per_cpu(kmap_stats, cpu);

		sum->local_map += s->local_map;
		sum->local_unmap += s->local_unmap;
		sum->atomic_map += s->atomic_map;
		sum->lowmem_fast += s->lowmem_fast;
		sum->sched_out_slots += s->sched_out_slots;
		sum->sched_in_slots += s->sched_in_slots;
		sum->unmap_order_errors += s->unmap_order_errors;
		sum->irq_unbalanced += s->irq_unbalanced;
		sum->unmap_bad_addr += s->unmap_bad_addr;
		sum->pkmap_map += s->pkmap_map;
		sum->pkmap_hit += s->pkmap_hit;
		sum->pkmap_wraps += s->pkmap_wraps;
		sum->pkmap_sleeps += s->pkmap_sleeps;
	}
}
