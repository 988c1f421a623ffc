/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_RAMDISK_TEST_H
#define _TESTS_RAMDISK_TEST_H

/*
 * Shared by the RAM disk suites (tests/ramdisk_test.c) and lab 3's
 * (tests/lab_08_convert_test.c): a fixture holding a disk and the
 * buffers a case allocates, and the helpers that drive a disk from
 * other threads and from an interrupt.
 */
#include "kmap_test_common.h"
#include <linux/slab.h>
#include <linux/kthread.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <asm/fixmap.h>
#include <kmaplab/ramdisk.h>
#include <kmaplab/kthread.h>
#include <kmaplab/interrupt.h>

#define RDT_BLOCKS 8
#define RDT_BUFS 8

struct rdt_fixture {
	struct ramdisk *rd;
	void *bufs[RDT_BUFS];
	int nbufs;
};

static inline int rdt_init(struct kunit *test, const struct ramdisk_ops *ops)
{
	struct rdt_fixture *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->rd = ramdisk_create(RDT_BLOCKS, ops);
	if (!f->rd) {
		kfree(f);
		return -ENOMEM;
	}
	test->priv = f;
	return 0;
}

static inline void rdt_exit(struct kunit *test)
{
	struct rdt_fixture *f = test->priv;

	if (!f)
		return;
	while (f->nbufs)
		kfree(f->bufs[--f->nbufs]);
	ramdisk_destroy(f->rd);
	kfree(f);
	test->priv = NULL;
}

static inline struct ramdisk *rdt_disk(struct kunit *test)
{
	return ((struct rdt_fixture *)test->priv)->rd;
}

/* A buffer freed when the case ends. */
static inline u8 *rdt_buf(struct kunit *test, size_t len)
{
	struct rdt_fixture *f = test->priv;
	u8 *p;

	KUNIT_ASSERT_LT(test, f->nbufs, RDT_BUFS);
	p = kzalloc(len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	f->bufs[f->nbufs++] = p;
	return p;
}

static inline void rdt_pattern(u8 *p, size_t len, unsigned int seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = kt_pattern(seed, i) | 1;	/* never 0: zero means "untouched" */
}

/* --- a write from the timer interrupt's vector ---------------------------- */

struct rdt_irq_ctx {
	struct ramdisk *rd;
	unsigned long pos;
	const void *buf;
	size_t len;
	int err;
	bool in_irq;
};

static inline void rdt_irq_write(void *arg)
{
	struct rdt_irq_ctx *c = arg;

	c->in_irq = in_hardirq();
	c->err = ramdisk_write_nofault(c->rd, c->pos, c->buf, c->len);
}

static inline int rdt_write_from_irq(struct kunit *test, struct ramdisk *rd,
				     unsigned long pos, const void *buf, size_t len)
{
	struct rdt_irq_ctx c = { rd, pos, buf, len, -1, false };

	run_in_hardirq(rdt_irq_write, &c);
	KUNIT_EXPECT_TRUE(test, c.in_irq);
	return c.err;
}

/* --- two threads checksumming at once --------------------------------------- */

#define RDT_SUM_MS 300

struct rdt_sum_ctx {
	struct ramdisk *rd;
	unsigned int block;
	u32 want;
	unsigned long deadline, runs, bad;
};

static inline int rdt_checksummer(void *arg)
{
	struct rdt_sum_ctx *c = arg;
	u32 sum;

	/* Busy, never sleeping: only preemption lets the other one run. */
	while (time_before(jiffies, c->deadline)) {
		ramdisk_checksum(c->rd, c->block, &sum);
		c->runs++;
		c->bad += sum != c->want;
	}
	return 0;
}

static inline void rdt_run_checksummers(struct kunit *test, struct ramdisk *rd,
					struct rdt_sum_ctx *c)
{
	struct task_struct *k[2];
	u8 *in = rdt_buf(test, PAGE_SIZE);
	int i;

	for (i = 0; i < 2; i++) {
		rdt_pattern(in, PAGE_SIZE, 20 + i);
		KUNIT_ASSERT_EQ(test, ramdisk_write(rd, (6 + i) * PAGE_SIZE, in, PAGE_SIZE), 0);
		c[i] = (struct rdt_sum_ctx){ .rd = rd, .block = 6 + i,
			.want = rd_crc32(in, PAGE_SIZE),
			.deadline = jiffies + msecs_to_jiffies(RDT_SUM_MS) };
	}
	for (i = 0; i < 2; i++) {
		k[i] = kthread_create(rdt_checksummer, &c[i], "rdt-sum%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(k[i]));
		/* One CPU for both (SMP): one bounce buffer, taken in turns. */
		kthread_bind(k[i], 0);
		get_task_struct(k[i]);
	}
	for (i = 0; i < 2; i++)
		wake_up_process(k[i]);
	for (i = 0; i < 2; i++)
		kthread_join_put(k[i]);
}

/* --- every operation once, checking the data ---------------------------------- */

static inline void rdt_exercise(struct kunit *test, struct ramdisk *rd)
{
	u8 *in = rdt_buf(test, PAGE_SIZE), *out = rdt_buf(test, PAGE_SIZE);
	u32 sum = 0;

	rdt_pattern(in, PAGE_SIZE, 31);
	/* Half of block 0 and half of block 1. */
	KUNIT_EXPECT_EQ(test, ramdisk_write(rd, PAGE_SIZE / 2, in, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, ramdisk_read(rd, PAGE_SIZE / 2, out, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, memcmp(in, out, PAGE_SIZE), 0);

	KUNIT_EXPECT_EQ(test, ramdisk_copy_block(rd, 2, 1), 0);
	KUNIT_EXPECT_EQ(test, ramdisk_checksum(rd, 2, &sum), 0);
	KUNIT_EXPECT_EQ(test, ramdisk_read(rd, PAGE_SIZE, out, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, sum, rd_crc32(out, PAGE_SIZE));

	KUNIT_EXPECT_EQ(test, ramdisk_write_nofault(rd, 3 * PAGE_SIZE + 10, in, 100), 0);
	KUNIT_EXPECT_EQ(test, ramdisk_read(rd, 3 * PAGE_SIZE + 10, out, 100), 0);
	KUNIT_EXPECT_EQ(test, memcmp(in, out, 100), 0);

	KUNIT_EXPECT_EQ(test, ramdisk_discard(rd, 1), 0);
	KUNIT_EXPECT_EQ(test, ramdisk_read(rd, PAGE_SIZE, out, PAGE_SIZE), 0);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(out, 0, PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
}

#endif /* _TESTS_RAMDISK_TEST_H */
