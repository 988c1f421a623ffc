// SPDX-License-Identifier: GPL-2.0
/*
 * The seeds' "it's valid to take pagefaults in a local kmap region", in
 * the real read() path: task A reads a page-cache page (highmem) into a
 * user buffer that is not there yet, with every anonymous fault made to
 * sleep (fault_sleep_ms). On the same CPU, while A sleeps, task B (the
 * test itself) maps a page of its own.
 *
 *  - kmap_local path: A sleeps *inside* the copy holding its mapping at
 *    X; B gets the same X for its own page and reads its own bytes
 *    there; A wakes, its slot is put back, its copy completes with the
 *    file's bytes. The counters show a sleep with a slot held and the
 *    slot saved and restored by the context switches.
 *  - kmap_atomic path: the in-atomic copy stops short (the fault is
 *    fixed up, not resolved), A unmaps, faults the buffer in -- and
 *    sleeps there holding no mapping with page faults on -- then
 *    retries. Same bytes; a short copy, a retry, no sleep with a slot.
 *
 * And both paths give the same bytes for read() and write() across a
 * page boundary whose second page is missing.
 *
 * kmaplab-lint: allow kmap_atomic -- checks the old kmap_atomic copy path of read()
 */
#include "user_fault_test.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/uaccess.h>

/*
 * Long enough that B, polling every millisecond, sees A asleep even on a
 * host that starves this vCPU: a short sleep let A finish first there.
 */
#define FAULT_SLEEP_TEST_MS 500
#define WAIT_LIMIT (20 * HZ)

struct reader_ctx {
	struct mm_struct *mm;
	struct inode *inode;
	ssize_t ret;
	int bad;			/* first wrong byte of A's buffer, or -1 */
	u8 buf[PAGE_SIZE];
	struct completion done;
};

/* Task A: read() the file into the fresh user buffer, then check it. */
static int reader_fn(void *arg)
{
	struct reader_ctx *c = arg;

	kthread_use_mm(c->mm);
	c->ret = filemap_read(c->inode, (char __user *)UF_BASE, PAGE_SIZE, 0);
	if (copy_from_user(c->buf, (const void __user *)UF_BASE, PAGE_SIZE))
		c->bad = -2;
	else
		c->bad = kt_check(c->buf, UF_SEED_FILE);
	kthread_unuse_mm(c->mm);
	complete(&c->done);
	return 0;
}

/* Wait (sleeping: A needs this CPU) until A sleeps in a fault. */
static bool wait_for_fault_sleep(struct task_struct *a, unsigned long sleeps0)
{
	unsigned long end = jiffies + WAIT_LIMIT;

	while (time_before(jiffies, end)) {
		if ((unsigned long)atomic_read(&uaccess_fault_stats.sleeps) != sleeps0 &&
		    READ_ONCE(a->__state) != TASK_RUNNING)
			return true;
		msleep(1);
	}
	return false;
}

/* The address of the top kmap_local mapping a switched-out task holds. */
static unsigned long saved_slot_addr(struct task_struct *t, unsigned long *pfn)
{
	int idx = t->kmap_ctrl.idx - 1;

	*pfn = pte_pfn(t->kmap_ctrl.pteval[idx]);
	return __fix_to_virt(FIX_KMAP_BEGIN + arch_kmap_local_map_idx(idx, *pfn));
}

/*
 * B, on A's CPU while A sleeps: A's state, then B's own page at X. No
 * assertion here: A is running, an early end would leave it behind.
 */
static void check_while_a_sleeps(struct kunit *test, struct task_struct *a,
				 struct reader_ctx *c, struct page *other,
				 bool atomic)
{
	unsigned long x = 0, pfn = 0;
	void *y;

	if (completion_done(&c->done)) {
		KUNIT_FAIL(test, "A finished its read() before B could look: B was starved for %u ms",
			   FAULT_SLEEP_TEST_MS);
		return;
	}
	if (atomic) {
		/* In fault_in_writeable(): no slot, page faults and preemption on. */
		KUNIT_EXPECT_EQ(test, a->kmap_ctrl.idx, 0);
		KUNIT_EXPECT_EQ(test, a->pagefault_disabled, 0);
	} else {
		/* Inside copy_to_user(): one slot, the page-cache page. */
		KUNIT_EXPECT_EQ(test, a->kmap_ctrl.idx, KM_INCR);
		if (a->kmap_ctrl.idx < KM_INCR)
			return;
		x = saved_slot_addr(a, &pfn);
		KUNIT_EXPECT_EQ(test, pfn, page_to_pfn(c->inode->i_pages[0]));
	}
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	y = kmap_local_page(other);
	if (!atomic)
		KUNIT_EXPECT_EQ(test, (unsigned long)y, x);	/* the same X... */
	KUNIT_EXPECT_EQ(test, kt_check(y, UF_SEED_OTHER), -1);	/* ...B's page */
	kunmap_local(y);
}

static void sleeping_fault_in_read(struct kunit *test, bool atomic)
{
	struct reader_ctx *cp = kunit_kzalloc(test, sizeof(*cp), GFP_KERNEL);
	struct uaccess_fault_snap f0, f1;
	struct kt_counters k0, k1;
	struct page *other;
	struct task_struct *a;
	struct uf_knobs saved;
	void *v;

	KUNIT_ASSERT_NOT_NULL(test, cp);
	cp->inode = uf_file(test);
	other = kt_alloc_highpage(test);
	v = kmap_local_page(other);
	kt_fill(v, UF_SEED_OTHER);
	kunmap_local(v);
	cp->mm = uf_mm(test, 1);
	init_completion(&cp->done);

	uf_knobs_set(&saved, atomic ? FILEMAP_COPY_KMAP_ATOMIC : FILEMAP_COPY_KMAP_LOCAL,
		     FAULT_SLEEP_TEST_MS);
	uaccess_fault_snap(&f0);
	kt_counters(&k0);
	migrate_disable();	/* A goes on this CPU: B is this task */
	a = kthread_run_on_cpu(reader_fn, cp, smp_processor_id(), "uf-reader/%u");
	if (!IS_ERR(a))
		get_task_struct(a);	/* B reads A's slots, even if A has gone */
	if (!IS_ERR(a) && wait_for_fault_sleep(a, f0.sleeps))
		check_while_a_sleeps(test, a, cp, other, atomic);
	else
		KUNIT_FAIL(test, "task A never slept in a fault");
	migrate_enable();
	KUNIT_ASSERT_FALSE(test, IS_ERR(a));
	/* A hung here would keep c and the mm: the run's timeout ends it. */
	wait_for_completion(&cp->done);
	put_task_struct(a);
	uf_knobs_restore(&saved);
	uaccess_fault_snap(&f1);
	kt_counters(&k1);

	KUNIT_EXPECT_EQ(test, cp->ret, (ssize_t)PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, cp->bad, -1);		/* A's data is right */
	KUNIT_EXPECT_GE(test, f1.sleeps - f0.sleeps, 1UL);
	if (atomic) {
		KUNIT_EXPECT_GE(test, f1.fixed_up - f0.fixed_up, 1UL);
		KUNIT_EXPECT_GE(test, f1.short_copies - f0.short_copies, 1UL);
		KUNIT_EXPECT_GE(test, f1.retries - f0.retries, 1UL);
		KUNIT_EXPECT_EQ(test, f1.sleeps_mapped - f0.sleeps_mapped, 0UL);
	} else {
		KUNIT_EXPECT_EQ(test, f1.short_copies - f0.short_copies, 0UL);
		KUNIT_EXPECT_EQ(test, f1.retries - f0.retries, 0UL);
		KUNIT_EXPECT_GE(test, f1.sleeps_mapped - f0.sleeps_mapped, 1UL);
		KUNIT_EXPECT_GE(test, k1.kmap.sched_out_slots - k0.kmap.sched_out_slots, 1UL);
		KUNIT_EXPECT_GE(test, k1.kmap.sched_in_slots - k0.kmap.sched_in_slots, 1UL);
	}
	kunit_info(test, "%s: %lu fault sleep(s), %lu with a slot held; %lu fixed up, "
		   "%lu short copies, %lu retries; slots saved %lu, restored %lu",
		   atomic ? "kmap_atomic" : "kmap_local", f1.sleeps - f0.sleeps,
		   f1.sleeps_mapped - f0.sleeps_mapped, f1.fixed_up - f0.fixed_up,
		   f1.short_copies - f0.short_copies, f1.retries - f0.retries,
		   k1.kmap.sched_out_slots - k0.kmap.sched_out_slots,
		   k1.kmap.sched_in_slots - k0.kmap.sched_in_slots);
	mmput(cp->mm);
	uf_file_free(cp->inode);
	__free_page(other);
}

static void sleeping_fault_kmap_local(struct kunit *test)
{
	sleeping_fault_in_read(test, false);
}

static void sleeping_fault_kmap_atomic(struct kunit *test)
{
	sleeping_fault_in_read(test, true);
}

/*
 * read() then write() back, 16 bytes straddling a page whose second half
 * is not present, by one path: the bytes are the file's, then the
 * file's page holds what was written.
 */
static void read_write_across_missing_page(struct kunit *test,
					   enum filemap_copy_path path)
{
	struct inode *inode = uf_file(test);
	struct mm_struct *mm = uf_mm(test, 2);
	char __user *u = (char __user *)(UF_BASE + PAGE_SIZE - 8);
	u8 in[16], out[16], *v;
	struct uf_knobs saved;
	int i;

	kthread_use_mm(mm);
	KUNIT_ASSERT_EQ(test, put_user(1, (char __user *)UF_BASE), 0);
	KUNIT_EXPECT_FALSE(test, test_mm_present(mm, UF_BASE + PAGE_SIZE));
	uf_knobs_set(&saved, path, 0);
	KUNIT_EXPECT_EQ(test, filemap_read(inode, u, 16, 100), 16);
	KUNIT_EXPECT_EQ(test, copy_from_user(in, u, 16), 0UL);
	for (i = 0; i < 16; i++)
		KUNIT_EXPECT_EQ(test, in[i], kt_pattern(UF_SEED_FILE, 100 + i));
	for (i = 0; i < 16; i++)
		out[i] = 0xa0 + i;
	mutex_lock(&mm->mmap_lock);
	zap_page_range(find_vma(mm, UF_BASE), UF_BASE + PAGE_SIZE, UF_BASE + 2 * PAGE_SIZE);
	mutex_unlock(&mm->mmap_lock);
	KUNIT_ASSERT_EQ(test, copy_to_user(u, out, 8), 0UL);
	KUNIT_EXPECT_FALSE(test, test_mm_present(mm, UF_BASE + PAGE_SIZE));
	/* The second half is missing again: write() faults it in to read zeroes. */
	KUNIT_EXPECT_EQ(test, filemap_write(inode, u, 16, 200), 16);
	uf_knobs_restore(&saved);
	v = kmap_local_page(inode->i_pages[0]);
	KUNIT_EXPECT_MEMEQ(test, v + 200, out, 8);
	for (i = 8; i < 16; i++)
		KUNIT_EXPECT_EQ(test, v[200 + i], 0);
	kunmap_local(v);
	/* A buffer outside every VMA: -EFAULT by either path. */
	uf_knobs_set(&saved, path, 0);
	KUNIT_EXPECT_EQ(test, filemap_read(inode, (char __user *)(UF_BASE + 4 * PAGE_SIZE),
					   16, 0), (ssize_t)-EFAULT);
	uf_knobs_restore(&saved);
	kthread_unuse_mm(mm);
	mmput(mm);
	uf_file_free(inode);
}

static void read_write_kmap_local(struct kunit *test)
{
	read_write_across_missing_page(test, FILEMAP_COPY_KMAP_LOCAL);
}

static void read_write_kmap_atomic(struct kunit *test)
{
	read_write_across_missing_page(test, FILEMAP_COPY_KMAP_ATOMIC);
}

static struct kunit_case mm_user_fault_cases[] = {
	KUNIT_CASE(sleeping_fault_kmap_local),
	KUNIT_CASE(sleeping_fault_kmap_atomic),
	KUNIT_CASE(read_write_kmap_local),
	KUNIT_CASE(read_write_kmap_atomic),
	{}
};

static struct kunit_suite mm_user_fault_suite = {
	.name = "mm_user_fault",
	.test_cases = mm_user_fault_cases,
};

kunit_test_suite(mm_user_fault_suite);
