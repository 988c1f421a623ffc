// SPDX-License-Identifier: GPL-2.0
/*
 * The RAM disk, to be converted to kmap_local_page() -- lab 08
 * (docs/labs/08-convert-ramdisk.md). This is still the kmap()/kmap_atomic()
 * code of drivers/block/ramdisk_kmap.c. Convert every function by the rules of
 * Linux's conversion notes (docs/conversion.md):
 *
 *   1. the address may be used only by the thread that mapped it;
 *   2. nested mappings must be released in reverse order;
 *   3. what kmap_atomic() did on the side (no preemption, no page faults)
 *      is kept only where the code needs it, and then said explicitly.
 *
 * The suite lab_08_convert (and ramdisk_local) passes when you are done.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/preempt.h>
#include <linux/uaccess.h>
#include <kmaplab/ramdisk.h>

static void rd_local_read(struct ramdisk *rd, unsigned long pos, void *buf, size_t len)
{
	unsigned long blk, off;
	size_t n, done;

	rd_for_each_chunk(rd, pos, len, blk, off, n, done) {
		char *src = kmap_atomic(rd->pages[blk]);

		memcpy(buf + done, src + off, n);
		kunmap_atomic(src);
	}
}

static void rd_local_write(struct ramdisk *rd, unsigned long pos, const void *buf,
			   size_t len)
{
	unsigned long blk, off;
	size_t n, done;

	rd_for_each_chunk(rd, pos, len, blk, off, n, done) {
		char *dst = kmap(rd->pages[blk]);

		memcpy(dst + off, buf + done, n);
		kunmap(rd->pages[blk]);
	}
}

static void rd_local_copy_block(struct ramdisk *rd, unsigned int dst, unsigned int src)
{
	void *from = kmap(rd->pages[src]);
	void *to = kmap(rd->pages[dst]);

	memcpy(to, from, PAGE_SIZE);
	kunmap(rd->pages[src]);
	kunmap(rd->pages[dst]);
}

static u32 rd_local_checksum(struct ramdisk *rd, unsigned int block)
{
	void *src = kmap_atomic(rd->pages[block]);
	void *bounce = rd_bounce_get();
	u32 sum;

	memcpy(bounce, src, PAGE_SIZE);
	sum = rd_crc32(bounce, PAGE_SIZE);
	kunmap_atomic(src);
	return sum;
}

static int rd_local_write_nofault(struct ramdisk *rd, unsigned long pos,
				  const void *buf, size_t len)
{
	unsigned long blk, off;
	size_t n, done;

	rd_for_each_chunk(rd, pos, len, blk, off, n, done) {
		char *dst = kmap_atomic(rd->pages[blk]);
		long err = rd_copy_inatomic(dst + off, buf + done, n);

		kunmap_atomic(dst);
		if (err)
			return -EFAULT;
	}
	return 0;
}

static int rd_local_zero_addr(void *addr)
{
	memset(addr, 0, PAGE_SIZE);
	return 0;
}

static int rd_local_discard(struct ramdisk *rd, unsigned int block)
{
	void *addr = kmap(rd->pages[block]);
	int err = rd_run_in_worker(rd_local_zero_addr, addr);

	kunmap(rd->pages[block]);
	return err;
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
