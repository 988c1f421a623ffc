// SPDX-License-Identifier: GPL-2.0
/*
 * The RAM disk, before and after the kmap_local conversion: the same
 * cases run as two suites, ramdisk_kmap (drivers/block/ramdisk_kmap.c) and
 * ramdisk_local (drivers/block/ramdisk_local.c). Both must behave alike --
 * data, ranges, interrupts, threads -- and neither may break the
 * contracts of the helpers it uses. Only the last case differs: it
 * checks which mapping API each version really used.
 *
 * Without highmem (boot with lowmem=32M for some) the data cases still
 * run on lowmem pages; the API-use case then skips.
 */
#include "ramdisk_test.h"

/* Data crossing block boundaries comes back as written; neighbours kept. */
static void rd_write_read_across_blocks(struct kunit *test)
{
	struct ramdisk *rd = rdt_disk(test);
	unsigned long pos = PAGE_SIZE - 100;
	size_t len = 2 * PAGE_SIZE + 200;
	u8 *in = rdt_buf(test, len), *out = rdt_buf(test, len + 2);

	rdt_pattern(in, len, 7);
	KUNIT_ASSERT_EQ(test, ramdisk_write(rd, pos, in, len), 0);
	KUNIT_ASSERT_EQ(test, ramdisk_read(rd, pos - 1, out, len + 2), 0);
	KUNIT_EXPECT_EQ(test, out[0], 0);		/* the byte before */
	KUNIT_EXPECT_EQ(test, memcmp(out + 1, in, len), 0);
	KUNIT_EXPECT_EQ(test, out[len + 1], 0);		/* the byte after */
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
}

static void rd_rejects_ranges_outside(struct kunit *test)
{
	struct ramdisk *rd = rdt_disk(test);
	unsigned long size = RDT_BLOCKS * PAGE_SIZE;
	u8 b[4];
	u32 sum;

	KUNIT_EXPECT_EQ(test, ramdisk_read(rd, size - 2, b, 4), -EINVAL);
	KUNIT_EXPECT_EQ(test, ramdisk_write(rd, size + 1, b, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, ramdisk_write(rd, 8, b, (size_t)-4), -EINVAL);
	KUNIT_EXPECT_EQ(test, ramdisk_read(rd, size, b, 0), 0);
	KUNIT_EXPECT_EQ(test, ramdisk_copy_block(rd, RDT_BLOCKS, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, ramdisk_checksum(rd, RDT_BLOCKS, &sum), -EINVAL);
	KUNIT_EXPECT_EQ(test, ramdisk_discard(rd, RDT_BLOCKS), -EINVAL);
}

/* Two pages mapped at once: copied, and unmapped in the right order. */
static void rd_copy_block_nests_correctly(struct kunit *test)
{
	struct ramdisk *rd = rdt_disk(test);
	u8 *in = rdt_buf(test, PAGE_SIZE), *out = rdt_buf(test, PAGE_SIZE);
	struct kt_counters before, after;

	rdt_pattern(in, PAGE_SIZE, 3);
	KUNIT_ASSERT_EQ(test, ramdisk_write(rd, PAGE_SIZE, in, PAGE_SIZE), 0);
	kt_counters(&before);
	KUNIT_ASSERT_EQ(test, ramdisk_copy_block(rd, 3, 1), 0);
	kt_counters(&after);
	KUNIT_ASSERT_EQ(test, ramdisk_read(rd, 3 * PAGE_SIZE, out, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, memcmp(in, out, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, after.kmap.unmap_order_errors,
			before.kmap.unmap_order_errors);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
}

static void rd_checksum_is_crc32(struct kunit *test)
{
	struct ramdisk *rd = rdt_disk(test);
	u8 *in = rdt_buf(test, PAGE_SIZE);
	u32 sum;

	/* The check value every CRC-32 implementation is tested against. */
	KUNIT_EXPECT_EQ(test, rd_crc32("123456789", 9), 0xcbf43926U);
	rdt_pattern(in, PAGE_SIZE, 5);
	KUNIT_ASSERT_EQ(test, ramdisk_write(rd, 2 * PAGE_SIZE, in, PAGE_SIZE), 0);
	KUNIT_ASSERT_EQ(test, ramdisk_checksum(rd, 2, &sum), 0);
	KUNIT_EXPECT_EQ(test, sum, rd_crc32(in, PAGE_SIZE));
}

/*
 * Two threads checksum different blocks for a while, preempting each
 * other. Any CRC computed on a bounce buffer the other thread refilled
 * meanwhile comes out wrong; rd_bounce_get() also counts being called
 * preemptible.
 */
static void rd_checksum_under_preemption(struct kunit *test)
{
	struct ramdisk *rd = rdt_disk(test);
	unsigned long contract = rd_contract.bounce_preemptible;
	struct rdt_sum_ctx c[2];

	rdt_run_checksummers(test, rd, c);
	KUNIT_EXPECT_EQ(test, c[0].bad + c[1].bad, 0UL);
	KUNIT_EXPECT_EQ(test, rd_contract.bounce_preemptible, contract);
	kunit_info(test, "%lu + %lu checksums, %lu + %lu wrong\n", c[0].runs,
		   c[1].runs, c[0].bad, c[1].bad);
}

static void rd_write_nofault_good_source(struct kunit *test)
{
	struct ramdisk *rd = rdt_disk(test);
	unsigned long contract = rd_contract.copy_faults_enabled;
	u8 *in = rdt_buf(test, 300), *out = rdt_buf(test, 300);

	rdt_pattern(in, 300, 9);
	KUNIT_EXPECT_EQ(test, ramdisk_write_nofault(rd, 2 * PAGE_SIZE - 150, in, 300), 0);
	KUNIT_ASSERT_EQ(test, ramdisk_read(rd, 2 * PAGE_SIZE - 150, out, 300), 0);
	KUNIT_EXPECT_EQ(test, memcmp(in, out, 300), 0);
	KUNIT_EXPECT_EQ(test, rd_contract.copy_faults_enabled, contract);
	KUNIT_EXPECT_FALSE(test, pagefault_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

/* An unmapped source: -EFAULT, no oops, nothing left mapped or disabled. */
static void rd_write_nofault_bad_source(struct kunit *test)
{
	struct ramdisk *rd = rdt_disk(test);
	const void *hole = (const void *)__fix_to_virt(FIX_HOLE);

	KUNIT_EXPECT_EQ(test, ramdisk_write_nofault(rd, 100, hole, 64), -EFAULT);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	KUNIT_EXPECT_FALSE(test, pagefault_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

/* From the timer interrupt, on top of whatever task it interrupts. */
static void rd_write_nofault_from_irq(struct kunit *test)
{
	struct ramdisk *rd = rdt_disk(test);
	u8 out[64], in[64];
	int err;

	rdt_pattern(in, sizeof(in), 11);
	err = rdt_write_from_irq(test, rd, 5 * PAGE_SIZE + 8, in, sizeof(in));
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_ASSERT_EQ(test, ramdisk_read(rd, 5 * PAGE_SIZE + 8, out, sizeof(out)), 0);
	KUNIT_EXPECT_EQ(test, memcmp(in, out, sizeof(in)), 0);
}

/* The zeroing runs in another thread; the block must end up zero. */
static void rd_discard_in_worker(struct kunit *test)
{
	struct ramdisk *rd = rdt_disk(test);
	u8 *in = rdt_buf(test, PAGE_SIZE), *out = rdt_buf(test, PAGE_SIZE);

	rdt_pattern(in, PAGE_SIZE, 13);
	KUNIT_ASSERT_EQ(test, ramdisk_write(rd, 4 * PAGE_SIZE, in, PAGE_SIZE), 0);
	KUNIT_ASSERT_EQ(test, ramdisk_discard(rd, 4), 0);
	KUNIT_ASSERT_EQ(test, ramdisk_read(rd, 4 * PAGE_SIZE, out, PAGE_SIZE), 0);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(out, 0, PAGE_SIZE));
}

/*
 * What the conversion is about: the "before" takes pool slots (kmap())
 * and maps with page faults off (kmap_atomic()); the "after" does
 * neither. Both leave nothing mapped and keep the helpers' contracts.
 */
static void rd_mapping_apis_used(struct kunit *test)
{
	struct ramdisk *rd = rdt_disk(test);
	bool before = rd->ops == &ramdisk_kmap_ops;
	struct kt_counters c0, c1;
	struct rd_contract_stats k0 = rd_contract;
	unsigned long pool;

	if (!rd->nr_highmem)
		kunit_skip(test, "no highmem pages in the disk (boot with lowmem=32M)");
	kt_counters(&c0);
	rdt_exercise(test, rd);
	kt_counters(&c1);
	pool = (c1.kmap.pkmap_map - c0.kmap.pkmap_map) +
	       (c1.kmap.pkmap_hit - c0.kmap.pkmap_hit);
	kunit_info(test, "%s: %lu kmap() pool uses, %lu maps with faults off, %lu local maps\n",
		   rd->ops->name, pool, c1.kmap.atomic_map - c0.kmap.atomic_map,
		   c1.kmap.local_map - c0.kmap.local_map);
	if (before) {
		KUNIT_EXPECT_GT(test, pool, 0UL);
		KUNIT_EXPECT_GT(test, c1.kmap.atomic_map, c0.kmap.atomic_map);
	} else {
		KUNIT_EXPECT_EQ(test, pool, 0UL);
		KUNIT_EXPECT_EQ(test, c1.kmap.atomic_map, c0.kmap.atomic_map);
		KUNIT_EXPECT_GT(test, c1.kmap.local_map, c0.kmap.local_map);
	}
	KUNIT_EXPECT_EQ(test, c1.kmap.local_map - c0.kmap.local_map,
			c1.kmap.local_unmap - c0.kmap.local_unmap);
	KUNIT_EXPECT_EQ(test, rd_contract.bounce_preemptible, k0.bounce_preemptible);
	KUNIT_EXPECT_EQ(test, rd_contract.copy_faults_enabled, k0.copy_faults_enabled);
}

static int rdt_init_kmap(struct kunit *test)
{
	return rdt_init(test, &ramdisk_kmap_ops);
}

static int rdt_init_local(struct kunit *test)
{
	return rdt_init(test, &ramdisk_local_ops);
}

/* The same cases in both: an array each, as a case records its status. */
static struct kunit_case ramdisk_kmap_cases[] = {
	KUNIT_CASE(rd_write_read_across_blocks),
	KUNIT_CASE(rd_rejects_ranges_outside),
	KUNIT_CASE(rd_copy_block_nests_correctly),
	KUNIT_CASE(rd_checksum_is_crc32),
	KUNIT_CASE(rd_checksum_under_preemption),
	KUNIT_CASE(rd_write_nofault_good_source),
	KUNIT_CASE(rd_write_nofault_bad_source),
	KUNIT_CASE(rd_write_nofault_from_irq),
	KUNIT_CASE(rd_discard_in_worker),
	KUNIT_CASE(rd_mapping_apis_used),
	{}
};

static struct kunit_case ramdisk_local_cases[] = {
	KUNIT_CASE(rd_write_read_across_blocks),
	KUNIT_CASE(rd_rejects_ranges_outside),
	KUNIT_CASE(rd_copy_block_nests_correctly),
	KUNIT_CASE(rd_checksum_is_crc32),
	KUNIT_CASE(rd_checksum_under_preemption),
	KUNIT_CASE(rd_write_nofault_good_source),
	KUNIT_CASE(rd_write_nofault_bad_source),
	KUNIT_CASE(rd_write_nofault_from_irq),
	KUNIT_CASE(rd_discard_in_worker),
	KUNIT_CASE(rd_mapping_apis_used),
	{}
};

static struct kunit_suite ramdisk_kmap_suite = {
	.name = "ramdisk_kmap",
	.init = rdt_init_kmap,
	.exit = rdt_exit,
	.test_cases = ramdisk_kmap_cases,
};

static struct kunit_suite ramdisk_local_suite = {
	.name = "ramdisk_local",
	.init = rdt_init_local,
	.exit = rdt_exit,
	.test_cases = ramdisk_local_cases,
};
kunit_test_suites(&ramdisk_kmap_suite, &ramdisk_local_suite);
