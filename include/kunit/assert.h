/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit assertions: what a failed KUNIT_EXPECT_*() / KUNIT_ASSERT_*()
 * records, and the functions that turn that record into Linux's message
 * ("Expected a == b, but" and the values). Same names as Linux's
 * <kunit/assert.h>; the text is built in a fixed buffer (struct
 * kunit_stream) because kmaplab has no allocator yet.
 */
#ifndef _KUNIT_ASSERT_H
#define _KUNIT_ASSERT_H

#include <linux/kernel.h>
#include <linux/stdarg.h>

struct kunit;

enum kunit_assert_type {
	KUNIT_ASSERTION,
	KUNIT_EXPECTATION,
};

/* Where the failed check is; static, so the macros cost one pointer. */
struct kunit_loc {
	int line;
	const char *file;
};

#define KUNIT_CURRENT_LOC { .file = __FILE__, .line = __LINE__ }

/* The user's optional message: Linux's struct va_format. */
struct kunit_msg {
	const char *fmt;
	va_list *va;
};

/* A bounded text buffer the format functions append to. */
struct kunit_stream {
	char *buf;
	size_t size, len;
};

__printf(2, 3) void kunit_stream_add(struct kunit_stream *s, const char *fmt, ...);

/* Base "class" of every assertion record (empty, as in Linux). */
struct kunit_assert {
};

typedef void (*assert_format_t)(const struct kunit_assert *assert,
				const struct kunit_msg *message,
				struct kunit_stream *stream);

void kunit_assert_prologue(const struct kunit_loc *loc,
			   enum kunit_assert_type type,
			   struct kunit_stream *stream);

/* KUNIT_FAIL(): only the message. */
struct kunit_fail_assert {
	struct kunit_assert assert;
};

void kunit_fail_assert_format(const struct kunit_assert *assert,
			      const struct kunit_msg *message,
			      struct kunit_stream *stream);

/* KUNIT_EXPECT_TRUE() / _FALSE(). */
struct kunit_unary_assert {
	struct kunit_assert assert;
	const char *condition;
	bool expected_true;
};

#define KUNIT_INIT_UNARY_ASSERT_STRUCT(cond, expect_true) {		\
	.condition = cond,						\
	.expected_true = expect_true,					\
}

void kunit_unary_assert_format(const struct kunit_assert *assert,
			       const struct kunit_msg *message,
			       struct kunit_stream *stream);

/* KUNIT_EXPECT_NOT_ERR_OR_NULL(). */
struct kunit_ptr_not_err_assert {
	struct kunit_assert assert;
	const char *text;
	const void *value;
};

#define KUNIT_INIT_PTR_NOT_ERR_STRUCT(txt, val) {			\
	.text = txt,							\
	.value = val,							\
}

void kunit_ptr_not_err_assert_format(const struct kunit_assert *assert,
				     const struct kunit_msg *message,
				     struct kunit_stream *stream);

/* The source text of a binary check: "a", "==", "b". */
struct kunit_binary_assert_text {
	const char *operation;
	const char *left_text;
	const char *right_text;
};

/* Integers of every width are widened to long long, as in Linux. */
struct kunit_binary_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	long long left_value;
	long long right_value;
};

void kunit_binary_assert_format(const struct kunit_assert *assert,
				const struct kunit_msg *message,
				struct kunit_stream *stream);

struct kunit_binary_ptr_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	const void *left_value;
	const void *right_value;
};

void kunit_binary_ptr_assert_format(const struct kunit_assert *assert,
				    const struct kunit_msg *message,
				    struct kunit_stream *stream);

struct kunit_binary_str_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	const char *left_value;
	const char *right_value;
};

void kunit_binary_str_assert_format(const struct kunit_assert *assert,
				    const struct kunit_msg *message,
				    struct kunit_stream *stream);

#define KUNIT_INIT_BINARY_ASSERT_STRUCT(text_, left_val, right_val) {	\
	.text = text_,							\
	.left_value = left_val,						\
	.right_value = right_val,					\
}

struct kunit_mem_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	const void *left_value;
	const void *right_value;
	size_t size;
};

#define KUNIT_INIT_MEM_ASSERT_STRUCT(text_, left_val, right_val, size_) { \
	.text = text_,							\
	.left_value = left_val,						\
	.right_value = right_val,					\
	.size = size_,							\
}

void kunit_mem_assert_format(const struct kunit_assert *assert,
			     const struct kunit_msg *message,
			     struct kunit_stream *stream);

/* kmaplab: KUNIT_EXPECT_OOPS() -- the call that should have oopsed. */
struct kunit_oops_assert {
	struct kunit_assert assert;
	const char *call_text;
};

void kunit_oops_assert_format(const struct kunit_assert *assert,
			      const struct kunit_msg *message,
			      struct kunit_stream *stream);

#endif /* _KUNIT_ASSERT_H */
