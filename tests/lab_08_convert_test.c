// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 08 (docs/labs/08-convert-ramdisk.md): convert a kmap() user.
 *
 * `make lab-reset LAB=08` turns drivers/block/ramdisk_local.c back into the
 * kmap()/kmap_atomic() code of drivers/block/ramdisk_kmap.c. The lab is done
 * when it uses kmap_local_page() only -- no kmap() pool slot, no mapping
 * with page faults off -- and still keeps every contract kmap_atomic()
 * used to keep for it, and still gives the same results as the original.
 */
#include "ramdisk_test.h"

static int lab8_init(struct kunit *test)
{
	return rdt_init(test, &ramdisk_local_ops);
}

static void lab8_need_highmem(struct kunit *test)
{
	if (!rdt_disk(test)->nr_highmem)
		kunit_skip(test, "no highmem pages in the disk (boot with lowmem=32M)");
}

/* kmap() and kunmap() are gone: the pool is never touched. */
static void lab8_uses_no_pool_slot(struct kunit *test)
{
	struct kt_counters c0, c1;

	lab8_need_highmem(test);
	kt_counters(&c0);
	rdt_exercise(test, rdt_disk(test));
	kt_counters(&c1);
	KUNIT_EXPECT_EQ(test, c1.kmap.pkmap_map, c0.kmap.pkmap_map);
	KUNIT_EXPECT_EQ(test, c1.kmap.pkmap_hit, c0.kmap.pkmap_hit);
	KUNIT_EXPECT_GT(test, c1.kmap.local_map, c0.kmap.local_map);
}

/*
 * kmap_atomic() is gone, and no pagefault_disable() is wrapped around a
 * mapping call: the counter counts maps made with page faults off.
 */
static void lab8_maps_with_faults_on(struct kunit *test)
{
	struct kt_counters c0, c1;

	lab8_need_highmem(test);
	kt_counters(&c0);
	rdt_exercise(test, rdt_disk(test));
	kt_counters(&c1);
	KUNIT_EXPECT_EQ(test, c1.kmap.atomic_map, c0.kmap.atomic_map);
	KUNIT_EXPECT_EQ(test, c1.kmap.unmap_order_errors, c0.kmap.unmap_order_errors);
}

/* What kmap_atomic() did on the side, still done where it is needed. */
static void lab8_keeps_the_contracts(struct kunit *test)
{
	struct rd_contract_stats k0 = rd_contract;

	rdt_exercise(test, rdt_disk(test));
	KUNIT_EXPECT_EQ(test, rd_contract.bounce_preemptible, k0.bounce_preemptible);
	KUNIT_EXPECT_EQ(test, rd_contract.copy_faults_enabled, k0.copy_faults_enabled);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	KUNIT_EXPECT_FALSE(test, pagefault_disabled());
}

/* ...and it matters: preempted mid-checksum, the other thread's data wins. */
static void lab8_checksums_survive_preemption(struct kunit *test)
{
	struct rdt_sum_ctx c[2];

	rdt_run_checksummers(test, rdt_disk(test), c);
	KUNIT_EXPECT_EQ(test, c[0].bad + c[1].bad, 0UL);
}

/* The same operations give the same disk as the kmap() original. */
static void lab8_same_results_as_before(struct kunit *test)
{
	struct ramdisk *old = ramdisk_create(RDT_BLOCKS, &ramdisk_kmap_ops);
	struct ramdisk *rd = rdt_disk(test);
	u8 *x = rdt_buf(test, PAGE_SIZE), *y = rdt_buf(test, PAGE_SIZE);
	unsigned int i;
	u32 s1, s2;

	KUNIT_ASSERT_NOT_NULL(test, old);
	rdt_exercise(test, old);
	rdt_exercise(test, rd);
	for (i = 0; i < RDT_BLOCKS; i++) {
		KUNIT_EXPECT_EQ(test, ramdisk_read(old, i * PAGE_SIZE, x, PAGE_SIZE), 0);
		KUNIT_EXPECT_EQ(test, ramdisk_read(rd, i * PAGE_SIZE, y, PAGE_SIZE), 0);
		KUNIT_EXPECT_EQ(test, memcmp(x, y, PAGE_SIZE), 0);
		KUNIT_EXPECT_EQ(test, ramdisk_checksum(old, i, &s1), 0);
		KUNIT_EXPECT_EQ(test, ramdisk_checksum(rd, i, &s2), 0);
		KUNIT_EXPECT_EQ(test, s1, s2);
	}
	ramdisk_destroy(old);
}

static struct kunit_case lab8_cases[] = {
	KUNIT_CASE(lab8_uses_no_pool_slot),
	KUNIT_CASE(lab8_maps_with_faults_on),
	KUNIT_CASE(lab8_keeps_the_contracts),
	KUNIT_CASE(lab8_checksums_survive_preemption),
	KUNIT_CASE(lab8_same_results_as_before),
	{}
};

static struct kunit_suite lab8_suite = {
	.name = "lab_08_convert",
	.init = lab8_init,
	.exit = rdt_exit,
	.test_cases = lab8_cases,
};
kunit_test_suite(lab8_suite);
