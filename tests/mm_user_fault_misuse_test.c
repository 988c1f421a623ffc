// SPDX-License-Identifier: GPL-2.0
/*
 * The seeds' warnings, each provoked once and named:
 *
 *  - a fault that would sleep, taken with page faults disabled
 *    (kmap_atomic()), is fixed up through the exception table and never
 *    resolved: no page, no sleep, the copy comes back short;
 *  - copy_to_user() inside kmap_atomic() -- not the in-atomic variant --
 *    is reported as Linux reported it until 3.11 ("BUG: sleeping
 *    function called from invalid context"), with a line naming the
 *    kmap_atomic() mapping; the in-atomic variant is not;
 *  - a kmap_local address handed to another thread, on the same CPU:
 *    while its owner is switched out the address faults (and the debug
 *    build names whose slot it was); once the other thread maps a page
 *    of its own, the same address shows that page, not the file's.
 *
 * (msleep() inside kmap_atomic() is reported too: kmap_misuse's
 * msleep_inside_kmap_atomic_reported.)
 *
 * kmaplab-lint: allow kmap_atomic -- provokes the misuse of kmap_atomic that the old copy path had to avoid
 */
#include "user_fault_test.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/pagemap.h>
#include <kmaplab/printk.h>

#define WAIT_LIMIT (20 * HZ)

#define LOG_SIZE 4096
static char *log;	/* kunit_kmalloc()ed by the cases that capture */

/* With faults sleeping on, a fault under kmap_atomic: fixed up, no sleep. */
static void atomic_fault_fixed_up_not_resolved(struct kunit *test)
{
	struct inode *inode = uf_file(test);
	struct mm_struct *mm = uf_mm(test, 1);
	struct uaccess_fault_snap f0, f1;
	struct uf_knobs saved;
	unsigned long left;
	void *v;

	kthread_use_mm(mm);
	uf_knobs_set(&saved, filemap_copy_path, 5);
	uaccess_fault_snap(&f0);
	v = kmap_atomic(inode->i_pages[0]);
	left = __copy_to_user_inatomic((void __user *)UF_BASE, v, 64);
	kunmap_atomic(v);
	uaccess_fault_snap(&f1);
	KUNIT_EXPECT_EQ(test, left, 64UL);
	KUNIT_EXPECT_FALSE(test, test_mm_present(mm, UF_BASE));
	KUNIT_EXPECT_EQ(test, f1.fixed_up - f0.fixed_up, 1UL);
	KUNIT_EXPECT_EQ(test, f1.sleeps - f0.sleeps, 0UL);
	KUNIT_EXPECT_EQ(test, f1.resolved - f0.resolved, 0UL);
	/* Unmapped, page faults on: now the fault is resolved, and sleeps. */
	KUNIT_EXPECT_EQ(test, fault_in_writeable((char __user *)UF_BASE, 64), 0UL);
	uaccess_fault_snap(&f0);
	KUNIT_EXPECT_TRUE(test, test_mm_present(mm, UF_BASE));
	KUNIT_EXPECT_EQ(test, f0.sleeps - f1.sleeps, 1UL);
	KUNIT_EXPECT_EQ(test, f0.resolved - f1.resolved, 1UL);
	v = kmap_atomic(inode->i_pages[0]);
	left = __copy_to_user_inatomic((void __user *)UF_BASE, v, 64);
	kunmap_atomic(v);
	KUNIT_EXPECT_EQ(test, left, 0UL);
	uf_knobs_restore(&saved);
	kthread_unuse_mm(mm);
	mmput(mm);
	uf_file_free(inode);
}

/* copy_to_user() under kmap_atomic: reported; the inatomic one is not. */
static void copy_to_user_in_kmap_atomic_reported(struct kunit *test)
{
	struct inode *inode = uf_file(test);
	struct mm_struct *mm = uf_mm(test, 1);
	struct printk_capture cap;
	unsigned long left;
	void *v;

	log = kunit_kmalloc(test, LOG_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, log);
	kthread_use_mm(mm);
	printk_capture_start(&cap, log, LOG_SIZE);
	v = kmap_atomic(inode->i_pages[0]);
	left = copy_to_user((void __user *)UF_BASE, v, 64);
	kunmap_atomic(v);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_EQ(test, left, 64UL);	/* short: it could not fault */
	KUNIT_EXPECT_NOT_NULL(test,
		strstr(log, "BUG: sleeping function called from invalid context"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "holds a kmap_atomic() mapping"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "__copy_{to,from}_user_inatomic()"));

	printk_capture_start(&cap, log, LOG_SIZE);
	v = kmap_atomic(inode->i_pages[0]);
	left = __copy_to_user_inatomic((void __user *)UF_BASE, v, 64);
	kunmap_atomic(v);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_EQ(test, left, 64UL);
	KUNIT_EXPECT_NULL(test, strstr(log, "BUG:"));
	kthread_unuse_mm(mm);
	mmput(mm);
	uf_file_free(inode);
}

struct owner_ctx {
	struct inode *inode;
	void *addr;			/* the local address, handed over */
	int bad;			/* the owner's own check, after */
	struct completion mapped, release, done;
};

/* The owner: maps the file's page, hands the address over, waits. */
static int owner_fn(void *arg)
{
	struct owner_ctx *c = arg;

	c->addr = kmap_local_page(c->inode->i_pages[0]);
	complete(&c->mapped);
	wait_for_completion(&c->release);
	c->bad = kt_check(c->addr, UF_SEED_FILE);	/* still its page */
	kunmap_local(c->addr);
	complete(&c->done);
	return 0;
}

static void read_word(void *addr)
{
	(void)READ_ONCE(*(u32 *)addr);
}

static void local_address_handed_to_another_thread(struct kunit *test)
{
	static struct owner_ctx c;
	struct printk_capture cap;
	struct page *other = kt_alloc_highpage(test);
	struct task_struct *t;
	const char *oops;
	void *mine;

	log = kunit_kmalloc(test, LOG_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, log);
	memset(&c, 0, sizeof(c));
	c.inode = uf_file(test);
	init_completion(&c.mapped);
	init_completion(&c.release);
	init_completion(&c.done);
	mine = kmap_local_page(other);
	kt_fill(mine, UF_SEED_OTHER);
	kunmap_local(mine);

	migrate_disable();	/* the owner runs here, on this CPU */
	t = kthread_run_on_cpu(owner_fn, &c, smp_processor_id(), "uf-owner/%u");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&c.mapped, WAIT_LIMIT), 0UL);
	/* The owner is switched out: its slot is empty here. */
	printk_capture_start(&cap, log, LOG_SIZE);
	oops = kunit_catch_oops(test, read_word, c.addr);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test, oops);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "empty kmap_local slot"));
	if (IS_ENABLED(CONFIG_DEBUG_KMAP_LOCAL))
		KUNIT_EXPECT_NOT_NULL(test,
			strstr(log, "a kmap_local address used by another task"));
	/* This thread maps a page of its own: the handed address shows it. */
	mine = kmap_local_page(other);
	KUNIT_EXPECT_PTR_EQ(test, mine, c.addr);
	KUNIT_EXPECT_EQ(test, kt_check(c.addr, UF_SEED_OTHER), -1);
	KUNIT_EXPECT_NE(test, kt_check(c.addr, UF_SEED_FILE), -1);
	kunmap_local(mine);
	migrate_enable();
	complete(&c.release);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&c.done, WAIT_LIMIT), 0UL);
	KUNIT_EXPECT_EQ(test, c.bad, -1);	/* the owner's view was never wrong */
	uf_file_free(c.inode);
	__free_page(other);
}

static struct kunit_case mm_user_fault_misuse_cases[] = {
	KUNIT_CASE(atomic_fault_fixed_up_not_resolved),
	KUNIT_CASE(copy_to_user_in_kmap_atomic_reported),
	KUNIT_CASE(local_address_handed_to_another_thread),
	{}
};

static struct kunit_suite mm_user_fault_misuse_suite = {
	.name = "mm_user_fault_misuse",
	.test_cases = mm_user_fault_misuse_cases,
};

kunit_test_suite(mm_user_fault_misuse_suite);
