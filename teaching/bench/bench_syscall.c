// SPDX-License-Identifier: GPL-2.0
/*
 * The "read" benchmark case: read() of one page-cache page -- lowmem or
 * highmem -- into a user buffer, by each of the page cache's two copy
 * paths (filemap_copy=, <kmaplab/fault.h>):
 *
 *   read_local_*   kmap_local_page() + copy_to_user(), which may fault
 *   read_atomic_*  kmap_atomic() + __copy_to_user_inatomic(); short copy,
 *                  unmap, fault_in_writeable(), retry
 *
 * into a buffer that is present (every op reads into the same page) or
 * fresh (every op reads into the next, never-touched page of a large
 * VMA: each op pays one anonymous fault, a page allocation and zeroing).
 * The bench task borrows a user address space as the tests do
 * (kthread_use_mm()); the file is an inode outside the name space whose
 * one page the case allocates from the zone it wants.
 *
 * Besides the ticks per op (= per call) the report gives bytes per op,
 * and the fault counters over the run: faults resolved and fixed up,
 * short copies, retries, fault sleeps (fault_sleep_ms), local slots
 * saved and restored by context switches.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <kmaplab/bench.h>
#include <kmaplab/highmem.h>
#include <kmaplab/fault.h>

#define READ_BASE 0x30000000UL
#define READ_MAX_BATCH 128	/* fresh pages: 32 batches of this, 16 MiB */

struct read_ctx {
	struct inode inode;
	struct page *pages[1];
	unsigned long next, next_base;
	bool fresh;
};

static __always_inline unsigned long next_buf(struct read_ctx *c,
					      unsigned long *next)
{
	return READ_BASE + (c->fresh ? (*next)++ << PAGE_SHIFT : 0);
}

static void op_read(void *arg)
{
	struct read_ctx *c = arg;

	filemap_read(&c->inode, (char __user *)next_buf(c, &c->next), PAGE_SIZE, 0);
}

static void op_read_base(void *arg)
{
	struct read_ctx *c = arg;
	unsigned long buf = next_buf(c, &c->next_base);

	__asm__ __volatile__("" : : "r"(buf));
}

struct read_variant {
	const char *name;
	enum filemap_copy_path path;
	bool fresh;
};

static const struct read_variant variants[] = {
	{ "read_local_present", FILEMAP_COPY_KMAP_LOCAL, false },
	{ "read_atomic_present", FILEMAP_COPY_KMAP_ATOMIC, false },
	{ "read_local_fresh", FILEMAP_COPY_KMAP_LOCAL, true },
	{ "read_atomic_fresh", FILEMAP_COPY_KMAP_ATOMIC, true },
};

static void add_fault_counters(struct bench_result *r,
			       const struct uaccess_fault_snap *f0,
			       const struct kmap_stats *k0)
{
	struct uaccess_fault_snap f1;
	struct kmap_stats k1;

	uaccess_fault_snap(&f1);
	kmap_stats_read(&k1);
	r->faults = f1.resolved - f0->resolved;
	r->fixups = f1.fixed_up - f0->fixed_up;
	r->short_copies = f1.short_copies - f0->short_copies;
	r->retries = f1.retries - f0->retries;
	r->fault_sleeps = f1.sleeps - f0->sleeps;
	r->slots_saved = k1.sched_out_slots - k0->sched_out_slots;
	r->slots_restored = k1.sched_in_slots - k0->sched_in_slots;
}

/* One variant on one page-cache page, in a fresh address space. */
static int read_one(struct bench_result *r, const struct read_variant *v,
		    struct read_ctx *c, unsigned int n)
{
	unsigned long pages = v->fresh ? (unsigned long)n * 33 : 1;
	struct mm_struct *mm = mm_alloc();
	enum filemap_copy_path saved = filemap_copy_path;
	struct uaccess_fault_snap f0;
	struct vm_area_struct *vma;
	struct kmap_stats k0;

	if (!mm)
		return -ENOMEM;
	vma = vma_alloc(mm, READ_BASE, READ_BASE + pages * PAGE_SIZE, VM_READ | VM_WRITE);
	if (!vma || insert_vm_struct(mm, vma)) {
		mmput(mm);
		return -ENOMEM;
	}
	kthread_use_mm(mm);
	c->fresh = v->fresh;
	c->next = c->next_base = 0;
	if (!v->fresh && put_user(0, (char __user *)READ_BASE))
		goto fail;
	filemap_copy_path = v->path;
	uaccess_fault_snap(&f0);
	kmap_stats_read(&k0);
	bench_measure(r, op_read, op_read_base, c, n);
	add_fault_counters(r, &f0, &k0);
	filemap_copy_path = saved;
	r->name = v->name;
	r->pages = 1;
	r->bytes = PAGE_SIZE;
	kthread_unuse_mm(mm);
	mmput(mm);
	return 0;
fail:
	kthread_unuse_mm(mm);
	mmput(mm);
	return -EFAULT;
}

int case_read(struct bench_result *res, int max, unsigned int iters)
{
	static struct read_ctx c;	/* an inode is too much for the stack */
	static const gfp_t zones[] = { GFP_KERNEL, GFP_HIGHUSER };
	unsigned int n = clamp(iters / 32, 1U, (unsigned int)READ_MAX_BATCH);
	int z, i, out = 0;

	if (current->mm)
		return -EBUSY;		/* a user process's task: not this one */
	for (z = 0; z < (int)ARRAY_SIZE(zones); z++) {
		struct page *page = alloc_page(zones[z]);

		if (!page)
			continue;
		if (z && !PageHighMem(page)) {	/* no highmem: nothing to say */
			__free_page(page);
			continue;
		}
		memset(&c, 0, sizeof(c));
		c.pages[0] = page;
		c.inode.i_pages = c.pages;
		c.inode.i_nr_pages = 1;
		c.inode.i_size = PAGE_SIZE;
		for (i = 0; i < (int)ARRAY_SIZE(variants) && out < max; i++) {
			res[out].mem = PageHighMem(page) ? "highmem" : "lowmem";
			if (!read_one(&res[out], &variants[i], &c, n))
				out++;
		}
		__free_page(page);
	}
	return out ? out : -ENOMEM;
}
