// SPDX-License-Identifier: GPL-2.0
/*
 * Why every slot change needs invlpg: a demonstration on real paging.
 *
 * The CPU caches translations in the TLB. Changing a PTE in memory does
 * not change the cached copy: until it is invalidated, the old page is
 * still what the address reaches. Architecturally (Intel SDM vol. 3,
 * 4.10.4): invlpg drops the entry for one page, global or not; a write to
 * CR3 drops the non-global entries only; toggling CR4.PGE drops them all.
 * Emulators may keep entries longer or shorter than a given CPU would,
 * so this code reports what it saw and assumes nothing.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/processor.h>
#include <kmaplab/tlbdemo.h>

#define MAGIC_A 0xaaaa0001U
#define MAGIC_B 0xbbbb0002U

const char *tlbdemo_method_name(enum tlbdemo_method m)
{
	static const char *const names[] = {
		[TLBDEMO_INVLPG] = "invlpg", [TLBDEMO_CR3] = "mov cr3",
		[TLBDEMO_PGE] = "CR4.PGE toggle",
	};

	return m < NR_TLBDEMO_METHODS ? names[m] : "?";
}

const char *cpu_engine_name(void)
{
	static char sig[13];
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	if (!(c & (1U << 31)))
		return "bare metal (no hypervisor bit)";
	cpuid(0x40000000, &a, &b, &c, &d);
	memcpy(sig, &b, 4);
	memcpy(sig + 4, &c, 4);
	memcpy(sig + 8, &d, 4);
	if (!strcmp(sig, "TCGTCGTCGTCG"))
		return "QEMU TCG";
	if (!strncmp(sig, "KVMKVMKVM", 9))
		return "KVM";
	return sig[0] ? sig : "a hypervisor";
}

static void invalidate(enum tlbdemo_method m, unsigned long va)
{
	switch (m) {
	case TLBDEMO_INVLPG:
		flush_tlb_one_kernel(va);
		break;
	case TLBDEMO_CR3:
		write_cr3(read_cr3());
		break;
	default:
		flush_tlb_all();
		break;
	}
}

static u32 read_slot(unsigned long va)
{
	return *(volatile u32 *)va;
}

/* One trial, interrupts off so nothing else touches the TLB meanwhile. */
static void trial(struct tlbdemo_row *row, pte_t *ptep, unsigned long va,
		  struct page *a, struct page *b)
{
	pgprot_t prot = PAGE_KERNEL;
	unsigned long flags;

	if (!row->global)
		prot = __pgprot(pgprot_val(prot) & ~_PAGE_GLOBAL);
	local_irq_save(flags);
	set_pte(ptep, mk_pte(a, prot));
	flush_tlb_one_kernel(va);		/* start clean */
	row->first_a += read_slot(va) == MAGIC_A;
	set_pte(ptep, mk_pte(b, prot));		/* ...and do not tell the CPU */
	row->stale_a += read_slot(va) == MAGIC_A;
	invalidate(row->method, va);
	row->after_b += read_slot(va) == MAGIC_B;
	pte_clear(&init_mm, va, ptep);
	flush_tlb_one_kernel(va);
	local_irq_restore(flags);
	row->trials++;
}

int tlbdemo_run(struct tlbdemo_row *rows, unsigned int trials)
{
	unsigned long va = __fix_to_virt(FIX_TLBDEMO_A);
	pte_t *ptep = virt_to_kpte(va);
	struct page *a = alloc_page(GFP_KERNEL), *b = alloc_page(GFP_KERNEL);
	unsigned int r, t;

	if (!a || !b) {
		if (a)
			__free_page(a);
		if (b)
			__free_page(b);
		return -ENOMEM;
	}
	*(u32 *)page_address(a) = MAGIC_A;
	*(u32 *)page_address(b) = MAGIC_B;
	for (r = 0; r < TLBDEMO_ROWS; r++) {
		memset(&rows[r], 0, sizeof(rows[r]));
		rows[r].global = r < NR_TLBDEMO_METHODS;
		rows[r].method = r % NR_TLBDEMO_METHODS;
		for (t = 0; t < trials; t++)
			trial(&rows[r], ptep, va, a, b);
	}
	__free_page(a);
	__free_page(b);
	return 0;
}

void tlbdemo_print(unsigned int trials)
{
	struct tlbdemo_row rows[TLBDEMO_ROWS];
	unsigned int r;

	if (tlbdemo_run(rows, trials)) {
		pr_info("tlbdemo: out of memory\n");
		return;
	}
	pr_info("tlbdemo on %s, %u trials per row, slot %08lx:\n",
		cpu_engine_name(), trials, __fix_to_virt(FIX_TLBDEMO_A));
	pr_info("  PTE         invalidation      1st read=A  after silent change=A (stale)  after invalidation=B\n");
	for (r = 0; r < TLBDEMO_ROWS; r++)
		pr_info("  %-10s  %-15s  %5u/%-5u  %5u/%-5u                      %5u/%-5u\n",
			rows[r].global ? "global" : "non-global",
			tlbdemo_method_name(rows[r].method),
			rows[r].first_a, rows[r].trials, rows[r].stale_a,
			rows[r].trials, rows[r].after_b, rows[r].trials);
	pr_info("Reading: a stale read means the CPU still used the cached translation\n");
	pr_info("of page A after the PTE said B -- why kmap code must invlpg every slot\n");
	pr_info("change. On a real CPU, mov cr3 keeps *global* entries (kernel mappings\n");
	pr_info("are global), so only invlpg or a CR4.PGE toggle is guaranteed to drop\n");
	pr_info("them; an emulator that drops them on mov cr3 too is being more generous\n");
	pr_info("than the architecture promises, not showing that mov cr3 is enough.\n");
}
