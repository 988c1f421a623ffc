// SPDX-License-Identifier: GPL-2.0
/*
 * The monitor's own kmap_local mappings: `map PFN` and `unmap [N]`.
 *
 * They are a stack, like any task's. `unmap` releases the most recent
 * one, as correct code does; `unmap N` releases the N-th even when a
 * later one is still held -- the misuse of lab 02 (kunmap_local() out of
 * order), shown live. The kernel then pops the *top* slot whatever it was
 * given (as Linux does) and warns once per boot; the monitor brackets the
 * warning as a deliberate one and says which mapping really went.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/pgtable.h>
#include <kmaplab/monitor.h>
#include <kmaplab/highmem.h>
#include <kmaplab/printk.h>

static struct {
	void *addr;
	unsigned long pfn;
} mon_maps[MONITOR_MAPS];
static int mon_nr_maps;

int monitor_nr_maps(void)
{
	return mon_nr_maps;
}

static bool is_slot(int i)
{
	return kmap_local_addr((unsigned long)mon_maps[i].addr);
}

int cmd_map(int argc, char **argv)
{
	struct page *page;
	unsigned long pfn;
	u8 *v;

	if (monitor_parse_num("pfn", argv[1], &pfn))
		return -EINVAL;
	if (!pfn_valid(pfn)) {
		pr_info("error: pfn %#lx is beyond the last RAM page (max_pfn %#lx)\n",
			pfn, max_pfn);
		return -EINVAL;
	}
	page = pfn_to_page(pfn);
	if (PageReserved(page)) {
		pr_info("error: pfn %#lx is reserved (firmware, a hole or the kernel image); "
			"map a page the allocator manages\n", pfn);
		return -EINVAL;
	}
	if (mon_nr_maps == MONITOR_MAPS) {
		pr_info("error: the monitor holds %d mappings, its limit (MONITOR_MAPS); "
			"unmap one first\n", MONITOR_MAPS);
		return -EINVAL;
	}
	v = kmap_local_page(page);
	mon_maps[mon_nr_maps].addr = v;
	mon_maps[mon_nr_maps++].pfn = pfn;
	if (kmap_local_addr((unsigned long)v))
		pr_info("mapping %d: pfn %#lx (highmem) at %08lx: kmap_local slot %d of CPU %d, valid in task '%s' only\n",
			mon_nr_maps - 1, pfn, (unsigned long)v, current->kmap_ctrl.idx - 1,
			smp_processor_id(), current->comm);
	else
		pr_info("mapping %d: pfn %#lx (lowmem) at %08lx: kmap_local_page returned its direct-map address, no slot taken\n",
			mon_nr_maps - 1, pfn, (unsigned long)v);
	pr_info("first bytes: %*ph\n", 16, v);
	dump_pagetable((unsigned long)v);
	return 0;
}

static void forget(int i)
{
	for (; i + 1 < mon_nr_maps; i++)
		mon_maps[i] = mon_maps[i + 1];
	mon_nr_maps--;
}

/* The most recent mapping that holds a slot (lowmem ones hold none). */
static int top_slot(void)
{
	int i;

	for (i = mon_nr_maps - 1; i >= 0; i--)
		if (is_slot(i))
			return i;
	return -1;
}

/*
 * kunmap_local() of mapping n while mapping top is more recent: the
 * kernel pops top's slot and warns. Bracketed, so that a test log reader
 * (scripts/test/ktap.py) knows the WARNING is asked for.
 */
static void unmap_out_of_order(int n, int top)
{
	static char buf[1024];
	unsigned long addr = (unsigned long)mon_maps[n].addr, pfn = mon_maps[n].pfn;
	unsigned long before;
	struct printk_capture cap;
	struct kmap_stats s;
	pte_t *ptep;
	int i;

	pr_info("unmap %d: kunmap_local(%08lx) while mapping %d (%08lx) is more recent: "
		"out of order (lab 02)\n", n, addr, top,
		(unsigned long)mon_maps[top].addr);
	kmap_stats_read(&s);
	before = s.unmap_order_errors;
	printk_capture_start(&cap, buf, sizeof(buf));
	kunmap_local((void *)addr);
	printk_capture_stop(&cap);
	kmap_stats_read(&s);
	/* Which of ours lost its slot? The PTEs tell, not the request. */
	for (i = mon_nr_maps - 1; i >= 0; i--) {
		if (!is_slot(i))
			continue;
		ptep = virt_to_kpte((unsigned long)mon_maps[i].addr);
		if (ptep && pte_present(*ptep))
			continue;
		pr_info("%s %08lx (pfn %#lx, mapping %d) is gone\n",
			i == n ? "as asked," : "the kernel popped the most recent slot instead:",
			(unsigned long)mon_maps[i].addr, mon_maps[i].pfn, i);
		forget(i);
	}
	ptep = virt_to_kpte(addr);
	if (ptep && pte_present(*ptep))
		pr_info("%08lx (pfn %#lx), the one asked for, is still mapped\n",
			addr, pfn);
	pr_info("out-of-order unmaps counted: %lu more (stat); the WARNING prints once per boot\n",
		s.unmap_order_errors - before);
}

int cmd_unmap(int argc, char **argv)
{
	unsigned long n;
	int top;

	if (!mon_nr_maps) {
		pr_info("error: the monitor holds no mapping (map <pfn> first)\n");
		return -EINVAL;
	}
	n = mon_nr_maps - 1;
	if (argc > 1) {
		if (monitor_parse_num("mapping", argv[1], &n))
			return -EINVAL;
		if (n >= (unsigned long)mon_nr_maps) {
			pr_info("error: no mapping %lu (the monitor holds mappings 0..%d, numbered as map printed them)\n",
				n, mon_nr_maps - 1);
			return -EINVAL;
		}
	}
	top = top_slot();
	if (is_slot(n) && (int)n != top) {
		unmap_out_of_order(n, top);
		return 0;
	}
	kunmap_local(mon_maps[n].addr);
	pr_info("unmapped %08lx (pfn %#lx); %d mapping(s) left\n",
		(unsigned long)mon_maps[n].addr, mon_maps[n].pfn, mon_nr_maps - 1);
	forget(n);
	return 0;
}
