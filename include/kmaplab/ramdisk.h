/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_RAMDISK_H
#define _KMAPLAB_RAMDISK_H

#include <linux/types.h>
#include <linux/mm_types.h>

/*
 * A RAM disk whose blocks live in highmem pages: the component that
 * docs/conversion.md converts from kmap()/kmap_atomic() to
 * kmap_local_page(), following Linux's conversion notes.
 *
 *   drivers/block/ramdisk.c        the disk: pages, range checks, and the
 *                           helpers whose contracts the conversion must
 *                           keep (bounce buffer, inatomic copy, worker)
 *   drivers/block/ramdisk_kmap.c   "before": kmap() and kmap_atomic()
 *   drivers/block/ramdisk_local.c  "after": kmap_local_page()
 *
 * Both implementations are struct ramdisk_ops and pass the same tests
 * (tests/ramdisk_test.c); the benchmark compares them (bench ramdisk).
 * One block is one page.
 */
struct ramdisk;

struct ramdisk_ops {
	const char *name;
	/* Byte copies that may span blocks. May sleep. */
	void (*read)(struct ramdisk *rd, unsigned long pos, void *buf, size_t len);
	void (*write)(struct ramdisk *rd, unsigned long pos, const void *buf, size_t len);
	/* Block src to block dst: two pages mapped at once. */
	void (*copy_block)(struct ramdisk *rd, unsigned int dst, unsigned int src);
	/* CRC32 of a block, computed on a copy in the per-CPU bounce buffer. */
	u32 (*checksum)(struct ramdisk *rd, unsigned int block);
	/*
	 * Write from a buffer that may not be mapped (a debugger's poke):
	 * -EFAULT rather than an oops. Any context, interrupts included.
	 */
	int (*write_nofault)(struct ramdisk *rd, unsigned long pos,
			     const void *buf, size_t len);
	/* Zero a block; the zeroing runs in a worker thread. May sleep. */
	int (*discard)(struct ramdisk *rd, unsigned int block);
};

struct ramdisk {
	const struct ramdisk_ops *ops;
	unsigned int nr_blocks;
	struct page **pages;
	unsigned int nr_highmem;	/* how many of them are highmem */
};

extern const struct ramdisk_ops ramdisk_kmap_ops;	/* before */
extern const struct ramdisk_ops ramdisk_local_ops;	/* after */

/* nr_blocks zeroed pages, highmem when there is some. NULL: no memory. */
struct ramdisk *ramdisk_create(unsigned int nr_blocks, const struct ramdisk_ops *ops);
void ramdisk_destroy(struct ramdisk *rd);

/* The checked entry points: -EINVAL for a range outside the disk. */
int ramdisk_read(struct ramdisk *rd, unsigned long pos, void *buf, size_t len);
int ramdisk_write(struct ramdisk *rd, unsigned long pos, const void *buf, size_t len);
int ramdisk_write_nofault(struct ramdisk *rd, unsigned long pos, const void *buf,
			  size_t len);
int ramdisk_copy_block(struct ramdisk *rd, unsigned int dst, unsigned int src);
int ramdisk_checksum(struct ramdisk *rd, unsigned int block, u32 *sum);
int ramdisk_discard(struct ramdisk *rd, unsigned int block);

/* --- for the two implementations ------------------------------------------ */

/* Split [pos, pos + len) at block boundaries: block, offset, bytes. */
#define rd_for_each_chunk(rd, pos, len, blk, off, n, done)		\
	for ((done) = 0;						\
	     (done) < (len) &&						\
	     ((blk) = ((pos) + (done)) >> PAGE_SHIFT,			\
	      (off) = ((pos) + (done)) & ~PAGE_MASK,			\
	      (n) = min_t(size_t, (len) - (done), PAGE_SIZE - (off)), 1); \
	     (done) += (n))

/*
 * This CPU's bounce buffer (one page of lowmem). The caller must keep
 * preemption off from here until it is done with the buffer: another
 * task on this CPU would get the same buffer.
 */
void *rd_bounce_get(void);
u32 rd_crc32(const void *p, size_t len);
/*
 * Copy that returns -EFAULT if src is not mapped. Like Linux's
 * __copy_from_user_inatomic(), the caller must have page faults disabled.
 */
long rd_copy_inatomic(void *dst, const void *src, size_t len);
/* Run fn(arg) in a new kthread "ramdisk-worker"; wait; return its result. */
int rd_run_in_worker(int (*fn)(void *arg), void *arg);

/* Contract breaches seen by the two helpers above (the tests check them). */
struct rd_contract_stats {
	unsigned long bounce_preemptible;	/* rd_bounce_get() with preemption on */
	unsigned long copy_faults_enabled;	/* rd_copy_inatomic() with faults on */
};
extern struct rd_contract_stats rd_contract;

/* teaching/bench/ramdisk_bench.c: the "ramdisk" benchmark case, both versions. */
struct bench_result;
int case_ramdisk(struct bench_result *res, int max, unsigned int iters);

#endif /* _KMAPLAB_RAMDISK_H */
