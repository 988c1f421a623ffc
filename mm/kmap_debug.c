// SPDX-License-Identifier: GPL-2.0
/*
 * Looking at the temporary mappings from outside: the counters, and
 * which slots every task holds (the monitor's "stat" and "kmaps").
 */
#include <linux/highmem.h>
#include <linux/spinlock.h>
#include <asm/tlbflush.h>
#include <kmaplab/highmem.h>

void show_kmap_stats(void)
{
	struct kmap_stats s;
	unsigned long invlpg = 0, flush_all = 0, range = 0;
	unsigned int cpu;

	kmap_stats_read(&s);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		invlpg += per_cpu(tlb_stats, cpu).invlpg;
		flush_all += per_cpu(tlb_stats, cpu).flush_all;
		range += per_cpu(tlb_stats, cpu).flush_range;
	}
	pr_info("kmap_local/kmap_atomic: %lu maps (%lu with page faults off), %lu unmaps, "
		"%lu out-of-order unmaps\n", s.local_map, s.atomic_map,
		s.local_unmap, s.unmap_order_errors);
	if (s.unmap_bad_addr)
		pr_info("  kunmap_local() of addresses that were not kmap_local slots: %lu\n",
			s.unmap_bad_addr);
	if (s.irq_unbalanced)
		pr_info("  interrupts that returned holding mappings: %lu\n",
			s.irq_unbalanced);
	pr_info("  lowmem pages through the out-of-line path (no slot): %lu\n",
		s.lowmem_fast);
	pr_info("  context switches: %lu slots saved (cleared), %lu restored\n",
		s.sched_out_slots, s.sched_in_slots);
	pr_info("kmap pool: %lu new slots, %lu hits on a mapped page, %lu wraps, "
		"%lu sleeps (pool full)\n", s.pkmap_map, s.pkmap_hit,
		s.pkmap_wraps, s.pkmap_sleeps);
	pr_info("TLB: %lu invlpg (single page), %lu full flushes, %lu range flushes\n",
		invlpg, flush_all, range);
}

/* Every task's kmap_local slots, from its saved PTE values. */
void show_kmaps(void)
{
	struct task_struct *p;
	unsigned long flags;
	int i;

	pr_info("kmap_local/kmap_atomic slots per task (KM_MAX_IDX %d%s):\n",
		KM_MAX_IDX,
		IS_ENABLED(CONFIG_DEBUG_KMAP_LOCAL) ? ", debug guard slots" : "");
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (!p->kmap_ctrl.idx)
			continue;
		pr_info("  %s (pid %d): %d mapping(s)%s\n", p->comm, p->pid,
			p->kmap_ctrl.idx / KM_INCR,
			p == current ? ", live now" : ", saved while switched out");
		for (i = KM_INCR - 1; i < p->kmap_ctrl.idx; i += KM_INCR) {
			pte_t pte = p->kmap_ctrl.pteval[i];
			int idx = i + KM_MAX_IDX * p->cpu;

			pr_info("    slot %2d  %08lx  pfn %#07lx  pte %016llx\n", i,
				__fix_to_virt(FIX_KMAP_BEGIN + idx), pte_pfn(pte),
				pte_val(pte));
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
