// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit testing itself: the failure messages' exact text (formatted into
 * a buffer, so nothing scary reaches the console), the try-catch, the
 * kmaplab oops catching, skipping, parameters and fixtures.
 *
 * What cannot be checked from inside a passing case -- that a failed
 * expectation really fails its case, that a leaked preempt_count is
 * reported, that an unexpected oops ends only its case -- is checked by
 * booting with a deliberately broken suite dropped into tests/; the
 * expected output is described in include/kunit/test.h.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <linux/uaccess.h>
#include <linux/irqflags.h>
#include <kunit/test.h>
#include <kunit/test-bug.h>
#include <kmaplab/traps.h>

#define FMT_BUF 512

static const char *format_binary(char *buf, const char *left, long long lv,
				 const char *op, const char *right, long long rv)
{
	const struct kunit_binary_assert_text text = {
		.operation = op, .left_text = left, .right_text = right,
	};
	const struct kunit_binary_assert a = {
		.text = &text, .left_value = lv, .right_value = rv,
	};
	const struct kunit_msg none = { .fmt = NULL };
	struct kunit_stream s = { .buf = buf, .size = FMT_BUF };

	buf[0] = '\0';
	kunit_binary_assert_format(&a.assert, &none, &s);
	return buf;
}

static void kunit_test_binary_format(struct kunit *test)
{
	char buf[FMT_BUF];

	KUNIT_EXPECT_STREQ(test, format_binary(buf, "a", 1, "==", "b", 2),
			   "    Expected a == b, but\n"
			   "        a == 1 (0x1)\n"
			   "        b == 2 (0x2)\n");
	KUNIT_EXPECT_STREQ(test, format_binary(buf, "x", -1, "<", "y", -2),
			   "    Expected x < y, but\n"
			   "        x == -1 (0xffffffffffffffff)\n"
			   "        y == -2 (0xfffffffffffffffe)\n");
}

/* A side that is just the literal of its value is not repeated. */
static void kunit_test_literal_elided(struct kunit *test)
{
	char buf[FMT_BUF];

	KUNIT_EXPECT_STREQ(test, format_binary(buf, "1 + 1", 2, "==", "3", 3),
			   "    Expected 1 + 1 == 3, but\n"
			   "        1 + 1 == 2 (0x2)\n");
	KUNIT_EXPECT_STREQ(test, format_binary(buf, "-5", -5, "!=", "-5", -5),
			   "    Expected -5 != -5, but\n");
}

static void kunit_test_str_format(struct kunit *test)
{
	const struct kunit_binary_assert_text text = {
		.operation = "==", .left_text = "name", .right_text = "\"abc\"",
	};
	const struct kunit_binary_str_assert a = {
		.text = &text, .left_value = "abd", .right_value = "abc",
	};
	const struct kunit_msg none = { .fmt = NULL };
	char buf[FMT_BUF];
	struct kunit_stream s = { .buf = buf, .size = sizeof(buf) };

	buf[0] = '\0';
	kunit_binary_str_assert_format(&a.assert, &none, &s);
	KUNIT_EXPECT_STREQ(test, buf,
			   "    Expected name == \"abc\", but\n"
			   "        name == \"abd\"\n");
}

static void kunit_test_mem_format(struct kunit *test)
{
	static const u8 l[4] = { 1, 2, 3, 4 }, r[4] = { 1, 2, 9, 4 };
	const struct kunit_binary_assert_text text = {
		.operation = "==", .left_text = "l", .right_text = "r",
	};
	const struct kunit_mem_assert a = {
		.text = &text, .left_value = l, .right_value = r, .size = 4,
	};
	const struct kunit_msg none = { .fmt = NULL };
	char buf[FMT_BUF];
	struct kunit_stream s = { .buf = buf, .size = sizeof(buf) };

	buf[0] = '\0';
	kunit_mem_assert_format(&a.assert, &none, &s);
	KUNIT_EXPECT_STREQ(test, buf,
			   "    Expected l == r, but\n"
			   "        l ==\n"
			   "         01  02 <03> 04 \n"
			   "        r ==\n"
			   "         01  02 <09> 04 \n");
}

static void kunit_test_prologue(struct kunit *test)
{
	static const struct kunit_loc loc = { .file = "tests/x_test.c", .line = 42 };
	char buf[FMT_BUF];
	struct kunit_stream s = { .buf = buf, .size = sizeof(buf) };

	buf[0] = '\0';
	kunit_assert_prologue(&loc, KUNIT_EXPECTATION, &s);
	KUNIT_EXPECT_STREQ(test, buf, "EXPECTATION FAILED at tests/x_test.c:42\n");
	s.len = 0;
	kunit_assert_prologue(&loc, KUNIT_ASSERTION, &s);
	KUNIT_EXPECT_STREQ(test, buf, "ASSERTION FAILED at tests/x_test.c:42\n");
}

/* The stream never overruns its buffer, however much is added. */
static void kunit_test_stream_bounded(struct kunit *test)
{
	char buf[16];
	struct kunit_stream s = { .buf = buf, .size = 8 };
	int i;

	memset(buf, 'X', sizeof(buf));
	buf[0] = '\0';
	for (i = 0; i < 10; i++)
		kunit_stream_add(&s, "%d", 12345);
	KUNIT_EXPECT_EQ(test, strlen(buf), (size_t)7);
	KUNIT_EXPECT_EQ(test, buf[8], 'X');
}

/* --- oops catching (kmaplab) ------------------------------------------ */

/* volatile: the compiler must not see the NULL and turn it into ud2. */
static int *volatile kunit_test_null;

static void deref_null(void *arg)
{
	*kunit_test_null = 1;
}

static void do_bug(void *arg)
{
	BUG();
}

static void do_nothing(void *arg)
{
	*(int *)arg += 1;
}

static void kunit_test_catch_null_deref(struct kunit *test)
{
	unsigned long oopses = oops_count;

	KUNIT_EXPECT_OOPS(test, deref_null, NULL);
	KUNIT_EXPECT_STREQ(test, kunit_catch_oops(test, deref_null, NULL), "page fault");
	KUNIT_EXPECT_EQ(test, oops_count, oopses + 2);
	KUNIT_EXPECT_EQ(test, oops_in_progress, 0);
}

static void kunit_test_catch_bug(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, kunit_catch_oops(test, do_bug, NULL), "kernel BUG");
}

static void kunit_test_catch_no_oops(struct kunit *test)
{
	int calls = 0;

	KUNIT_EXPECT_NULL(test, kunit_catch_oops(test, do_nothing, &calls));
	KUNIT_EXPECT_EQ(test, calls, 1);
}

/* Oops with preemption, page faults and interrupts all off. */
static void deref_null_atomic(void *arg)
{
	preempt_disable();
	pagefault_disable();
	local_irq_disable();
	*kunit_test_null = 2;
}

/* The catch puts back what the oopsing code had changed. */
static void kunit_test_catch_restores_context(struct kunit *test)
{
	int pc = preempt_count();
	int pf = current->pagefault_disabled;
	bool irqs_off = irqs_disabled();

	KUNIT_EXPECT_OOPS(test, deref_null_atomic, NULL);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	KUNIT_EXPECT_EQ(test, current->pagefault_disabled, pf);
	KUNIT_EXPECT_EQ(test, irqs_disabled(), irqs_off);
}

/* --- try-catch, skip, current test --------------------------------------- */

static void throw_it(void *arg)
{
	kunit_try_catch_throw(arg);
}

static void kunit_test_try_catch(struct kunit *test)
{
	struct kunit_try_catch tc;
	int calls = 0;

	KUNIT_EXPECT_EQ(test, kunit_try_catch_run(&tc, throw_it, &tc), KUNIT_TRY_THROWN);
	KUNIT_EXPECT_EQ(test, kunit_try_catch_run(&tc, do_nothing, &calls),
			KUNIT_TRY_RETURNED);
	KUNIT_EXPECT_EQ(test, calls, 1);
	KUNIT_EXPECT_EQ(test, kunit_try_catch_get_result(&tc), KUNIT_TRY_RETURNED);
}

static void kunit_test_mark_skipped(struct kunit *test)
{
	struct kunit other;

	kunit_init_test(&other, "other", NULL);
	KUNIT_EXPECT_EQ(test, other.status, KUNIT_SUCCESS);
	kunit_mark_skipped(&other, "because %d", 42);
	KUNIT_EXPECT_EQ(test, other.status, KUNIT_SKIPPED);
	KUNIT_EXPECT_STREQ(test, other.status_comment, "because 42");
}

/* Skipping ends the case: the line after kunit_skip() must not run. */
static void kunit_test_skip(struct kunit *test)
{
	kunit_skip(test, "skipping on purpose");
	KUNIT_FAIL(test, "still running after kunit_skip()");
}

static void kunit_test_current(struct kunit *test)
{
	KUNIT_EXPECT_PTR_EQ(test, kunit_get_current_test(), test);
	KUNIT_EXPECT_STREQ(test, test->name, "kunit_test_current");
}

/* --- fixtures and parameters --------------------------------------------- */

static int kunit_test_fixture = 7;

static int kunit_test_init(struct kunit *test)
{
	test->priv = &kunit_test_fixture;
	return 0;
}

static void kunit_test_priv(struct kunit *test)
{
	KUNIT_ASSERT_NOT_NULL(test, test->priv);
	KUNIT_EXPECT_EQ(test, *(int *)test->priv, 7);
}

struct square_case {
	int in, out;
};

static const struct square_case square_cases[] = {
	{ 0, 0 }, { 3, 9 }, { -4, 16 },
};

static void square_desc(const struct square_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%d squared", c->in);
}

KUNIT_ARRAY_PARAM(square, square_cases, square_desc);

static void kunit_test_param(struct kunit *test)
{
	const struct square_case *c = test->param_value;

	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->in * c->in, c->out);
	KUNIT_EXPECT_PTR_EQ(test, c, &square_cases[test->param_index]);
}

/* Every assertion macro, passing, with the integer types tests use. */
static void kunit_test_macros_pass(struct kunit *test)
{
	u64 big = 1ULL << 40;
	size_t sz = 3;
	long neg = -1;
	enum kunit_status st = KUNIT_SKIPPED;
	static const char bytes[] = { 1, 2, 3 };
	int x = 5, *px = &x;

	KUNIT_EXPECT_TRUE(test, x == 5);
	KUNIT_EXPECT_FALSE(test, x == 6);
	KUNIT_EXPECT_EQ(test, big, 1ULL << 40);
	KUNIT_EXPECT_NE(test, sz, 4);
	KUNIT_EXPECT_LT(test, neg, 0);
	KUNIT_EXPECT_LE(test, sz, (size_t)3);
	KUNIT_EXPECT_GT(test, big, 0);
	KUNIT_EXPECT_GE(test, x, 5);
	KUNIT_EXPECT_EQ(test, st, KUNIT_SKIPPED);
	KUNIT_EXPECT_PTR_EQ(test, px, &x);
	KUNIT_EXPECT_PTR_NE(test, px, NULL);
	KUNIT_EXPECT_NULL(test, NULL);
	KUNIT_EXPECT_NOT_NULL(test, px);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, px);
	KUNIT_EXPECT_STREQ(test, "abc", "abc");
	KUNIT_EXPECT_STRNEQ(test, "abc", "abd");
	KUNIT_EXPECT_MEMEQ(test, bytes, "\x01\x02\x03", 3);
	KUNIT_EXPECT_MEMNEQ(test, bytes, "\x01\x02\x04", 3);
	KUNIT_EXPECT_EQ_MSG(test, x, 5, "x is %d", x);
	KUNIT_ASSERT_TRUE(test, true);
	KUNIT_ASSERT_EQ(test, sz, 3);
	KUNIT_ASSERT_STREQ_MSG(test, "a", "a", "%s", "never shown");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, px);
	KUNIT_SUCCEED(test);
}

/* Each argument is evaluated exactly once, pass or fail. */
static void kunit_test_single_evaluation(struct kunit *test)
{
	int a = 0, b = 0;

	KUNIT_EXPECT_EQ(test, a++, b++);
	KUNIT_EXPECT_EQ(test, a, 1);
	KUNIT_EXPECT_EQ(test, b, 1);
	KUNIT_EXPECT_TRUE(test, a++ == 1);
	KUNIT_EXPECT_EQ(test, a, 2);
}

static struct kunit_case kunit_core_test_cases[] = {
	KUNIT_CASE(kunit_test_binary_format),
	KUNIT_CASE(kunit_test_literal_elided),
	KUNIT_CASE(kunit_test_str_format),
	KUNIT_CASE(kunit_test_mem_format),
	KUNIT_CASE(kunit_test_prologue),
	KUNIT_CASE(kunit_test_stream_bounded),
	KUNIT_CASE(kunit_test_catch_null_deref),
	KUNIT_CASE(kunit_test_catch_bug),
	KUNIT_CASE(kunit_test_catch_no_oops),
	KUNIT_CASE(kunit_test_catch_restores_context),
	KUNIT_CASE(kunit_test_try_catch),
	KUNIT_CASE(kunit_test_mark_skipped),
	KUNIT_CASE(kunit_test_skip),
	KUNIT_CASE(kunit_test_current),
	KUNIT_CASE(kunit_test_priv),
	KUNIT_CASE_PARAM(kunit_test_param, square_gen_params),
	KUNIT_CASE(kunit_test_macros_pass),
	KUNIT_CASE(kunit_test_single_evaluation),
	{}
};

static struct kunit_suite kunit_core_test_suite = {
	.name = "kunit",
	.init = kunit_test_init,
	.test_cases = kunit_core_test_cases,
};
kunit_test_suite(kunit_core_test_suite);
