/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit, the kernel's unit-test API, with Linux's names and semantics so
 * that a Linux test file builds here unchanged:
 *
 *	static void add_test(struct kunit *test)
 *	{
 *		KUNIT_EXPECT_EQ(test, 2, 1 + 1);
 *	}
 *
 *	static struct kunit_case add_cases[] = {
 *		KUNIT_CASE(add_test),
 *		{}
 *	};
 *
 *	static struct kunit_suite add_suite = {
 *		.name = "add",
 *		.test_cases = add_cases,
 *	};
 *	kunit_test_suite(add_suite);
 *
 * Drop such a file into tests/ as *_test.c and it runs at boot; results
 * are printed as KTAP, as Linux 6.1 prints them.
 *
 * What differs from Linux:
 *  - no per-test log buffer: messages go straight to printk;
 *  - a case runs on the boot stack, not in a kthread (see
 *    <kunit/try-catch.h>);
 *  - the value lines of a failed check also show hex ("a == 1 (0x1)"),
 *    and MEMEQ shows at most 32 bytes around the first difference;
 *  - kmaplab extension: kunit_catch_oops() / KUNIT_EXPECT_OOPS() for a
 *    test that expects an oops or BUG() (see the end of this file).
 *
 * What a failing case looks like (the executor is lib/kunit/):
 *
 *     # demo: EXPECTATION FAILED at tests/demo_test.c:17
 *     Expected a == b, but
 *         a == 1 (0x1)
 *         b == 2 (0x2)
 *     not ok 1 demo
 *
 * A failed KUNIT_ASSERT_*() prints "ASSERTION FAILED" and ends the case
 * (suite->exit still runs). An oops inside a case prints its report,
 * then "# demo: crashed: page fault", and the run goes on with the next
 * case. A case that returns with preempt_count, the pagefault_disable()
 * depth or the IRQ flag changed fails with "# demo: preempt_count
 * leaked: 0 -> 1" (or pagefault_disabled / irqs_disabled); the runner
 * puts them back either way.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <kunit/assert.h>
#include <kunit/try-catch.h>

#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kconfig.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/types.h>

struct kunit;

/* Size of the log a test keeps (Linux's debugfs log; unused here). */
#define KUNIT_LOG_SIZE 512

/* Maximum size of a parameter description string. */
#define KUNIT_PARAM_DESC_SIZE 128

/* Maximum size of a status comment (the SKIP reason). */
#define KUNIT_STATUS_COMMENT_SIZE 256

/* KUnit indents a subtest by four spaces, a sub-subtest by eight. */
#define KUNIT_SUBTEST_INDENT "    "
#define KUNIT_SUBSUBTEST_INDENT "        "

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

/*
 * One test case: a function taking struct kunit *. Build the array with
 * KUNIT_CASE() and end it with an empty element {}.
 */
struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);

	/* private: internal use only. */
	enum kunit_status status;
	char *log;
};

static inline char *kunit_status_to_ok_not_ok(enum kunit_status status)
{
	switch (status) {
	case KUNIT_SKIPPED:
	case KUNIT_SUCCESS:
		return "ok";
	case KUNIT_FAILURE:
		return "not ok";
	}
	return "invalid";
}

#define KUNIT_CASE(test_name) { .run_case = test_name, .name = #test_name }

/* Linux 6.6's speed attribute; every case here is run the same way. */
#define KUNIT_CASE_SLOW(test_name) KUNIT_CASE(test_name)

/*
 * A parameterised case: gen_params(prev, desc) returns the next value
 * (prev is NULL the first time) or NULL when there are no more, and may
 * write a description into desc (KUNIT_PARAM_DESC_SIZE bytes).
 */
#define KUNIT_CASE_PARAM(test_name, gen_params)				\
	{ .run_case = test_name, .name = #test_name,			\
	  .generate_params = gen_params }

/*
 * A suite: cases sharing a fixture. init/exit run around every case,
 * suite_init/suite_exit once around the whole suite.
 */
struct kunit_suite {
	const char name[256];
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;

	/* private: internal use only. */
	enum kunit_status status;	/* for kunit_mark_skipped(suite) */
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	char *log;
	int suite_init_err;
};

/* A running test case. Only priv is for the test's own use. */
struct kunit {
	void *priv;

	/* private: internal use only. */
	const char *name;
	char *log;
	struct kunit_try_catch try_catch;
	const void *param_value;
	int param_index;
	enum kunit_status status;
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	/* <kunit/resource.h>: released by kunit_cleanup(), newest first */
	spinlock_t lock;
	struct list_head resources;
};

static inline void kunit_set_failure(struct kunit *test)
{
	WRITE_ONCE(test->status, KUNIT_FAILURE);
}

bool kunit_enabled(void);
void kunit_init_test(struct kunit *test, const char *name, char *log);
int kunit_run_tests(struct kunit_suite *suite);
size_t kunit_suite_num_test_cases(struct kunit_suite *suite);
unsigned int kunit_test_case_num(struct kunit_suite *suite,
				 struct kunit_case *test_case);
enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite);
int __kunit_test_suites_init(struct kunit_suite *const *const suites,
			     int num_suites);

/*
 * Registration: an array of suite pointers in the .kunit_test_suites
 * section, which linker.ld gathers between __kunit_suites_start and
 * __kunit_suites_end. Any number of files may register suites.
 */
#define __kunit_test_suites(unique_array, ...)				\
	static struct kunit_suite *const unique_array[]			\
	__aligned(sizeof(struct kunit_suite *))				\
	__used __section(".kunit_test_suites") = { __VA_ARGS__ }

#define kunit_test_suites(__suites...)					\
	__kunit_test_suites(__UNIQUE_ID(array), ##__suites)

#define kunit_test_suite(suite) kunit_test_suites(&suite)

/* Linux needs these for suites using __init code; here they are the same. */
#define kunit_test_init_section_suites(__suites...)			\
	__kunit_test_suites(__UNIQUE_ID(array_probe), ##__suites)
#define kunit_test_init_section_suite(suite)				\
	kunit_test_init_section_suites(&suite)

#define kunit_suite_for_each_test_case(suite, test_case)		\
	for (test_case = (suite)->test_cases; test_case->run_case; test_case++)

/*
 * kunit_mark_skipped(): the case (or suite) is reported as skipped,
 * with fmt as the reason, but goes on running. kunit_skip(): the same,
 * and the case ends here (its exit still runs).
 */
#define kunit_mark_skipped(test_or_suite, fmt, ...)			\
	do {								\
		WRITE_ONCE((test_or_suite)->status, KUNIT_SKIPPED);	\
		scnprintf((test_or_suite)->status_comment,		\
			  KUNIT_STATUS_COMMENT_SIZE,			\
			  fmt, ##__VA_ARGS__);				\
	} while (0)

#define kunit_skip(test_or_suite, fmt, ...)				\
	do {								\
		kunit_mark_skipped((test_or_suite), fmt, ##__VA_ARGS__); \
		kunit_try_catch_throw(&((test_or_suite)->try_catch));	\
	} while (0)

/*
 * Test-managed allocations: kmalloc_array() and friends whose memory is
 * freed when the case ends, however it ends (lib/kunit/resource.c).
 * kunit_kfree() frees one early; on a pointer kunit did not allocate it
 * fails the test.
 */
void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp);

static inline void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, 1, size, gfp);
}

void kunit_kfree(struct kunit *test, const void *ptr);

static inline void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc(test, size, gfp | __GFP_ZERO);
}

static inline void *kunit_kcalloc(struct kunit *test, size_t n, size_t size,
				  gfp_t gfp)
{
	return kunit_kmalloc_array(test, n, size, gfp | __GFP_ZERO);
}

/* Releases every resource of test (run after suite->exit). */
void kunit_cleanup(struct kunit *test);

/*
 * Messages. As in Linux, fmt gets no newline added: end it with "\n"
 * (printk starts a new line anyway when the next message comes).
 */
#define kunit_log(lvl, test_or_suite, fmt, ...)				\
	do {								\
		(void)(test_or_suite);					\
		printk(lvl fmt, ##__VA_ARGS__);				\
	} while (0)

#define kunit_printk(lvl, test, fmt, ...)				\
	kunit_log(lvl, test, KUNIT_SUBTEST_INDENT "# %s: " fmt,		\
		  (test)->name, ##__VA_ARGS__)

#define kunit_info(test, fmt, ...)					\
	kunit_printk(KERN_INFO, test, fmt, ##__VA_ARGS__)
#define kunit_warn(test, fmt, ...)					\
	kunit_printk(KERN_WARNING, test, fmt, ##__VA_ARGS__)
#define kunit_err(test, fmt, ...)					\
	kunit_printk(KERN_ERR, test, fmt, ##__VA_ARGS__)

/* The opposite of KUNIT_FAIL(): documents that reaching here is fine. */
#define KUNIT_SUCCEED(test) do {} while (0)

/* KUNIT_EXPECT_*(), KUNIT_ASSERT_*(), KUNIT_FAIL() and their helpers. */
#include <kunit/expect.h>

/*
 * KUNIT_ARRAY_PARAM(name, array, get_desc): defines name##_gen_params(),
 * a generator for KUNIT_CASE_PARAM() walking array; get_desc(elem, desc)
 * (may be NULL) describes each element.
 */
#define KUNIT_ARRAY_PARAM(name, array, get_desc)			\
	static const void *name##_gen_params(const void *__prev, char *__desc) \
	{								\
		__typeof__(&(array)[0]) __next = __prev ?		\
			((__typeof__(__next))__prev) + 1 : (array);	\
		void (*__get_desc)(__typeof__(__next), char *) = get_desc; \
									\
		if (__next - (array) >= (long)ARRAY_SIZE(array))	\
			return NULL;					\
		if (__get_desc)						\
			__get_desc(__next, __desc);			\
		return __next;						\
	}

/*
 * kmaplab only -- not in Linux: tests that expect an oops.
 *
 * kunit_catch_oops(test, fn, arg) calls fn(arg); test is the running
 * case (calls may nest: an oops goes to the innermost one). If fn oopses
 * -- a CPU exception nothing fixes up (NULL dereference, #GP, ...),
 * BUG() or BUG_ON() -- the usual oops report is printed, then the oops is
 * absorbed: preempt_count, the pagefault_disable() depth and the IRQ
 * flag are put back as they were at the call, and the oops kind is
 * returned ("page fault", "kernel BUG", "general protection fault", ...).
 * If fn returns, NULL is returned. A KUNIT_ASSERT_*() failing inside fn
 * still ends the whole case.
 *
 * Only an oops in fn's own context is caught: one in an interrupt
 * handler, or an oops while an oops is being reported, still panics.
 *
 * Two diagnostic lines bracket the oops report, so that a log checker
 * can tell an expected "BUG:"/"Oops" line from a real one:
 *	    # <case>: expecting an oops from <fn>
 *	    ...report...
 *	    # <case>: oops caught: <kind>	(or: no oops from <fn>)
 * (If an assertion inside fn ends the case, the closing line is the
 * case's own result line.)
 *
 * KUNIT_EXPECT_OOPS(test, fn, arg) / KUNIT_ASSERT_OOPS(): the test fails
 * ("Expected fn(arg) to oops, but it returned") if fn(arg) returns.
 *
 * A function, not a statement, is taken on purpose: the setjmp this
 * needs then lives in lib/kunit/, not in the test's own frame, where
 * -Wclobbered would flag the test's locals.
 */
const char *kunit_catch_oops(struct kunit *test, void (*fn)(void *),
			     void *arg);

/* call_text is stringified by the outer macros, before NULL etc. expand. */
#define KUNIT_OOPS_ASSERTION(test, assert_type, fn, arg, call_text_,	\
			     fmt, ...)					\
	do {								\
		if (likely(kunit_catch_oops(test, fn, arg)))		\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_oops_assert,	\
			      kunit_oops_assert_format,			\
			      KUNIT_INIT_ASSERT(.call_text = call_text_), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#define KUNIT_EXPECT_OOPS(test, fn, arg)				\
	KUNIT_OOPS_ASSERTION(test, KUNIT_EXPECTATION, fn, arg,		\
			     #fn "(" #arg ")", NULL)
#define KUNIT_EXPECT_OOPS_MSG(test, fn, arg, fmt, ...)			\
	KUNIT_OOPS_ASSERTION(test, KUNIT_EXPECTATION, fn, arg,		\
			     #fn "(" #arg ")", fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_OOPS(test, fn, arg)				\
	KUNIT_OOPS_ASSERTION(test, KUNIT_ASSERTION, fn, arg,		\
			     #fn "(" #arg ")", NULL)
#define KUNIT_ASSERT_OOPS_MSG(test, fn, arg, fmt, ...)			\
	KUNIT_OOPS_ASSERTION(test, KUNIT_ASSERTION, fn, arg,		\
			     #fn "(" #arg ")", fmt, ##__VA_ARGS__)

#endif /* _KUNIT_TEST_H */
