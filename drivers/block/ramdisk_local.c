// SPDX-License-Identifier: GPL-2.0
/*
 * The RAM disk converted to kmap_local_page(), function by function from
 * drivers/block/ramdisk_kmap.c, by the rules of Linux's conversion notes
 * (Documentation/mm/highmem.rst; docs/conversion.md here):
 *
 *   1. the address is used only by the thread that mapped it;
 *   2. nested mappings are released in reverse order;
 *   3. what kmap_atomic() did on the side (no preemption, no page faults)
 *      is kept only where the code needs it, and then said explicitly.
 *
 * Each function says which rule it needed.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/preempt.h>
#include <linux/uaccess.h>
#include <kmaplab/ramdisk.h>

/* Rule 3: nothing here needed preemption or page faults off. Dropped. */
static void rd_local_read(struct ramdisk *rd, unsigned long pos, void *buf, size_t len)
{
	unsigned long blk, off;
	size_t n, done;

	rd_for_each_chunk(rd, pos, len, blk, off, n, done) {
		char *src = kmap_local_page(rd->pages[blk]);

		memcpy(buf + done, src + off, n);
		kunmap_local(src);
	}
}

/* Rule 1: the address never leaves this function. kunmap_local() takes it. */
static void rd_local_write(struct ramdisk *rd, unsigned long pos, const void *buf,
			   size_t len)
{
	unsigned long blk, off;
	size_t n, done;

	rd_for_each_chunk(rd, pos, len, blk, off, n, done) {
		char *dst = kmap_local_page(rd->pages[blk]);

		memcpy(dst + off, buf + done, n);
		kunmap_local(dst);
	}
}

/* Rule 2: kmap() let us unmap in any order; a stack does not. Reversed. */
static void rd_local_copy_block(struct ramdisk *rd, unsigned int dst, unsigned int src)
{
	void *from = kmap_local_page(rd->pages[src]);
	void *to = kmap_local_page(rd->pages[dst]);

	memcpy(to, from, PAGE_SIZE);
	kunmap_local(to);
	kunmap_local(from);
}

/*
 * Rule 3, kept: the per-CPU bounce buffer must stay ours, so preemption
 * stays off while we use it -- now because we say so. The mapping itself
 * no longer needs it, so it is taken outside the non-preemptible part.
 */
static u32 rd_local_checksum(struct ramdisk *rd, unsigned int block)
{
	void *src = kmap_local_page(rd->pages[block]);
	void *bounce;
	u32 sum;

	preempt_disable();
	bounce = rd_bounce_get();
	memcpy(bounce, src, PAGE_SIZE);
	sum = rd_crc32(bounce, PAGE_SIZE);
	preempt_enable();
	kunmap_local(src);
	return sum;
}

/*
 * Rule 3, kept: rd_copy_inatomic() requires page faults off, so say
 * pagefault_disable() around the copy -- and only around the copy.
 * kmap_local_page() works in interrupts too, so no context is lost.
 */
static int rd_local_write_nofault(struct ramdisk *rd, unsigned long pos,
				  const void *buf, size_t len)
{
	unsigned long blk, off;
	size_t n, done;

	rd_for_each_chunk(rd, pos, len, blk, off, n, done) {
		char *dst = kmap_local_page(rd->pages[blk]);
		long err;

		pagefault_disable();
		err = rd_copy_inatomic(dst + off, buf + done, n);
		pagefault_enable();
		kunmap_local(dst);
		if (err)
			return -EFAULT;
	}
	return 0;
}

/*
 * Rule 1 would be broken by converting the old code as it stood: a
 * kmap_local_page() address means nothing in the worker thread (there it
 * names the worker's own slot, empty: the memset would fault). So the
 * worker gets the page, not an address, and maps it itself.
 */
static int rd_local_zero_page(void *arg)
{
	struct page *page = arg;
	void *addr = kmap_local_page(page);

	memset(addr, 0, PAGE_SIZE);
	kunmap_local(addr);
	return 0;
}

static int rd_local_discard(struct ramdisk *rd, unsigned int block)
{
	return rd_run_in_worker(rd_local_zero_page, rd->pages[block]);
}

const struct ramdisk_ops ramdisk_local_ops = {
	.name = "kmap_local",
	.read = rd_local_read,
	.write = rd_local_write,
	.copy_block = rd_local_copy_block,
	.checksum = rd_local_checksum,
	.write_nofault = rd_local_write_nofault,
	.discard = rd_local_discard,
};
