// SPDX-License-Identifier: GPL-2.0
/*
 * Static keys (<linux/jump_label.h>, kernel/jump_label.c): a branch on
 * a false key is not taken and is a 5-byte nop in the text; enabling the
 * key makes it a jmp that is taken; disabling puts the nop back. With
 * several CPUs up the rewrite goes through the rendezvous, so the smp
 * runs exercise that too.
 */
#include <kunit/test.h>
#include <linux/jump_label.h>
#include <linux/string.h>
#include <asm/sections.h>

static DEFINE_STATIC_KEY_FALSE(jl_test_key);

static noinline bool jl_test_branch(void)
{
	if (static_branch_unlikely(&jl_test_key))
		return true;
	return false;
}

/* The one __jump_table entry for jl_test_key (it has one branch). */
static const struct jump_entry *jl_test_entry(struct kunit *test)
{
	const struct jump_entry *e, *found = NULL;
	int n = 0;

	for (e = __start___jump_table; e < __stop___jump_table; e++)
		if (e->key == (u32)(unsigned long)&jl_test_key.key) {
			found = e;
			n++;
		}
	KUNIT_ASSERT_EQ(test, n, 1);
	return found;
}

static void jump_label_flips_branch(struct kunit *test)
{
	static const u8 nop5[] = { 0x0f, 0x1f, 0x44, 0x00, 0x00 };
	const struct jump_entry *e = jl_test_entry(test);
	const u8 *code = (const u8 *)(unsigned long)e->code;
	s32 rel;

	KUNIT_EXPECT_FALSE(test, static_key_enabled(&jl_test_key.key));
	KUNIT_EXPECT_FALSE(test, jl_test_branch());
	KUNIT_EXPECT_EQ(test, memcmp(code, nop5, 5), 0);

	static_branch_enable(&jl_test_key);
	KUNIT_EXPECT_TRUE(test, static_key_enabled(&jl_test_key.key));
	KUNIT_EXPECT_TRUE(test, jl_test_branch());
	KUNIT_EXPECT_EQ(test, code[0], 0xe9);
	memcpy(&rel, code + 1, sizeof(rel));
	KUNIT_EXPECT_EQ(test, e->code + 5 + rel, e->target);

	static_branch_enable(&jl_test_key);	/* already on: nothing changes */
	KUNIT_EXPECT_TRUE(test, jl_test_branch());

	static_branch_disable(&jl_test_key);
	KUNIT_EXPECT_FALSE(test, jl_test_branch());
	KUNIT_EXPECT_EQ(test, memcmp(code, nop5, 5), 0);
}

/* Every entry lies in the kernel's text, as does its target. */
static void jump_label_table_in_text(struct kunit *test)
{
	const struct jump_entry *e = __start___jump_table;

	KUNIT_EXPECT_TRUE(test, e < __stop___jump_table);
	for (; e < __stop___jump_table; e++) {
		KUNIT_EXPECT_GE(test, e->code, (u32)(unsigned long)_text);
		KUNIT_EXPECT_LT(test, e->code, (u32)(unsigned long)_etext);
		KUNIT_EXPECT_GE(test, e->target, (u32)(unsigned long)_text);
		KUNIT_EXPECT_LT(test, e->target, (u32)(unsigned long)_etext);
	}
}

static struct kunit_case jump_label_cases[] = {
	KUNIT_CASE(jump_label_flips_branch),
	KUNIT_CASE(jump_label_table_in_text),
	{}
};

static struct kunit_suite jump_label_suite = {
	.name = "jump_label",
	.test_cases = jump_label_cases,
};
kunit_test_suite(jump_label_suite);
