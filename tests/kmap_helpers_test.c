// SPDX-License-Identifier: GPL-2.0
/* The <linux/highmem.h> helpers on highmem pages (all via kmap_local). */
#include "kmap_test_common.h"

static void helpers_copy_and_zero(struct kunit *test)
{
	struct page *a = kt_alloc_highpage(test), *b = kt_alloc_highpage(test);
	char buf[64];
	u8 *v;
	int i;

	v = kmap_local_page(a);
	kt_fill(v, 5);
	kunmap_local(v);

	copy_highpage(b, a);
	v = kmap_local_page(b);
	KUNIT_EXPECT_EQ(test, kt_check(v, 5), -1);
	kunmap_local(v);

	memcpy_from_page(buf, a, 100, sizeof(buf));
	for (i = 0; i < (int)sizeof(buf); i++)
		KUNIT_EXPECT_EQ(test, (u8)buf[i], kt_pattern(5, 100 + i));

	memset(buf, 0x5a, sizeof(buf));
	memcpy_to_page(b, PAGE_SIZE - sizeof(buf), buf, sizeof(buf));
	memcpy_page(a, 0, b, PAGE_SIZE - 8, 8);
	memset_page(b, 10, 0x77, 5);
	zero_user_segments(a, 20, 30, 4000, 4010);
	memzero_page(b, 200, 3);

	v = kmap_local_page(a);
	KUNIT_EXPECT_EQ(test, v[0], 0x5a);
	KUNIT_EXPECT_EQ(test, v[7], 0x5a);
	KUNIT_EXPECT_EQ(test, v[8], kt_pattern(5, 8));
	KUNIT_EXPECT_EQ(test, v[19], kt_pattern(5, 19));
	KUNIT_EXPECT_EQ(test, v[20], 0);
	KUNIT_EXPECT_EQ(test, v[29], 0);
	KUNIT_EXPECT_EQ(test, v[30], kt_pattern(5, 30));
	KUNIT_EXPECT_EQ(test, v[4005], 0);
	kunmap_local(v);
	v = kmap_local_page(b);
	KUNIT_EXPECT_EQ(test, v[10], 0x77);
	KUNIT_EXPECT_EQ(test, v[14], 0x77);
	KUNIT_EXPECT_EQ(test, v[15], kt_pattern(5, 15));
	KUNIT_EXPECT_EQ(test, v[201], 0);
	KUNIT_EXPECT_EQ(test, v[PAGE_SIZE - 1], 0x5a);
	kunmap_local(v);

	clear_highpage(a);
	v = kmap_local_page(a);
	KUNIT_EXPECT_NULL(test, memchr_inv(v, 0, PAGE_SIZE));
	kunmap_local(v);
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	__free_page(a);
	__free_page(b);
}

static struct kunit_case kmap_helpers_cases[] = {
	KUNIT_CASE(helpers_copy_and_zero),
	{}
};

static struct kunit_suite kmap_helpers_suite = {
	.name = "kmap_helpers",
	.test_cases = kmap_helpers_cases,
};
kunit_test_suite(kmap_helpers_suite);
