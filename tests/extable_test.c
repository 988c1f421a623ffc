// SPDX-License-Identifier: GPL-2.0
/*
 * extable suite: the exception table turns a fault on an expected
 * instruction into an error return. copy_{from,to}_kernel_nofault() and
 * get_kernel_nofault() must return -EFAULT on an unmapped or read-only
 * address -- without an oops -- and copy normally everywhere else.
 *
 * Known-unmapped addresses: the NULL page, the fixmap's FIX_HOLE (the
 * top page, never mapped), and the boot stack's guard page.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/fixmap.h>
#include <asm/sections.h>
#include <kunit/test.h>
#include <kmaplab/traps.h>
#include <kmaplab/kunit.h>


static u32 extable_test_var = 0x12345678;
static const u32 extable_test_ro = 0xfeedface;

static void extable_test_read_unmapped(struct kunit *test)
{
	unsigned long oopses = oops_count;
	u32 v = 0xaaaaaaaa;

	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)fix_to_virt(FIX_HOLE)), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)boot_stack_guard), -EFAULT);
	/* Nothing was read, and none of it was an oops. */
	KUNIT_EXPECT_EQ(test, v, 0xaaaaaaaaU);
	KUNIT_EXPECT_EQ(test, oops_count, oopses);
}

static void extable_test_read_mapped(struct kunit *test)
{
	u32 v = 0;
	u8 b = 0;

	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, &extable_test_var), 0);
	KUNIT_EXPECT_EQ(test, v, 0x12345678U);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, &extable_test_ro), 0);
	KUNIT_EXPECT_EQ(test, v, 0xfeedfaceU);
	/* Kernel text is readable too (backtraces read return addresses). */
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, (u8 *)kunit_run_all), 0);
	KUNIT_EXPECT_EQ(test, b, *(u8 *)kunit_run_all);
}

static void extable_test_copy_from(struct kunit *test)
{
	static const char src[] = "exception table";
	char dst[sizeof(src)];

	memset(dst, 0, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(dst, src, sizeof(src)), 0);
	KUNIT_EXPECT_STREQ(test, dst, src);
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(dst, src, 0), 0);
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(dst, NULL, 1), -EFAULT);
}

static void extable_test_write(struct kunit *test)
{
	u32 v = 0xcafe0001;
	unsigned long oopses = oops_count;

	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault(&extable_test_var, &v, sizeof(v)), 0);
	KUNIT_EXPECT_EQ(test, extable_test_var, 0xcafe0001U);
	extable_test_var = 0x12345678;

	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault(NULL, &v, sizeof(v)), -EFAULT);
	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault((void *)fix_to_virt(FIX_HOLE), &v,
						     sizeof(v)), -EFAULT);
	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault(boot_stack_guard, &v, sizeof(v)),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, oops_count, oopses);
}

/*
 * Writing into kernel text must fail once mm/ maps it read-only (CR0.WP
 * makes ring 0 honour that). The byte written is the one already there,
 * so if the text is still writable nothing changes and we skip.
 */
static void extable_test_write_text(struct kunit *test)
{
	u8 *text = (u8 *)kunit_run_all;
	u8 orig = *text;
	long ret;

	if (!(read_cr0() & X86_CR0_WP))
		kunit_skip(test, "CR0.WP is off: ring 0 ignores read-only pages");
	ret = copy_to_kernel_nofault(text, &orig, 1);
	if (ret == 0)
		kunit_skip(test, "kernel text is still mapped writable (mm/ not there yet)");
	KUNIT_EXPECT_EQ(test, ret, -EFAULT);
	KUNIT_EXPECT_EQ(test, *text, orig);
}

/* The same for .rodata. */
static void extable_test_write_rodata(struct kunit *test)
{
	u32 v = extable_test_ro;
	long ret;

	if (!(read_cr0() & X86_CR0_WP))
		kunit_skip(test, "CR0.WP is off: ring 0 ignores read-only pages");
	ret = copy_to_kernel_nofault((void *)&extable_test_ro, &v, sizeof(v));
	if (ret == 0)
		kunit_skip(test, "rodata is still mapped writable (mm/ not there yet)");
	KUNIT_EXPECT_EQ(test, ret, -EFAULT);
	KUNIT_EXPECT_EQ(test, extable_test_ro, 0xfeedfaceU);
}

/*
 * A copy that starts on a mapped page and runs into the guard page: the
 * bytes before the guard are copied, then the fault stops it; the call
 * as a whole fails. The page just below the guard is the end of boot_pt.
 */
static void extable_test_copy_from_crossing(struct kunit *test)
{
	const u8 *src = (const u8 *)((unsigned long)boot_stack_guard - 8);
	u8 dst[16], expect[8];
	int i;

	KUNIT_ASSERT_EQ_MSG(test, copy_from_kernel_nofault(expect, src, 8), 0,
			    "the page below the boot stack guard should be mapped");
	memset(dst, 0x5a, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(dst, src, 16), -EFAULT);
	KUNIT_EXPECT_MEMEQ(test, dst, expect, 8);
	for (i = 8; i < 16; i++)
		KUNIT_EXPECT_EQ_MSG(test, dst[i], 0x5a, "byte %d was written", i);
}

/* The same the other way; what is written below the guard is what was there. */
static void extable_test_copy_to_crossing(struct kunit *test)
{
	u8 *dst = (u8 *)((unsigned long)boot_stack_guard - 8);
	u8 src[16], before[8];

	KUNIT_ASSERT_EQ(test, copy_from_kernel_nofault(before, dst, 8), 0);
	memcpy(src, before, 8);
	memset(src + 8, 0x5a, 8);
	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault(dst, src, 16), -EFAULT);
	KUNIT_EXPECT_MEMEQ(test, dst, before, 8);
}

/* The fixup path must not leak the pagefault_disable() it runs under. */
static void extable_test_pagefault_balance(struct kunit *test)
{
	int depth = current->pagefault_disabled;
	u32 v;

	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, current->pagefault_disabled, depth);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, &extable_test_var), 0);
	KUNIT_EXPECT_EQ(test, current->pagefault_disabled, depth);
	KUNIT_EXPECT_FALSE(test, pagefault_disabled());
}

static struct kunit_case extable_test_cases[] = {
	KUNIT_CASE(extable_test_read_unmapped),
	KUNIT_CASE(extable_test_read_mapped),
	KUNIT_CASE(extable_test_copy_from),
	KUNIT_CASE(extable_test_write),
	KUNIT_CASE(extable_test_write_text),
	KUNIT_CASE(extable_test_write_rodata),
	KUNIT_CASE(extable_test_copy_from_crossing),
	KUNIT_CASE(extable_test_copy_to_crossing),
	KUNIT_CASE(extable_test_pagefault_balance),
	{}
};

static struct kunit_suite extable_test_suite = {
	.name = "extable",
	.test_cases = extable_test_cases,
};
kunit_test_suite(extable_test_suite);
