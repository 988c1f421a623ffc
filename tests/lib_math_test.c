// SPDX-License-Identifier: GPL-2.0
/*
 * lib/math/: int_sqrt() and int_sqrt64() are floor(sqrt(x)) -- checked
 * by the defining property r^2 <= x < (r+1)^2 at every boundary -- and
 * int_pow() is repeated multiplication, wrapping in u64 like it.
 */
#include <kunit/test.h>
#include <linux/limits.h>
#include <linux/math.h>

static void lib_math_int_sqrt(struct kunit *test)
{
	unsigned long r, x;

	for (r = 0; r < 65536; r += 7) {	/* r * r fits in 32 bits */
		/* exactly r^2, one below, and the last x with this root */
		x = r * r;
		KUNIT_EXPECT_EQ(test, int_sqrt(x), r);
		if (x)
			KUNIT_EXPECT_EQ(test, int_sqrt(x - 1), r - 1);
		if (r < 65535)
			KUNIT_EXPECT_EQ(test, int_sqrt(x + 2 * r), r);
	}
	KUNIT_EXPECT_EQ(test, int_sqrt(ULONG_MAX), 65535UL);
}

static void lib_math_int_sqrt64(struct kunit *test)
{
	u64 r;

	for (r = 60000; r < 0xffffffffULL; r = r * 3 + 1) {
		KUNIT_EXPECT_EQ(test, (u64)int_sqrt64(r * r), r);
		KUNIT_EXPECT_EQ(test, (u64)int_sqrt64(r * r - 1), r - 1);
		KUNIT_EXPECT_EQ(test, (u64)int_sqrt64(r * r + 2 * r), r);
	}
	KUNIT_EXPECT_EQ(test, int_sqrt64(U64_MAX), 0xffffffffU);
}

static void lib_math_int_pow(struct kunit *test)
{
	u64 want = 1;
	unsigned int e;

	for (e = 0; e < 70; e++) {	/* past 2^64: wraps as the product does */
		KUNIT_EXPECT_EQ(test, int_pow(3, e), want);
		want *= 3;
	}
	KUNIT_EXPECT_EQ(test, int_pow(0, 0), 1ULL);
	KUNIT_EXPECT_EQ(test, int_pow(2, 63), 1ULL << 63);
	KUNIT_EXPECT_EQ(test, int_pow(2, 64), 0ULL);
}

static struct kunit_case lib_math_cases[] = {
	KUNIT_CASE(lib_math_int_sqrt),
	KUNIT_CASE(lib_math_int_sqrt64),
	KUNIT_CASE(lib_math_int_pow),
	{}
};

static struct kunit_suite lib_math_suite = {
	.name = "lib_math",
	.test_cases = lib_math_cases,
};
kunit_test_suite(lib_math_suite);
