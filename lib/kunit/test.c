// SPDX-License-Identifier: GPL-2.0
/*
 * The KUnit core: run a suite's cases, each in its own try-catch
 * (try-catch.c) so that a failed assertion, kunit_skip() or an oops ends
 * only that case, and print the results as KTAP the way Linux 6.1 does.
 *
 * A case runs in three phases -- suite->init, the case, suite->exit --
 * each its own try, so exit still runs after the case was aborted (as
 * Linux's cleanup does). Around the whole case the context a test must
 * leave alone (preempt_count, the pagefault_disable() depth, the IRQ
 * flag) is checked: a case that returned normally but left it changed
 * has misused an API and fails; after an abort it is simply put back.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <kunit/test.h>
#include <kunit/test-bug.h>
#include "internal.h"

int kunit_stats_enabled = 1;

/* The case running now (Linux keeps it in current->kunit_test). */
static struct kunit *kunit_current;

struct kunit *kunit_get_current_test(void)
{
	return kunit_current;
}

void __kunit_fail_current_test(const char *file, int line, const char *fmt, ...)
{
	struct kunit *test = kunit_current;
	char buf[256];
	va_list ap;

	if (!test)
		return;
	kunit_set_failure(test);
	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	kunit_err(test, "%s:%d: %s\n", file, line, buf);
}

void kunit_init_test(struct kunit *test, const char *name, char *log)
{
	test->name = name;
	test->log = log;
	test->status = KUNIT_SUCCESS;
	test->status_comment[0] = '\0';
	spin_lock_init(&test->lock);
	INIT_LIST_HEAD(&test->resources);
}

/* --- running one case ----------------------------------------------- */

struct kunit_case_ctx {
	struct kunit *test;
	struct kunit_suite *suite;
	struct kunit_case *test_case;
	int init_ret;
};

static void kunit_case_init_fn(void *data)
{
	struct kunit_case_ctx *ctx = data;

	ctx->init_ret = ctx->suite->init(ctx->test);
}

static void kunit_case_run_fn(void *data)
{
	struct kunit_case_ctx *ctx = data;

	ctx->test_case->run_case(ctx->test);
}

static void kunit_case_exit_fn(void *data)
{
	struct kunit_case_ctx *ctx = data;

	ctx->suite->exit(ctx->test);
}

static void kunit_case_cleanup_fn(void *data)
{
	struct kunit_case_ctx *ctx = data;

	kunit_cleanup(ctx->test);
}

/* Runs one phase; true if it came back by returning. */
static bool kunit_run_phase(struct kunit *test, void (*fn)(void *),
			    struct kunit_case_ctx *ctx, const char *phase)
{
	int ret = kunit_try_catch_run(&test->try_catch, fn, ctx);

	if (ret == KUNIT_TRY_CRASHED) {
		kunit_err(test, "crashed%s: %s\n", phase, test->try_catch.oops);
		kunit_set_failure(test);
	}
	return ret == KUNIT_TRY_RETURNED;
}

/* Fails the case if it changed what it had to leave as it was. */
static void kunit_check_ctx(struct kunit *test, const struct kunit_ctx_state *before)
{
	struct kunit_ctx_state now;
	int irqs_before = !(before->irq_flags & X86_EFLAGS_IF);
	int irqs_now;

	kunit_ctx_save(&now);
	irqs_now = !(now.irq_flags & X86_EFLAGS_IF);
	if (now.preempt_count != before->preempt_count) {
		kunit_err(test, "preempt_count leaked: %x -> %x\n",
			  before->preempt_count, now.preempt_count);
		kunit_set_failure(test);
	}
	if (now.pagefault_disabled != before->pagefault_disabled) {
		kunit_err(test, "pagefault_disabled leaked: %d -> %d\n",
			  before->pagefault_disabled, now.pagefault_disabled);
		kunit_set_failure(test);
	}
	if (irqs_now != irqs_before) {
		kunit_err(test, "irqs_disabled leaked: %d -> %d\n",
			  irqs_before, irqs_now);
		kunit_set_failure(test);
	}
}

static void kunit_run_case_catch_errors(struct kunit_suite *suite,
					struct kunit_case *test_case,
					struct kunit *test)
{
	struct kunit_case_ctx ctx = {
		.test = test, .suite = suite, .test_case = test_case,
	};
	struct kunit_ctx_state before;
	bool clean = true;

	kunit_init_test(test, test_case->name, test_case->log);
	kunit_ctx_save(&before);
	kunit_current = test;

	if (suite->init) {
		clean = kunit_run_phase(test, kunit_case_init_fn, &ctx, " in init");
		if (clean && ctx.init_ret) {
			kunit_err(test, "failed to initialize: %d\n", ctx.init_ret);
			kunit_set_failure(test);
		}
	}
	if (clean && !ctx.init_ret)
		clean = kunit_run_phase(test, kunit_case_run_fn, &ctx, "");
	if (suite->exit)
		clean &= kunit_run_phase(test, kunit_case_exit_fn, &ctx, " in exit");
	clean &= kunit_run_phase(test, kunit_case_cleanup_fn, &ctx, " in cleanup");

	if (clean)
		kunit_check_ctx(test, &before);
	kunit_ctx_restore(&before);
	kunit_current = NULL;

	/* A parameterised case fails if any run did, passes if any passed. */
	if (test->status == KUNIT_FAILURE)
		test_case->status = KUNIT_FAILURE;
	else if (test_case->status != KUNIT_FAILURE && test->status == KUNIT_SUCCESS)
		test_case->status = KUNIT_SUCCESS;
}

/* --- printing ----------------------------------------------------------- */

static bool kunit_should_print_stats(const struct kunit_result_stats *stats)
{
	if (kunit_stats_enabled == 0)
		return false;
	if (kunit_stats_enabled == 2)
		return true;
	return stats->total > 1;
}

static void kunit_update_stats(struct kunit_result_stats *stats,
			       enum kunit_status status)
{
	switch (status) {
	case KUNIT_SUCCESS:
		stats->passed++;
		break;
	case KUNIT_SKIPPED:
		stats->skipped++;
		break;
	case KUNIT_FAILURE:
		stats->failed++;
		break;
	}
	stats->total++;
}

static void kunit_accumulate_stats(struct kunit_result_stats *total,
				   const struct kunit_result_stats *add)
{
	total->passed += add->passed;
	total->skipped += add->skipped;
	total->failed += add->failed;
	total->total += add->total;
}

static void kunit_print_stats(const char *indent, const char *name,
			      const struct kunit_result_stats *s)
{
	pr_info("%s# %s: pass:%lu fail:%lu skip:%lu total:%lu\n", indent, name,
		s->passed, s->failed, s->skipped, s->total);
}

/* "ok 3 name", "not ok 3 name", "ok 3 name # SKIP reason". */
static void kunit_print_ok_not_ok(const char *indent, enum kunit_status status,
				  unsigned int num, const char *name,
				  const char *comment)
{
	bool skip = status == KUNIT_SKIPPED;

	pr_info("%s%s %u %s%s%s%s\n", indent, kunit_status_to_ok_not_ok(status),
		num, name, skip ? " # SKIP" : "",
		skip && comment[0] ? " " : "", skip ? comment : "");
}

/* --- running a suite ---------------------------------------------------- */

static bool kunit_case_selected(const struct kunit_case *test_case,
				const char *case_glob)
{
	return !case_glob || glob_match(case_glob, test_case->name);
}

size_t kunit_suite_count_cases(struct kunit_suite *suite, const char *case_glob)
{
	struct kunit_case *test_case;
	size_t n = 0;

	kunit_suite_for_each_test_case(suite, test_case)
		n += kunit_case_selected(test_case, case_glob);
	return n;
}

size_t kunit_suite_num_test_cases(struct kunit_suite *suite)
{
	return kunit_suite_count_cases(suite, NULL);
}

unsigned int kunit_test_case_num(struct kunit_suite *suite,
				 struct kunit_case *test_case)
{
	struct kunit_case *tc;
	unsigned int i = 1;

	kunit_suite_for_each_test_case(suite, tc) {
		if (tc == test_case)
			return i;
		i++;
	}
	return 0;
}

/* One run per parameter, as a nested KTAP block (no plan: Linux 6.1). */
static void kunit_run_param_case(struct kunit_suite *suite,
				 struct kunit_case *test_case, struct kunit *test,
				 struct kunit_result_stats *param_stats)
{
	char desc[KUNIT_PARAM_DESC_SIZE];
	const char *indent = KUNIT_SUBTEST_INDENT KUNIT_SUBTEST_INDENT;

	desc[0] = '\0';
	test->param_value = test_case->generate_params(NULL, desc);
	test->param_index = 0;
	pr_info("%sKTAP version 1\n", indent);
	pr_info("%s# Subtest: %s\n", indent, test_case->name);
	while (test->param_value) {
		kunit_run_case_catch_errors(suite, test_case, test);
		if (!desc[0])
			snprintf(desc, sizeof(desc), "param-%d", test->param_index);
		pr_info("%s%s %d %s\n", indent,
			kunit_status_to_ok_not_ok(test->status),
			test->param_index + 1, desc);
		kunit_update_stats(param_stats, test->status);
		desc[0] = '\0';
		test->param_value = test_case->generate_params(test->param_value, desc);
		test->param_index++;
	}
}

static void kunit_run_one_case(struct kunit_suite *suite,
			       struct kunit_case *test_case, unsigned int num,
			       struct kunit_result_stats *suite_stats,
			       struct kunit_result_stats *total_stats)
{
	struct kunit test = { .param_value = NULL, .param_index = 0 };
	struct kunit_result_stats param_stats = { 0 };

	test_case->status = KUNIT_SKIPPED;
	test.name = test_case->name;
	if (!test_case->generate_params) {
		kunit_run_case_catch_errors(suite, test_case, &test);
		kunit_update_stats(&param_stats, test.status);
	} else {
		kunit_run_param_case(suite, test_case, &test, &param_stats);
	}
	if (kunit_should_print_stats(&param_stats))
		kunit_print_stats(KUNIT_SUBTEST_INDENT, test_case->name, &param_stats);
	kunit_print_ok_not_ok(KUNIT_SUBTEST_INDENT, test_case->status, num,
			      test_case->name, test.status_comment);
	kunit_update_stats(suite_stats, test_case->status);
	kunit_accumulate_stats(total_stats, &param_stats);
}

static int kunit_run_suite_init(struct kunit_suite *suite)
{
	suite->status = KUNIT_SUCCESS;
	suite->status_comment[0] = '\0';
	suite->suite_init_err = 0;
	if (suite->suite_init) {
		suite->suite_init_err = suite->suite_init(suite);
		if (suite->suite_init_err)
			pr_err(KUNIT_SUBTEST_INDENT "# %s: failed to initialize (%d)\n",
			       suite->name, suite->suite_init_err);
	}
	return suite->suite_init_err;
}

enum kunit_status kunit_run_suite(struct kunit_suite *suite, unsigned int suite_num,
				  const char *case_glob,
				  struct kunit_result_stats *totals)
{
	struct kunit_result_stats suite_stats = { 0 }, total_stats = { 0 };
	enum kunit_status status = KUNIT_SKIPPED;
	struct kunit_case *test_case;
	unsigned int num = 0;

	/* As in Linux 6.1, suite_init runs before the header is printed. */
	if (kunit_run_suite_init(suite)) {
		status = KUNIT_FAILURE;
		goto suite_end;
	}
	pr_info(KUNIT_SUBTEST_INDENT "KTAP version 1\n");
	pr_info(KUNIT_SUBTEST_INDENT "# Subtest: %s\n", suite->name);
	pr_info(KUNIT_SUBTEST_INDENT "1..%zu\n", kunit_suite_count_cases(suite, case_glob));

	kunit_suite_for_each_test_case(suite, test_case) {
		if (!kunit_case_selected(test_case, case_glob))
			continue;
		kunit_run_one_case(suite, test_case, ++num, &suite_stats, &total_stats);
		if (test_case->status == KUNIT_FAILURE)
			status = KUNIT_FAILURE;
		else if (test_case->status == KUNIT_SUCCESS && status != KUNIT_FAILURE)
			status = KUNIT_SUCCESS;
	}
	if (suite->suite_exit)
		suite->suite_exit(suite);

	if (kunit_should_print_stats(&suite_stats))
		kunit_print_stats("", suite->name, &suite_stats);
	if (kunit_should_print_stats(&total_stats))
		kunit_print_stats("", "Totals", &total_stats);
	kunit_accumulate_stats(totals, &total_stats);
suite_end:
	kunit_print_ok_not_ok("", status, suite_num, suite->name,
			      suite->status_comment);
	return status;
}

int kunit_run_tests(struct kunit_suite *suite)
{
	struct kunit_result_stats totals = { 0 };

	kunit_run_suite(suite, 1, NULL, &totals);
	return 0;
}

/* After a run: did every selected case of suite pass (or skip)? */
enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite)
{
	const struct kunit_case *test_case;
	enum kunit_status status = KUNIT_SKIPPED;

	if (suite->suite_init_err)
		return KUNIT_FAILURE;
	kunit_suite_for_each_test_case(suite, test_case) {
		if (test_case->status == KUNIT_FAILURE)
			return KUNIT_FAILURE;
		if (test_case->status == KUNIT_SUCCESS)
			status = KUNIT_SUCCESS;
	}
	return status;
}
