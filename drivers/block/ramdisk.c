// SPDX-License-Identifier: GPL-2.0
/*
 * The RAM disk shared by both mapping versions (see <kmaplab/ramdisk.h>):
 * its pages, the range checks in front of every operation, and three
 * helpers whose contracts decide how the kmap_atomic() users convert:
 *
 *   rd_bounce_get()      a per-CPU buffer: needs preemption off
 *   rd_copy_inatomic()   a copy that may fault: needs page faults off
 *   rd_run_in_worker()   runs code in another thread: a kmap_local_page()
 *                        address must not go there
 *
 * The first two check their contract and count breaches, so a conversion
 * that silently loses what kmap_atomic() provided is caught by the tests.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/highmem.h>
#include <linux/kthread.h>
#include <linux/uaccess.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <kmaplab/ramdisk.h>
#include <kmaplab/kthread.h>

/* A page per CPU, made with the first disk (a per-CPU area is one page). */
static DEFINE_PER_CPU(void *, rd_bounce);
static DEFINE_MUTEX(rd_bounce_lock);
struct rd_contract_stats rd_contract;

static int rd_bounce_init(void)
{
	unsigned int cpu;
	int err = 0;

	mutex_lock(&rd_bounce_lock);
	for_each_possible_cpu(cpu) {
		if (per_cpu(rd_bounce, cpu))
			continue;
		/* lowmem: the "engine" the buffer stands for reaches only that */
		per_cpu(rd_bounce, cpu) = (void *)__get_free_page(GFP_KERNEL);
		if (!per_cpu(rd_bounce, cpu)) {
			err = -ENOMEM;
			break;
		}
	}
	mutex_unlock(&rd_bounce_lock);
	return err;
}

struct ramdisk *ramdisk_create(unsigned int nr_blocks, const struct ramdisk_ops *ops)
{
	struct ramdisk *rd;
	unsigned int i;

	if (rd_bounce_init())
		return NULL;
	rd = kzalloc(sizeof(*rd), GFP_KERNEL);
	if (!rd)
		return NULL;
	rd->ops = ops;
	rd->pages = kcalloc(nr_blocks, sizeof(*rd->pages), GFP_KERNEL);
	if (!rd->pages || !nr_blocks) {
		kfree(rd->pages);
		kfree(rd);
		return NULL;
	}
	for (i = 0; i < nr_blocks; i++) {
		/* GFP_HIGHUSER: highmem first, lowmem when there is none. */
		rd->pages[i] = alloc_page(GFP_HIGHUSER);
		if (!rd->pages[i]) {
			rd->nr_blocks = i;
			ramdisk_destroy(rd);
			return NULL;
		}
		clear_highpage(rd->pages[i]);
		rd->nr_highmem += PageHighMem(rd->pages[i]);
	}
	rd->nr_blocks = nr_blocks;
	return rd;
}

void ramdisk_destroy(struct ramdisk *rd)
{
	unsigned int i;

	if (!rd)
		return;
	for (i = 0; i < rd->nr_blocks; i++)
		__free_page(rd->pages[i]);
	kfree(rd->pages);
	kfree(rd);
}

static bool rd_range_ok(struct ramdisk *rd, unsigned long pos, size_t len)
{
	unsigned long size = (unsigned long)rd->nr_blocks << PAGE_SHIFT;

	return pos <= size && len <= size - pos;
}

int ramdisk_read(struct ramdisk *rd, unsigned long pos, void *buf, size_t len)
{
	if (!rd_range_ok(rd, pos, len))
		return -EINVAL;
	rd->ops->read(rd, pos, buf, len);
	return 0;
}

int ramdisk_write(struct ramdisk *rd, unsigned long pos, const void *buf, size_t len)
{
	if (!rd_range_ok(rd, pos, len))
		return -EINVAL;
	rd->ops->write(rd, pos, buf, len);
	return 0;
}

int ramdisk_write_nofault(struct ramdisk *rd, unsigned long pos, const void *buf,
			  size_t len)
{
	if (!rd_range_ok(rd, pos, len))
		return -EINVAL;
	return rd->ops->write_nofault(rd, pos, buf, len);
}

int ramdisk_copy_block(struct ramdisk *rd, unsigned int dst, unsigned int src)
{
	if (dst >= rd->nr_blocks || src >= rd->nr_blocks)
		return -EINVAL;
	if (dst != src)
		rd->ops->copy_block(rd, dst, src);
	return 0;
}

int ramdisk_checksum(struct ramdisk *rd, unsigned int block, u32 *sum)
{
	if (block >= rd->nr_blocks)
		return -EINVAL;
	*sum = rd->ops->checksum(rd, block);
	return 0;
}

int ramdisk_discard(struct ramdisk *rd, unsigned int block)
{
	if (block >= rd->nr_blocks)
		return -EINVAL;
	return rd->ops->discard(rd, block);
}

/*
 * The bounce buffer is per CPU, not per task: while one task has it,
 * another task scheduled on the same CPU would get the very same page.
 * Only a non-preemptible section makes it the caller's. (Linux's
 * this_cpu_ptr() complains the same way under CONFIG_DEBUG_PREEMPT.)
 */
void *rd_bounce_get(void)
{
	if (preemptible()) {
		rd_contract.bounce_preemptible++;
		WARN_ONCE(1, "ramdisk: per-CPU bounce buffer taken with preemption on (task '%s'): another task on this CPU can take it too",
			  current->comm);
	}
	return this_cpu_read(rd_bounce);
}

/* CRC-32 (IEEE 802.3), bit by bit: slow on purpose, a long critical section. */
u32 rd_crc32(const void *p, size_t len)
{
	const u8 *b = p;
	u32 crc = ~0U;
	int k;

	while (len--) {
		crc ^= *b++;
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320U & -(crc & 1));
	}
	return ~crc;
}

/*
 * Linux's __copy_from_user_inatomic() may only be called with page faults
 * disabled: a fault must fail the copy at once instead of being resolved
 * (which could sleep). kmaplab never resolves a kernel fault, so the copy
 * below would fail fast either way -- but the contract is the same and is
 * checked, so that dropping kmap_atomic()'s pagefault_disable() without
 * saying pagefault_disable() explicitly shows up.
 */
long rd_copy_inatomic(void *dst, const void *src, size_t len)
{
	if (!pagefault_disabled()) {
		rd_contract.copy_faults_enabled++;
		WARN_ONCE(1, "ramdisk: %s() with page faults enabled (task '%s'): call pagefault_disable() first",
			  __func__, current->comm);
	}
	return copy_from_kernel_nofault(dst, src, len);
}

int rd_run_in_worker(int (*fn)(void *arg), void *arg)
{
	struct task_struct *k = kthread_create(fn, arg, "ramdisk-worker");

	if (IS_ERR(k))
		return PTR_ERR(k);
	get_task_struct(k);	/* kthread_join_put() drops it */
	wake_up_process(k);
	return kthread_join_put(k);
}
