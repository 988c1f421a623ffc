// SPDX-License-Identifier: GPL-2.0
/*
 * The boot-time test run: every suite registered with kunit_test_suite()
 * sits in the .kunit_test_suites section; run those that
 * kunit.filter_glob= selects and print KTAP v1:
 *
 *   KTAP version 1
 *   1..<selected suites>
 *       KTAP version 1
 *       # Subtest: <suite>
 *       1..<selected cases>
 *       ok 1 <case>
 *   # <suite>: pass:1 fail:0 skip:0 total:1     (when total > 1)
 *   ok 1 <suite>
 *   # Totals: pass:P fail:F skip:S total:T      (kmaplab: whole run)
 *
 * Parameters, as in Linux: kunit.enable=, kunit.filter_glob=suite_glob
 * or suite_glob.case_glob, kunit.action=list, kunit.stats_enabled=.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <kunit/test.h>
#include <kmaplab/kunit.h>
#include <kmaplab/monitor.h>
#include <asm/sections.h>
#include "internal.h"
#include <kmaplab/params.h>

bool kunit_enable = true;
static char filter_suite_glob[256];
static const char *filter_case_glob;	/* NULL: every case */
static bool filter_set;
static bool action_list;

static int __init kunit_enable_setup(char *str)
{
	if (kstrtobool(str, &kunit_enable)) {
		setup_kept("kunit.enable=%d", kunit_enable);
		return 0;
	}
	return 1;
}
__setup("kunit.enable=", kunit_enable_setup);

/* "suite_glob" or "suite_glob.case_glob": split at the first dot. */
static int __init kunit_filter_glob_setup(char *str)
{
	char *dot;

	/* too long: the glob in force stays whole */
	if (strlen(str) >= sizeof(filter_suite_glob)) {
		setup_kept("kunit.filter_glob=%s%s (at most %zu bytes)",
			   filter_set ? filter_suite_glob : "*",
			   filter_case_glob ? "." : "",
			   sizeof(filter_suite_glob) - 1);
		return 0;
	}
	strscpy(filter_suite_glob, str, sizeof(filter_suite_glob));
	dot = strchr(filter_suite_glob, '.');
	filter_case_glob = NULL;
	if (dot) {
		*dot = '\0';
		filter_case_glob = dot + 1;
	}
	filter_set = true;
	return 1;
}
__setup("kunit.filter_glob=", kunit_filter_glob_setup);

/*
 * kunit.repeat=N (kmaplab's; Linux has none): run the selected suites N
 * times in one boot. The second round only passes if the first left the
 * kernel as it found it (pool, counters, threads) -- make test's
 * tcg-run-twice boots with kunit.repeat=2.
 */
static unsigned int kunit_repeat = 1;

static int __init kunit_repeat_setup(char *str)
{
	unsigned int n;

	if (kstrtouint(str, 10, &n) || n < 1 || n > 10) {
		setup_kept("kunit.repeat=%u (1..10)", kunit_repeat);
		return 0;
	}
	kunit_repeat = n;
	return 1;
}
__setup("kunit.repeat=", kunit_repeat_setup);

static int __init kunit_action_setup(char *str)
{
	if (!strcmp(str, "list"))
		action_list = true;
	else if (!strcmp(str, "run"))
		action_list = false;
	else {
		setup_kept("kunit.action=%s (list or run)", action_list ? "list" : "run");
		return 0;
	}
	return 1;
}
__setup("kunit.action=", kunit_action_setup);

static int __init kunit_stats_setup(char *str)
{
	int v;

	if (kstrtoint(str, 0, &v) || v < 0 || v > 2) {
		setup_kept("kunit.stats_enabled=%d (0..2)", kunit_stats_enabled);
		return 0;
	}
	kunit_stats_enabled = v;
	return 1;
}
__setup("kunit.stats_enabled=", kunit_stats_setup);

bool kunit_enabled(void)
{
	return kunit_enable;
}

/* A suite is in the run if its name matches and, given a case glob, a case does. */
static bool kunit_suite_selected(struct kunit_suite *suite)
{
	if (!filter_set)
		return true;
	if (!glob_match(filter_suite_glob, suite->name))
		return false;
	return !filter_case_glob || kunit_suite_count_cases(suite, filter_case_glob);
}

static unsigned int kunit_count_selected(void)
{
	struct kunit_suite *const *s;
	unsigned int n = 0;

	for (s = __kunit_suites_start; s < __kunit_suites_end; s++)
		n += kunit_suite_selected(*s);
	return n;
}

/* kunit.action=list: one "suite.case" line per selected case (Linux's hack header first). */
static void kunit_list_tests(void)
{
	struct kunit_suite *const *s;
	struct kunit_case *test_case;

	pr_info("KTAP version 1\n");
	for (s = __kunit_suites_start; s < __kunit_suites_end; s++) {
		if (!kunit_suite_selected(*s))
			continue;
		kunit_suite_for_each_test_case(*s, test_case)
			if (!filter_case_glob || glob_match(filter_case_glob, test_case->name))
				pr_info("%s.%s\n", (*s)->name, test_case->name);
	}
}

int __kunit_test_suites_init(struct kunit_suite *const *const suites,
			     int num_suites)
{
	struct kunit_result_stats totals = { 0 };
	int i, failed = 0;

	for (i = 0; i < num_suites; i++)
		failed += kunit_run_suite(suites[i], i + 1, NULL, &totals) == KUNIT_FAILURE;
	return failed;
}

static int kunit_run_selected(void)
{
	struct kunit_result_stats totals = { 0 };
	struct kunit_suite *const *s;
	unsigned int num = 0, round;
	int failed = 0;

	pr_info("KTAP version 1\n");
	pr_info("1..%u\n", kunit_count_selected() * kunit_repeat);
	for (round = 0; round < kunit_repeat; round++)
		for (s = __kunit_suites_start; s < __kunit_suites_end; s++) {
			if (!kunit_suite_selected(*s))
				continue;
			if (kunit_run_suite(*s, ++num, filter_case_glob,
					    &totals) == KUNIT_FAILURE)
				failed++;
		}
	pr_info("# Totals: pass:%lu fail:%lu skip:%lu total:%lu\n",
		totals.passed, totals.failed, totals.skipped, totals.total);
	return failed;
}

int kunit_run_all(void)
{
	int saved = console_loglevel, failed;

	if (!kunit_enable) {
		pr_info("kunit: disabled\n");
		return 0;
	}
	/*
	 * The results print at KERN_INFO, as in Linux; a loglevel= that
	 * hides them would turn every boot into a hang for the runner.
	 * It quiets the rest of the boot, not the verdict.
	 */
	if (console_loglevel <= LOGLEVEL_INFO) {
		console_loglevel = LOGLEVEL_INFO + 1;
		pr_info("kunit: loglevel=%d lifted to %d while the tests run\n",
			saved, console_loglevel);
	}
	if (action_list) {
		kunit_list_tests();
		failed = 0;
	} else {
		failed = kunit_run_selected();
	}
	console_loglevel = saved;
	return failed;
}

/* The monitor's "test [glob]": run again with a new filter. */
int kunit_run_glob(const char *glob)
{
	static char buf[256];

	strscpy(buf, glob, sizeof(buf));
	kunit_filter_glob_setup(buf);
	if (!kunit_count_selected())
		return -ENOENT;		/* not an empty "1..0" plan: the caller says so */
	kunit_run_all();
	return 0;
}
