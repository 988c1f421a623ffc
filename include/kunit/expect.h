/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KUNIT_EXPECT_H
#define _KUNIT_EXPECT_H

/*
 * The checks of <kunit/test.h>: KUNIT_EXPECT_*() and KUNIT_ASSERT_*() for
 * every comparison, KUNIT_FAIL(), and the building blocks they share.
 * Included by <kunit/test.h> after struct kunit; include that.
 */
#include <kunit/test.h>	/* struct kunit; it includes this at its end */

/*
 * The failure path, out of line: prints the message and marks the test
 * failed. The macros below evaluate each argument exactly once into a
 * local of its own type and only call this when the check failed.
 */
__printf(6, 7)
void kunit_do_failed_assertion(struct kunit *test,
			       const struct kunit_loc *loc,
			       enum kunit_assert_type type,
			       const struct kunit_assert *assert,
			       assert_format_t assert_format,
			       const char *fmt, ...);

/* Ends the running case (after a failed KUNIT_ASSERT_*()). */
__noreturn void __kunit_abort(struct kunit *test);

/*
 * The record is built only on failure. INITIALIZER must be passed here
 * unexpanded (a macro call): a braced list handed through one more macro
 * level would be split at its commas.
 */
#define _KUNIT_FAILED(test, assert_type, assert_class, assert_format,	\
		      INITIALIZER, fmt, ...)				\
	do {								\
		static const struct kunit_loc __loc = KUNIT_CURRENT_LOC; \
		const struct assert_class __assertion = INITIALIZER;	\
		kunit_do_failed_assertion(test, &__loc, assert_type,	\
					  &__assertion.assert,		\
					  assert_format,		\
					  fmt, ##__VA_ARGS__);		\
		if (assert_type == KUNIT_ASSERTION)			\
			__kunit_abort(test);				\
	} while (0)

#define KUNIT_INIT_ASSERT(initializers...) { initializers }

#define KUNIT_FAIL_ASSERTION(test, assert_type, fmt, ...)		\
	_KUNIT_FAILED(test, assert_type, kunit_fail_assert,		\
		      kunit_fail_assert_format, {}, fmt, ##__VA_ARGS__)

/* KUNIT_FAIL(): an expectation that always fails, with a message. */
#define KUNIT_FAIL(test, fmt, ...)					\
	KUNIT_FAIL_ASSERTION(test, KUNIT_EXPECTATION, fmt, ##__VA_ARGS__)

/* KUNIT_ASSERT_FAILURE(): the same, and the case ends (Linux 6.2). */
#define KUNIT_ASSERT_FAILURE(test, fmt, ...)				\
	KUNIT_FAIL_ASSERTION(test, KUNIT_ASSERTION, fmt, ##__VA_ARGS__)

#define KUNIT_UNARY_ASSERTION(test, assert_type, condition_,		\
			      expected_true_, fmt, ...)			\
	do {								\
		if (likely(!!(condition_) == !!(expected_true_)))	\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_unary_assert,	\
			      kunit_unary_assert_format,		\
			      KUNIT_INIT_ASSERT(.condition = #condition_, \
						.expected_true = expected_true_), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#define KUNIT_TRUE_MSG_ASSERTION(test, assert_type, condition, fmt, ...) \
	KUNIT_UNARY_ASSERTION(test, assert_type, condition, true,	\
			      fmt, ##__VA_ARGS__)

#define KUNIT_FALSE_MSG_ASSERTION(test, assert_type, condition, fmt, ...) \
	KUNIT_UNARY_ASSERTION(test, assert_type, condition, false,	\
			      fmt, ##__VA_ARGS__)

/*
 * Integer comparison of any width and signedness: both sides keep their
 * own type for the comparison itself (C's usual conversions, as written
 * in the test) and are widened to long long for the message.
 */
#define KUNIT_BINARY_INT_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	do {								\
		const __typeof__(left) __left = (left);			\
		const __typeof__(right) __right = (right);		\
		static const struct kunit_binary_assert_text __text = {	\
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
									\
		if (likely(__left op __right))				\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_binary_assert,	\
			      kunit_binary_assert_format,		\
			      KUNIT_INIT_ASSERT(.text = &__text,	\
						.left_value = __left,	\
						.right_value = __right), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

/* __auto_type: arrays and functions decay to pointers, as in a comparison. */
#define KUNIT_BINARY_PTR_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	do {								\
		__auto_type __left = (left);				\
		__auto_type __right = (right);				\
		static const struct kunit_binary_assert_text __text = {	\
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
									\
		if (likely(__left op __right))				\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_binary_ptr_assert, \
			      kunit_binary_ptr_assert_format,		\
			      KUNIT_INIT_ASSERT(.text = &__text,	\
						.left_value = (const void *)__left, \
						.right_value = (const void *)__right), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

/* A NULL string compares equal only to NULL (Linux would oops). */
#define KUNIT_BINARY_STR_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	do {								\
		const char *__left = (left);				\
		const char *__right = (right);				\
		static const struct kunit_binary_assert_text __text = {	\
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
									\
		if (likely(__left && __right ?				\
			   strcmp(__left, __right) op 0 :		\
			   __left op __right))				\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_binary_str_assert, \
			      kunit_binary_str_assert_format,		\
			      KUNIT_INIT_ASSERT(.text = &__text,	\
						.left_value = __left,	\
						.right_value = __right), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

/* A NULL buffer always fails, whatever op is. */
#define KUNIT_MEM_ASSERTION(test, assert_type, left, op, right,		\
			    size_, fmt, ...)				\
	do {								\
		const void *__left = (left);				\
		const void *__right = (right);				\
		const size_t __size = (size_);				\
		static const struct kunit_binary_assert_text __text = {	\
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
									\
		if (likely(__left && __right &&				\
			   memcmp(__left, __right, __size) op 0))	\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_mem_assert,	\
			      kunit_mem_assert_format,			\
			      KUNIT_INIT_ASSERT(.text = &__text,	\
						.left_value = __left,	\
						.right_value = __right,	\
						.size = __size),	\
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#define KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, assert_type, ptr,	\
						fmt, ...)		\
	do {								\
		__auto_type __ptr = (ptr);				\
									\
		if (!IS_ERR_OR_NULL(__ptr))				\
			break;						\
		_KUNIT_FAILED(test, assert_type, kunit_ptr_not_err_assert, \
			      kunit_ptr_not_err_assert_format,		\
			      KUNIT_INIT_ASSERT(.text = #ptr,		\
						.value = (const void *)__ptr), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

/*
 * KUNIT_EXPECT_*(): on failure, print and mark the case failed, then go
 * on. KUNIT_ASSERT_*(): print, mark failed, and end the case.
 */
#define KUNIT_EXPECT_TRUE(test, condition)				\
	KUNIT_EXPECT_TRUE_MSG(test, condition, NULL)
#define KUNIT_EXPECT_TRUE_MSG(test, condition, fmt, ...)		\
	KUNIT_TRUE_MSG_ASSERTION(test, KUNIT_EXPECTATION, condition,	\
				 fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_FALSE(test, condition)				\
	KUNIT_EXPECT_FALSE_MSG(test, condition, NULL)
#define KUNIT_EXPECT_FALSE_MSG(test, condition, fmt, ...)		\
	KUNIT_FALSE_MSG_ASSERTION(test, KUNIT_EXPECTATION, condition,	\
				  fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_EQ(test, left, right)				\
	KUNIT_EXPECT_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NE(test, left, right)				\
	KUNIT_EXPECT_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_LT(test, left, right)				\
	KUNIT_EXPECT_LT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, <, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_LE(test, left, right)				\
	KUNIT_EXPECT_LE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, <=, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_GT(test, left, right)				\
	KUNIT_EXPECT_GT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, >, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_GE(test, left, right)				\
	KUNIT_EXPECT_GE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, >=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_PTR_EQ(test, left, right)				\
	KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_NE(test, left, right)				\
	KUNIT_EXPECT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_NULL(test, ptr)					\
	KUNIT_EXPECT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   ptr, ==, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL(test, ptr)				\
	KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   ptr, !=, NULL, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_NOT_ERR_OR_NULL(test, ptr)				\
	KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)		\
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_EXPECTATION, \
						ptr, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_STREQ(test, left, right)				\
	KUNIT_EXPECT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STREQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_STRNEQ(test, left, right)				\
	KUNIT_EXPECT_STRNEQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STRNEQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_MEMEQ(test, left, right, size)			\
	KUNIT_EXPECT_MEMEQ_MSG(test, left, right, size, NULL)
#define KUNIT_EXPECT_MEMEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION,			\
			    left, ==, right, size, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_MEMNEQ(test, left, right, size)			\
	KUNIT_EXPECT_MEMNEQ_MSG(test, left, right, size, NULL)
#define KUNIT_EXPECT_MEMNEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION,			\
			    left, !=, right, size, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_TRUE(test, condition)				\
	KUNIT_ASSERT_TRUE_MSG(test, condition, NULL)
#define KUNIT_ASSERT_TRUE_MSG(test, condition, fmt, ...)		\
	KUNIT_TRUE_MSG_ASSERTION(test, KUNIT_ASSERTION, condition,	\
				 fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE(test, condition)				\
	KUNIT_ASSERT_FALSE_MSG(test, condition, NULL)
#define KUNIT_ASSERT_FALSE_MSG(test, condition, fmt, ...)		\
	KUNIT_FALSE_MSG_ASSERTION(test, KUNIT_ASSERTION, condition,	\
				  fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_EQ(test, left, right)				\
	KUNIT_ASSERT_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NE(test, left, right)				\
	KUNIT_ASSERT_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LT(test, left, right)				\
	KUNIT_ASSERT_LT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, <, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LE(test, left, right)				\
	KUNIT_ASSERT_LE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, <=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GT(test, left, right)				\
	KUNIT_ASSERT_GT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, >, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GE(test, left, right)				\
	KUNIT_ASSERT_GE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, >=, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_PTR_EQ(test, left, right)				\
	KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_NE(test, left, right)				\
	KUNIT_ASSERT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_NULL(test, ptr)					\
	KUNIT_ASSERT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   ptr, ==, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL(test, ptr)				\
	KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   ptr, !=, NULL, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ptr)				\
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)		\
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_ASSERTION,	\
						ptr, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_STREQ(test, left, right)				\
	KUNIT_ASSERT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STREQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_STRNEQ(test, left, right)				\
	KUNIT_ASSERT_STRNEQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STRNEQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_MEMEQ(test, left, right, size)			\
	KUNIT_ASSERT_MEMEQ_MSG(test, left, right, size, NULL)
#define KUNIT_ASSERT_MEMEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION,			\
			    left, ==, right, size, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMNEQ(test, left, right, size)			\
	KUNIT_ASSERT_MEMNEQ_MSG(test, left, right, size, NULL)
#define KUNIT_ASSERT_MEMNEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION,			\
			    left, !=, right, size, fmt, ##__VA_ARGS__)

#endif /* _KUNIT_EXPECT_H */
