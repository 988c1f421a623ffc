/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit hooks for code that is not itself a test: find the test that is
 * running, and fail it from deep inside the code under test (Linux's
 * <kunit/test-bug.h>).
 */
#ifndef _KUNIT_TEST_BUG_H
#define _KUNIT_TEST_BUG_H

#include <linux/compiler.h>

struct kunit;

/* The case running now on this CPU, or NULL outside a test run. */
struct kunit *kunit_get_current_test(void);

__printf(3, 4)
void __kunit_fail_current_test(const char *file, int line, const char *fmt, ...);

/* Marks the running case failed and prints fmt; no-op outside a test. */
#define kunit_fail_current_test(fmt, ...)				\
	__kunit_fail_current_test(__FILE__, __LINE__, fmt, ##__VA_ARGS__)

#endif /* _KUNIT_TEST_BUG_H */
