// SPDX-License-Identifier: GPL-2.0
/*
 * The RAM disk as a driver of the kmap() era wrote it: kmap() where the
 * code may sleep, kmap_atomic() where it must be quick or must not be
 * preempted. Kept, built and tested as the "before" of the conversion in
 * drivers/block/ramdisk_local.c; docs/conversion.md walks through both.
 *
 * Each function notes what it silently depends on -- that is exactly
 * what the conversion has to find.
 */
/* kmaplab-lint: allow kmap kmap_atomic -- the "before" half of the kmap_local conversion (docs/conversion.md), kept to test and benchmark against */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <kmaplab/ramdisk.h>

/* A short copy: kmap_atomic() because it is fast. Relies on nothing else. */
static void rd_kmap_read(struct ramdisk *rd, unsigned long pos, void *buf, size_t len)
{
	unsigned long blk, off;
	size_t n, done;

	rd_for_each_chunk(rd, pos, len, blk, off, n, done) {
		char *src = kmap_atomic(rd->pages[blk]);

		memcpy(buf + done, src + off, n);
		kunmap_atomic(src);
	}
}

/* kmap(): the caller may sleep here, and kmap() may sleep for a slot. */
static void rd_kmap_write(struct ramdisk *rd, unsigned long pos, const void *buf,
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

/*
 * Two pages at once. kunmap() takes the page, so the order of the two
 * kunmap()s does not matter to kmap() -- and this code unmaps in the
 * order it mapped.
 */
static void rd_kmap_copy_block(struct ramdisk *rd, unsigned int dst, unsigned int src)
{
	void *from = kmap(rd->pages[src]);
	void *to = kmap(rd->pages[dst]);

	memcpy(to, from, PAGE_SIZE);
	kunmap(rd->pages[src]);
	kunmap(rd->pages[dst]);
}

/*
 * Depends on kmap_atomic() disabling preemption: the per-CPU bounce
 * buffer stays ours only because nothing can preempt us between taking
 * it and the end of the CRC.
 */
static u32 rd_kmap_checksum(struct ramdisk *rd, unsigned int block)
{
	void *src = kmap_atomic(rd->pages[block]);
	void *bounce = rd_bounce_get();
	u32 sum;

	memcpy(bounce, src, PAGE_SIZE);
	sum = rd_crc32(bounce, PAGE_SIZE);
	kunmap_atomic(src);
	return sum;
}

/*
 * Depends on kmap_atomic() disabling page faults: rd_copy_inatomic()
 * requires it. Also callable from interrupts, which kmap() is not.
 */
static int rd_kmap_write_nofault(struct ramdisk *rd, unsigned long pos,
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

/*
 * Depends on kmap()'s address being global: it is mapped here and used
 * by the worker thread, which only ever sees the address.
 */
static int rd_kmap_zero_addr(void *addr)
{
	memset(addr, 0, PAGE_SIZE);
	return 0;
}

static int rd_kmap_discard(struct ramdisk *rd, unsigned int block)
{
	void *addr = kmap(rd->pages[block]);
	int err = rd_run_in_worker(rd_kmap_zero_addr, addr);

	kunmap(rd->pages[block]);
	return err;
}

const struct ramdisk_ops ramdisk_kmap_ops = {
	.name = "kmap",
	.read = rd_kmap_read,
	.write = rd_kmap_write,
	.copy_block = rd_kmap_copy_block,
	.checksum = rd_kmap_checksum,
	.write_nofault = rd_kmap_write_nofault,
	.discard = rd_kmap_discard,
};
