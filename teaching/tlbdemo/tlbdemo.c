// SPDX-License-Identifier: GPL-2.0
/*
 * Why every slot change needs invlpg: a demonstration on real paging.
 *
 * The CPU caches translations in the TLB. Changing a PTE in memory does
 * not change the cached copy: until it is invalidated, the old page is
 * still what the address reaches. Architecturally (Intel SDM vol. 3,
 * 4.10.4.1): invlpg drops the entry for one page, global or not; a write
 * to CR3 drops the non-global entries only; toggling CR4.PGE drops them
 * all. A CPU *may* also drop entries whenever it likes, and emulators
 * keep entries longer or shorter than a given CPU would -- so this code
 * counts what every read saw and draws its explanation from the counts.
 * What each engine is known to do (QEMU TCG drops global entries on a
 * CR3 write, Bochs and real CPUs keep them) is in tlbdemo_expect_*(),
 * which the tlbdemo suite asserts; docs/tlbdemo.md has the table.
 *
 * Two fixmap slots nobody else uses: FIX_TLBDEMO_A gets global PTEs (as
 * every kernel mapping here), FIX_TLBDEMO_B non-global ones.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/processor.h>
#include <kmaplab/engine.h>
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
		/*
		 * This CPU only: flush_tlb_all() would also ask every other
		 * CPU by IPI, which cannot be waited for with interrupts off
		 * -- and no other CPU ever touched the slot.
		 */
		if (read_cr4() & X86_CR4_PGE)
			__flush_tlb_all();
		else
			write_cr3(read_cr3());
		break;
	}
}

static u32 read_slot(unsigned long va)
{
	/* One real load per call: the compiler may not merge the three reads. */
	return READ_ONCE(*(u32 *)va);
}

/*
 * One trial, interrupts off: a timer interrupt in the middle could
 * switch tasks, and the switch's own flushes would hide what we look for.
 */
static void trial(struct tlbdemo_row *row, pte_t *ptep, struct page *a,
		  struct page *b)
{
	pgprot_t prot = PAGE_KERNEL;
	unsigned long va = row->slot, flags;

	if (row->global)
		prot = __pgprot(pgprot_val(prot) | _PAGE_GLOBAL);
	else
		prot = __pgprot(pgprot_val(prot) & ~_PAGE_GLOBAL);
	local_irq_save(flags);
	set_pte(ptep, mk_pte(a, prot));
	flush_tlb_one_kernel(va);		/* start from a clean TLB entry */
	row->first_a += read_slot(va) == MAGIC_A;	/* now cached */
	set_pte(ptep, mk_pte(b, prot));		/* ...and do not tell the CPU */
	row->stale_a += read_slot(va) == MAGIC_A;
	invalidate(row->method, va);
	row->after_b += read_slot(va) == MAGIC_B;
	/* Leave the slot empty and forgotten whatever the engine kept. */
	pte_clear(&init_mm, va, ptep);
	flush_tlb_one_kernel(va);
	local_irq_restore(flags);
	row->trials++;
}

int tlbdemo_run(struct tlbdemo_result *res, unsigned int trials)
{
	struct page *a, *b;
	unsigned int r, t;

	if (!trials)
		return -EINVAL;
	a = alloc_page(GFP_KERNEL);
	b = alloc_page(GFP_KERNEL);
	if (!a || !b) {
		if (a)
			__free_page(a);
		if (b)
			__free_page(b);
		return -ENOMEM;
	}
	*(u32 *)page_address(a) = MAGIC_A;
	*(u32 *)page_address(b) = MAGIC_B;
	memset(res, 0, sizeof(*res));
	/* One CPU for the whole run: its TLB is what is being watched. */
	migrate_disable();
	res->cpu = smp_processor_id();
	res->engine = cpu_engine_name();
	res->engine_id = kmaplab_engine;
	res->pge = read_cr4() & X86_CR4_PGE;
	for (r = 0; r < TLBDEMO_ROWS; r++) {
		struct tlbdemo_row *row = &res->rows[r];

		row->global = r < NR_TLBDEMO_METHODS;
		row->method = r % NR_TLBDEMO_METHODS;
		row->slot = __fix_to_virt(row->global ? FIX_TLBDEMO_A : FIX_TLBDEMO_B);
		for (t = 0; t < trials; t++)
			trial(row, virt_to_kpte(row->slot), a, b);
	}
	migrate_enable();
	__free_page(a);
	__free_page(b);
	return 0;
}

const struct tlbdemo_row *tlbdemo_row(const struct tlbdemo_result *res,
				      bool global, enum tlbdemo_method m)
{
	return &res->rows[(global ? 0 : NR_TLBDEMO_METHODS) + m];
}

/*
 * Per engine, what the counts must be (docs/tlbdemo.md has the table).
 * A translation cached and not flushed is used again: the emulators keep
 * it until told to drop it, every trial; a real TLB (KVM, hardware) may
 * lose it at any time, so most trials.
 */
enum tlbdemo_expect tlbdemo_expect_cached(enum kmaplab_engine engine)
{
	switch (engine) {
	case ENGINE_QEMU_TCG:
	case ENGINE_BOCHS:
		return TLBDEMO_EVERY;
	case ENGINE_QEMU_KVM:
	case ENGINE_BARE_METAL:
		return TLBDEMO_MOST;
	default:
		return TLBDEMO_ANY;
	}
}

/* Every engine caches the translation read 1 made, so read 2 is stale. */
enum tlbdemo_expect tlbdemo_expect_stale(const struct tlbdemo_result *res)
{
	return tlbdemo_expect_cached(res->engine_id);
}

/*
 * The architecture (SDM 4.10.4.1): a CR3 write with CR4.PGE on leaves
 * global entries alone. Bochs, KVM (the guest runs on the real TLB) and a
 * real CPU do so; QEMU TCG flushes its whole software TLB on every CR3
 * write (tlb_flush() in target/i386), global entries too. With CR4.PGE
 * off there are no global entries: every engine drops them all.
 */
enum tlbdemo_expect tlbdemo_expect_cr3_keeps_global(const struct tlbdemo_result *res)
{
	if (!res->pge || res->engine_id == ENGINE_QEMU_TCG)
		return TLBDEMO_NONE;
	return tlbdemo_expect_cached(res->engine_id);	/* kept as cached */
}

bool tlbdemo_meets(enum tlbdemo_expect e, unsigned int n, unsigned int of)
{
	switch (e) {
	case TLBDEMO_EVERY:
		return n == of;
	case TLBDEMO_MOST:
		return 2 * n > of;
	case TLBDEMO_NONE:
		return n == 0;
	default:
		return true;
	}
}

const char *tlbdemo_expect_name(enum tlbdemo_expect e)
{
	static const char *const names[] = {
		[TLBDEMO_ANY] = "no expectation", [TLBDEMO_EVERY] = "every trial",
		[TLBDEMO_MOST] = "most trials", [TLBDEMO_NONE] = "no trial",
	};

	return e <= TLBDEMO_NONE ? names[e] : "?";
}

static const char *share(unsigned int n, unsigned int of)
{
	return n == of ? "every" : n ? "some" : "no";
}

/* What the counts say, in words; each sentence depends on a count. */
static void explain(const struct tlbdemo_result *res)
{
	const struct tlbdemo_row *g_cr3 = tlbdemo_row(res, true, TLBDEMO_CR3);
	unsigned int stale = 0, reads = 0, bad_invlpg = 0, r;

	for (r = 0; r < TLBDEMO_ROWS; r++) {
		stale += res->rows[r].stale_a;
		reads += res->rows[r].trials;
	}
	for (r = 0; r < 2; r++) {
		const struct tlbdemo_row *row = tlbdemo_row(res, !r, TLBDEMO_INVLPG);

		bad_invlpg += row->trials - row->after_b;
	}

	if (stale)
		pr_info("Read 2 saw the OLD page A in %u of %u trials: the PTE in memory said B,\n"
			"but the CPU used the translation it had cached. That is why kunmap_local()\n"
			"ends with invlpg of the slot (arch_kmap_local_post_unmap), and why kmap()'s\n"
			"pool flushes before a slot is reused.\n", stale, reads);
	else
		pr_info("Read 2 never saw page A here: %s re-walked the page tables (or dropped\n"
			"the entry) every time. Nothing promises that: a CPU may keep the old\n"
			"translation as long as it likes, so the invlpg is still required.\n",
			res->engine);
	if (!bad_invlpg)
		pr_info("invlpg made read 3 see B in every trial, global PTE or not: one page,\n"
			"one instruction, this CPU only -- the cheap flush kmap_local relies on.\n");
	else
		pr_info("invlpg FAILED to show B in %u trials: this engine does not honour it.\n",
			bad_invlpg);
	if (!res->pge) {
		pr_info("CR4.PGE is off on this boot: the global bit means nothing, and mov cr3\n"
			"drops every entry.\n");
		return;
	}
	if (g_cr3->after_b == g_cr3->trials && res->engine_id == ENGINE_QEMU_TCG)
		pr_info("mov cr3 dropped the GLOBAL entry too (read 3 saw B in every trial). That is\n"
			"QEMU TCG's deviation, not the architecture: TCG flushes its whole software\n"
			"TLB on every CR3 write. Bochs, KVM and real CPUs keep global entries across\n"
			"a CR3 write (SDM 4.10.4.1), and kernel mappings are global: there read 3\n"
			"still sees page A. Only invlpg or a CR4.PGE toggle drops a global entry.\n");
	else if (g_cr3->after_b == g_cr3->trials)
		pr_info("mov cr3 dropped the GLOBAL entry too (read 3 saw B in every trial). A real\n"
			"CPU keeps global entries across a CR3 write (SDM 4.10.4.1) -- %s is\n"
			"more generous than the architecture. Kernel mappings are global, so on\n"
			"hardware read 3 may well have seen page A still: use invlpg, or toggle\n"
			"CR4.PGE to drop everything.\n", res->engine);
	else
		pr_info("mov cr3 kept the global entry in %u of %u trials (read 3 still saw A), as\n"
			"the architecture says: kernel mappings are global, so a CR3 write does\n"
			"not forget them. Only invlpg or a CR4.PGE toggle does.\n",
			g_cr3->trials - g_cr3->after_b, g_cr3->trials);
	pr_info("A CR4.PGE toggle made read 3 see B in %s trial (global and not): it drops\n"
		"everything on this CPU. flush_tlb_all() does that on every CPU (by IPI)\n"
		"when kmap()'s pool wraps.\n",
		share(tlbdemo_row(res, true, TLBDEMO_PGE)->after_b +
		      tlbdemo_row(res, false, TLBDEMO_PGE)->after_b,
		      tlbdemo_row(res, true, TLBDEMO_PGE)->trials +
		      tlbdemo_row(res, false, TLBDEMO_PGE)->trials));
}

/* One line: what this engine should show, and whether it did. */
static void report_expectation(const struct tlbdemo_result *res)
{
	const struct tlbdemo_row *g = tlbdemo_row(res, true, TLBDEMO_CR3);
	enum tlbdemo_expect st = tlbdemo_expect_stale(res);
	enum tlbdemo_expect cr3 = tlbdemo_expect_cr3_keeps_global(res);
	unsigned int stale = 0, reads = 0, r;
	bool ok;

	for (r = 0; r < TLBDEMO_ROWS; r++) {
		stale += res->rows[r].stale_a;
		reads += res->rows[r].trials;
	}
	ok = tlbdemo_meets(st, stale, reads) &&
	     tlbdemo_meets(cr3, g->trials - g->after_b, g->trials);
	pr_info("Expected on %s: read 2 stale in %s, mov cr3 keeps the global entry in %s%s\n",
		res->engine, tlbdemo_expect_name(st), tlbdemo_expect_name(cr3),
		st == TLBDEMO_ANY && cr3 == TLBDEMO_ANY ? "" : ok ? " -- as seen." :
		" -- NOT what was seen: this engine does not behave as documented.");
}

void tlbdemo_report(const struct tlbdemo_result *res)
{
	unsigned int r;

	pr_info("tlbdemo: %s, CPU %u, CR4.PGE %s, %u trials per row\n", res->engine,
		res->cpu, res->pge ? "on" : "off", res->rows[0].trials);
	pr_info("  read 1: PTE -> A, flushed     read 2: PTE -> B, NOT flushed\n");
	pr_info("  read 3: after the invalidation named in the row\n");
	pr_info("  slot      PTE         invalidation    read 1 saw A  read 2 saw A  read 3 saw B\n");
	for (r = 0; r < TLBDEMO_ROWS; r++) {
		const struct tlbdemo_row *row = &res->rows[r];

		pr_info("  %08lx  %-10s  %-14s  %6u/%-6u %6u/%-6u %6u/%-6u\n",
			row->slot, row->global ? "global" : "non-global",
			tlbdemo_method_name(row->method), row->first_a, row->trials,
			row->stale_a, row->trials, row->after_b, row->trials);
	}
	report_expectation(res);
	explain(res);
}

int tlbdemo_print(unsigned int trials)
{
	struct tlbdemo_result res;
	int err = tlbdemo_run(&res, trials);

	if (err)
		return err;
	tlbdemo_report(&res);
	return 0;
}
