// SPDX-License-Identifier: GPL-2.0
/*
 * The "ramdisk" benchmark case: the RAM disk before and after the
 * conversion, doing the same work -- write a 512-byte sector and read it
 * back, each time in the next of 1024 blocks. Sector-sized I/O keeps the
 * copy small, so the mapping shows; 1024 blocks is twice kmap()'s pool,
 * so the "before" pays for pool wraps (one global flush every 512 new
 * slots) where the "after" pays one invlpg per mapping.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <kmaplab/bench.h>
#include <kmaplab/ramdisk.h>

#define BENCH_BLOCKS 1024
#define SECTOR 512

struct rd_bench_ctx {
	struct ramdisk *rd;
	unsigned int next;
	u8 buf[SECTOR];
};

static unsigned long next_pos(struct rd_bench_ctx *c)
{
	unsigned long pos = (unsigned long)c->next << PAGE_SHIFT;

	c->next = (c->next + 1) % BENCH_BLOCKS;
	return pos;
}

static void op_sector_rw(void *arg)
{
	struct rd_bench_ctx *c = arg;
	unsigned long pos = next_pos(c);

	c->rd->ops->write(c->rd, pos, c->buf, SECTOR);
	c->rd->ops->read(c->rd, pos, c->buf, SECTOR);
}

/* The baseline: the same bookkeeping, no I/O. */
static void op_sector_base(void *arg)
{
	unsigned long pos = next_pos(arg);

	__asm__ __volatile__("" : : "r"(pos));
}

int case_ramdisk(struct bench_result *res, int max, unsigned int iters)
{
	static const struct ramdisk_ops *const versions[] = {
		&ramdisk_kmap_ops, &ramdisk_local_ops,
	};
	static struct rd_bench_ctx c;	/* a sector is too much for the stack */
	int i, out = 0;

	for (i = 0; i < (int)ARRAY_SIZE(versions) && out < max; i++) {
		c.rd = ramdisk_create(BENCH_BLOCKS, versions[i]);
		if (!c.rd)
			continue;
		c.next = 0;
		res[out].name = versions[i] == &ramdisk_kmap_ops ?
				"ramdisk_kmap" : "ramdisk_local";
		/* All highmem, or the figures say what they measured. */
		res[out].mem = c.rd->nr_highmem == BENCH_BLOCKS ? "highmem" :
			       c.rd->nr_highmem ? "mixed" : "lowmem";
		res[out].pages = BENCH_BLOCKS;
		/* iters operations in all, in the harness's 32 batches */
		bench_measure(&res[out++], op_sector_rw, op_sector_base, &c,
			      max(1U, iters / 32));
		ramdisk_destroy(c.rd);
	}
	return out ? out : -ENOMEM;
}
