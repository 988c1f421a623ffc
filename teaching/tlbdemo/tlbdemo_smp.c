// SPDX-License-Identifier: GPL-2.0
/*
 * Why kmap() needs a shootdown: a stale TLB entry on ANOTHER CPU.
 *
 * A TLB belongs to one CPU, and invlpg acts on that CPU's only. A kernel
 * mapping that every CPU may use (kmap()'s pool, vmap) and that changes
 * must therefore be flushed on every CPU: the "shootdown" of
 * flush_tlb_kernel_range(), an IPI to each other CPU that runs invlpg
 * there (arch/x86/mm/tlb.c). kmap_local's slots need none: each CPU has
 * its own.
 *
 * Each trial, with CPU A the caller's and CPU B another online CPU:
 *   1. A points the slot at page A (flushed everywhere); B reads it: B's
 *      TLB now holds the translation.
 *   2. A points the PTE at page B and runs invlpg -- its own TLB only --
 *      and reads: A sees B.
 *   3. B reads: the OLD page A, from its TLB, while the PTE says B.
 *   4. A runs flush_tlb_kernel_range() on the slot: the shootdown IPI
 *      makes B run invlpg too. B reads: page B.
 * B runs a kthread bound to it with preemption off, so no context switch
 * (whose CR3 write QEMU TCG would take as "flush everything") happens
 * between its reads; interrupts stay on, so the shootdown IPI gets in.
 * Every read is counted; tlbdemo_expect_remote_stale() says what each
 * engine is known to show (docs/tlbdemo.md).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/processor.h>
#include <kmaplab/engine.h>
#include <kmaplab/mm.h>
#include <kmaplab/tlbdemo.h>

#define MAGIC_A 0xaaaa0001U
#define MAGIC_B 0xbbbb0002U

/* A and B take turns: A sets want = n, B does read n and sets done = n. */
struct remote_reader {
	unsigned long va;
	unsigned int want, done;	/* read numbers; 0: none yet */
	unsigned int trials;
	u32 seen[3];			/* of the current trial */
	struct tlbdemo_smp_result *res;
};

static void b_count(struct remote_reader *r)
{
	struct tlbdemo_smp_result *res = r->res;

	res->remote_first_a += r->seen[0] == MAGIC_A;
	res->remote_stale_a += r->seen[1] == MAGIC_A;
	res->remote_after_shootdown_b += r->seen[2] == MAGIC_B;
}

static int remote_reader_fn(void *data)
{
	struct remote_reader *r = data;
	unsigned int n = 0, total = 3 * r->trials;

	/* No switch between the reads: see the comment at the top. */
	preempt_disable();
	while (n < total) {
		while (READ_ONCE(r->want) == n)
			cpu_relax();
		r->seen[n % 3] = READ_ONCE(*(u32 *)r->va);
		n++;
		if (n % 3 == 0)
			b_count(r);
		smp_store_release(&r->done, n);
	}
	preempt_enable();
	return 0;
}

/* Ask B for its next read and wait until it is done. */
static void b_reads(struct remote_reader *r)
{
	unsigned int n = r->want + 1;

	smp_store_release(&r->want, n);
	while (smp_load_acquire(&r->done) != n)
		cpu_relax();
}

static void trial(struct remote_reader *r, pte_t *ptep, struct page *a,
		  struct page *b)
{
	pgprot_t prot = __pgprot(pgprot_val(PAGE_KERNEL) | _PAGE_GLOBAL);
	unsigned long va = r->va;

	set_pte(ptep, mk_pte(a, prot));
	flush_tlb_kernel_range(va, va + PAGE_SIZE);	/* a clean start everywhere */
	b_reads(r);					/* B caches the translation */
	set_pte(ptep, mk_pte(b, prot));
	flush_tlb_one_kernel(va);			/* A's TLB only */
	r->res->local_after_b += READ_ONCE(*(u32 *)va) == MAGIC_B;
	b_reads(r);					/* stale? */
	flush_tlb_kernel_range(va, va + PAGE_SIZE);	/* the shootdown */
	b_reads(r);
	pte_clear(&init_mm, va, ptep);
	flush_tlb_kernel_range(va, va + PAGE_SIZE);
}

static int other_cpu(int cpu)
{
	int c;

	for_each_online_cpu(c)
		if (c != cpu)
			return c;
	return -1;
}

int tlbdemo_smp_run(struct tlbdemo_smp_result *res, unsigned int trials)
{
	static struct remote_reader r;
	struct task_struct *t;
	struct page *a, *b;
	unsigned int i;
	int err = 0;

	memset(res, 0, sizeof(*res));
	res->engine = cpu_engine_name();
	res->engine_id = kmaplab_engine;
	if (!trials)
		return -EINVAL;
	migrate_disable();		/* A stays A */
	res->cpu_a = smp_processor_id();
	res->cpu_b = other_cpu(res->cpu_a);
	if (res->cpu_b < 0) {
		migrate_enable();
		return -ENODEV;
	}
	a = alloc_page(GFP_KERNEL);
	b = alloc_page(GFP_KERNEL);
	if (!a || !b) {
		err = -ENOMEM;
		goto out;
	}
	*(u32 *)page_address(a) = MAGIC_A;
	*(u32 *)page_address(b) = MAGIC_B;
	memset(&r, 0, sizeof(r));
	r.va = __fix_to_virt(FIX_TLBDEMO_A);
	r.trials = trials;
	r.res = res;
	t = kthread_run_on_cpu(remote_reader_fn, &r, res->cpu_b, "tlbdemo/%u");
	if (IS_ERR(t)) {
		err = PTR_ERR(t);
		goto out;
	}
	for (i = 0; i < trials; i++)
		trial(&r, virt_to_kpte(r.va), a, b);
	res->trials = trials;
out:
	if (a)
		__free_page(a);
	if (b)
		__free_page(b);
	migrate_enable();
	return err;
}

/*
 * B's stale read (step 3): B's own cached translation, which no one
 * told B to drop (each vCPU of an emulator keeps its own).
 */
enum tlbdemo_expect tlbdemo_expect_remote_stale(const struct tlbdemo_smp_result *res)
{
	return tlbdemo_expect_cached(res->engine_id);
}

void tlbdemo_smp_report(const struct tlbdemo_smp_result *res)
{
	enum tlbdemo_expect e = tlbdemo_expect_remote_stale(res);
	unsigned int n = res->trials;

	pr_info("tlbdemo across CPUs: %s, CPU %d changes the PTE, CPU %d reads, %u trials\n",
		res->engine, res->cpu_a, res->cpu_b, n);
	pr_info("  CPU %d read 1 (PTE -> A, flushed everywhere) saw A   %6u/%u\n",
		res->cpu_b, res->remote_first_a, n);
	pr_info("  CPU %d after PTE -> B and its own invlpg saw B      %6u/%u\n",
		res->cpu_a, res->local_after_b, n);
	pr_info("  CPU %d read 2 (no shootdown) saw the OLD page A     %6u/%u\n",
		res->cpu_b, res->remote_stale_a, n);
	pr_info("  CPU %d read 3 (after the shootdown IPI) saw B       %6u/%u\n",
		res->cpu_b, res->remote_after_shootdown_b, n);
	pr_info("Expected on %s: CPU %d's read 2 stale in %s, read 3 new in every trial%s\n",
		res->engine, res->cpu_b, tlbdemo_expect_name(e),
		!tlbdemo_meets(e, res->remote_stale_a, n) ||
		res->remote_after_shootdown_b != n ? " -- NOT what was seen." : " -- as seen.");
	if (res->remote_stale_a)
		pr_info("CPU %d's invlpg did nothing for CPU %d: it read the old page through\n"
			"its own TLB. A mapping every CPU may use (kmap()'s pool) must be flushed\n"
			"on every CPU when it changes: flush_tlb_kernel_range()/flush_tlb_all()\n"
			"send the IPI. kmap_local needs none: its slots are per CPU.\n",
			res->cpu_a, res->cpu_b);
}

int tlbdemo_smp_print(unsigned int trials)
{
	struct tlbdemo_smp_result res;
	int err = tlbdemo_smp_run(&res, trials);

	if (!err)
		tlbdemo_smp_report(&res);
	return err;
}
