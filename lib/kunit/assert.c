// SPDX-License-Identifier: GPL-2.0
/*
 * Turning a failed KUnit check into Linux's message:
 *
 *     # case: EXPECTATION FAILED at tests/x_test.c:42
 *     Expected a == b, but
 *         a == 1 (0x1)
 *         b == 2 (0x2)
 *
 * kunit_do_failed_assertion(), at the end, prints the whole text with one
 * kunit_err(), so only the first line carries the "# case: " prefix. A
 * side that is a literal of its own value ("2" for 2) is not repeated.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/err.h>
#include <kunit/assert.h>
#include <kunit/test.h>

void kunit_stream_add(struct kunit_stream *s, const char *fmt, ...)
{
	va_list ap;

	if (s->len + 1 >= s->size)
		return;
	va_start(ap, fmt);
	s->len += vscnprintf(s->buf + s->len, s->size - s->len, fmt, ap);
	va_end(ap);
}

/* The user's message, if any, goes on a line of its own (unindented, as Linux). */
static void kunit_assert_print_msg(const struct kunit_msg *message,
				   struct kunit_stream *s)
{
	va_list ap;

	if (!message->fmt || s->len + 1 >= s->size)
		return;
	if (s->len && s->buf[s->len - 1] != '\n')
		kunit_stream_add(s, "\n");
	va_copy(ap, *message->va);
	s->len += vscnprintf(s->buf + s->len, s->size - s->len, message->fmt, ap);
	va_end(ap);
}

void kunit_assert_prologue(const struct kunit_loc *loc,
			   enum kunit_assert_type type,
			   struct kunit_stream *stream)
{
	kunit_stream_add(stream, "%s FAILED at %s:%d\n",
			 type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION",
			 loc->file, loc->line);
}

void kunit_fail_assert_format(const struct kunit_assert *assert,
			      const struct kunit_msg *message,
			      struct kunit_stream *stream)
{
	va_list ap;

	if (!message->fmt)
		return;
	va_copy(ap, *message->va);
	stream->len += vscnprintf(stream->buf + stream->len,
				  stream->size - stream->len, message->fmt, ap);
	va_end(ap);
}

void kunit_unary_assert_format(const struct kunit_assert *assert,
			       const struct kunit_msg *message,
			       struct kunit_stream *stream)
{
	const struct kunit_unary_assert *a =
		container_of(assert, struct kunit_unary_assert, assert);

	kunit_stream_add(stream, KUNIT_SUBTEST_INDENT "Expected %s to be %s, but is %s\n",
			 a->condition, a->expected_true ? "true" : "false",
			 a->expected_true ? "false" : "true");
	kunit_assert_print_msg(message, stream);
}

void kunit_ptr_not_err_assert_format(const struct kunit_assert *assert,
				     const struct kunit_msg *message,
				     struct kunit_stream *stream)
{
	const struct kunit_ptr_not_err_assert *a =
		container_of(assert, struct kunit_ptr_not_err_assert, assert);

	if (!a->value)
		kunit_stream_add(stream, KUNIT_SUBTEST_INDENT "Expected %s is not null, but is\n",
				 a->text);
	else if (IS_ERR(a->value))
		kunit_stream_add(stream, KUNIT_SUBTEST_INDENT "Expected %s is not error, but is: %ld\n",
				 a->text, PTR_ERR(a->value));
	kunit_assert_print_msg(message, stream);
}

/* Is text the decimal spelling of value ("5" for 5)? Then don't repeat it. */
static bool is_literal(const char *text, long long value)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", value);
	return !strcmp(buf, text);
}

static void kunit_assert_print_texts(const struct kunit_binary_assert_text *t,
				     struct kunit_stream *stream)
{
	kunit_stream_add(stream, KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n",
			 t->left_text, t->operation, t->right_text);
}

void kunit_binary_assert_format(const struct kunit_assert *assert,
				const struct kunit_msg *message,
				struct kunit_stream *stream)
{
	const struct kunit_binary_assert *a =
		container_of(assert, struct kunit_binary_assert, assert);

	kunit_assert_print_texts(a->text, stream);
	if (!is_literal(a->text->left_text, a->left_value))
		kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == %lld (0x%llx)\n",
				 a->text->left_text, a->left_value,
				 (unsigned long long)a->left_value);
	if (!is_literal(a->text->right_text, a->right_value))
		kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == %lld (0x%llx)\n",
				 a->text->right_text, a->right_value,
				 (unsigned long long)a->right_value);
	kunit_assert_print_msg(message, stream);
}

void kunit_binary_ptr_assert_format(const struct kunit_assert *assert,
				    const struct kunit_msg *message,
				    struct kunit_stream *stream)
{
	const struct kunit_binary_ptr_assert *a =
		container_of(assert, struct kunit_binary_ptr_assert, assert);

	kunit_assert_print_texts(a->text, stream);
	kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == %p\n",
			 a->text->left_text, a->left_value);
	kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == %p\n",
			 a->text->right_text, a->right_value);
	kunit_assert_print_msg(message, stream);
}

/* Is text the string literal of value ("\"abc\"" for abc)? */
static bool is_str_literal(const char *text, const char *value)
{
	size_t len = strlen(text);

	if (!value || len < 2 || text[0] != '"' || text[len - 1] != '"')
		return false;
	return strlen(value) == len - 2 && !strncmp(text + 1, value, len - 2);
}

static void kunit_print_str_value(const char *text, const char *value,
				  struct kunit_stream *stream)
{
	if (is_str_literal(text, value))
		return;
	if (value)
		kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == \"%s\"\n",
				 text, value);
	else
		kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == NULL\n", text);
}

void kunit_binary_str_assert_format(const struct kunit_assert *assert,
				    const struct kunit_msg *message,
				    struct kunit_stream *stream)
{
	const struct kunit_binary_str_assert *a =
		container_of(assert, struct kunit_binary_str_assert, assert);

	kunit_assert_print_texts(a->text, stream);
	kunit_print_str_value(a->text->left_text, a->left_value, stream);
	kunit_print_str_value(a->text->right_text, a->right_value, stream);
	kunit_assert_print_msg(message, stream);
}

#define KUNIT_HEXDUMP_ROW 16
#define KUNIT_HEXDUMP_ROWS 2

/*
 * One side of a MEMEQ failure, as Linux shows it: " xx " for a byte both
 * sides share, "<xx>" for one that differs. A long buffer is cut to the
 * rows around the first difference, with the offset said.
 */
static void kunit_assert_hexdump(struct kunit_stream *stream, const u8 *buf,
				 const u8 *other, size_t start, size_t end)
{
	size_t i;

	kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT);
	for (i = start; i < end; i++) {
		if (i != start && !((i - start) % KUNIT_HEXDUMP_ROW))
			kunit_stream_add(stream, "\n" KUNIT_SUBSUBTEST_INDENT);
		kunit_stream_add(stream, buf[i] != other[i] ? "<%02x>" : " %02x ",
				 buf[i]);
	}
	kunit_stream_add(stream, "\n");
}

void kunit_mem_assert_format(const struct kunit_assert *assert,
			     const struct kunit_msg *message,
			     struct kunit_stream *stream)
{
	const struct kunit_mem_assert *a =
		container_of(assert, struct kunit_mem_assert, assert);
	const u8 *l = a->left_value, *r = a->right_value;
	size_t first = 0, start, end;

	if (!l || !r) {
		kunit_stream_add(stream, KUNIT_SUBTEST_INDENT "Expected %s is not null, but is\n",
				 !l ? a->text->left_text : a->text->right_text);
		kunit_assert_print_msg(message, stream);
		return;
	}
	while (first < a->size && l[first] == r[first])
		first++;
	start = first < a->size ? ALIGN_DOWN(first, KUNIT_HEXDUMP_ROW) : 0;
	end = min(a->size, start + KUNIT_HEXDUMP_ROW * KUNIT_HEXDUMP_ROWS);

	kunit_assert_print_texts(a->text, stream);
	if (start || end < a->size) {
		if (first < a->size)
			kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT
					 "(bytes %zu..%zu of %zu; first difference at %zu)\n",
					 start, end - 1, a->size, first);
		else
			kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT
					 "(bytes %zu..%zu of %zu; no byte differs)\n",
					 start, end - 1, a->size);
	}
	kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s ==\n", a->text->left_text);
	kunit_assert_hexdump(stream, l, r, start, end);
	kunit_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s ==\n", a->text->right_text);
	kunit_assert_hexdump(stream, r, l, start, end);
	kunit_assert_print_msg(message, stream);
}

void kunit_oops_assert_format(const struct kunit_assert *assert,
			      const struct kunit_msg *message,
			      struct kunit_stream *stream)
{
	const struct kunit_oops_assert *a =
		container_of(assert, struct kunit_oops_assert, assert);

	kunit_stream_add(stream, KUNIT_SUBTEST_INDENT "Expected %s to oops, but it returned\n",
			 a->call_text);
	kunit_assert_print_msg(message, stream);
}

/* A failed KUNIT_EXPECT/ASSERT: the whole report, as one message. */
/* The longest failure message; longer ones are cut. */
#define KUNIT_MSG_SIZE 768

void kunit_do_failed_assertion(struct kunit *test,
			       const struct kunit_loc *loc,
			       enum kunit_assert_type type,
			       const struct kunit_assert *assert,
			       assert_format_t assert_format,
			       const char *fmt, ...)
{
	char buf[KUNIT_MSG_SIZE];
	struct kunit_stream stream = { .buf = buf, .size = sizeof(buf) };
	struct kunit_msg message = { .fmt = fmt };
	va_list args;

	buf[0] = '\0';
	kunit_set_failure(test);
	va_start(args, fmt);
	message.va = &args;
	kunit_assert_prologue(loc, type, &stream);
	assert_format(assert, &message, &stream);
	va_end(args);
	if (stream.len && buf[stream.len - 1] != '\n')
		kunit_stream_add(&stream, "\n");
	kunit_err(test, "%s", buf);
}
