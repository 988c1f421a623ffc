// SPDX-License-Identifier: GPL-2.0
/*
 * printk suite: vsnprintf()'s formats and return values, what a printk
 * line looks like on the console (captured with printk_capture), and
 * %pS symbolization through the built-in kallsyms.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>
#include <kunit/test.h>
#include <kmaplab/kunit.h>
#include <kmaplab/printk.h>

/* snprintf into a fresh buffer and compare, keeping the return value. */
#define EXPECT_FMT(test, expect, fmt, ...)				\
	do {								\
		char __buf[64];						\
		int __n;						\
									\
		memset(__buf, 'X', sizeof(__buf));			\
		__n = snprintf(__buf, sizeof(__buf), fmt, ##__VA_ARGS__); \
		KUNIT_EXPECT_STREQ_MSG(test, __buf, expect, "format \"%s\"", fmt); \
		KUNIT_EXPECT_EQ_MSG(test, __n, (int)strlen(expect),	\
				    "format \"%s\"", fmt);		\
	} while (0)

static void printk_test_signed(struct kunit *test)
{
	EXPECT_FMT(test, "0", "%d", 0);
	EXPECT_FMT(test, "-42", "%d", -42);
	EXPECT_FMT(test, "42", "%i", 42);
	EXPECT_FMT(test, "-2147483648", "%d", INT_MIN);
	EXPECT_FMT(test, "2147483647", "%d", INT_MAX);
	EXPECT_FMT(test, "-2147483648", "%ld", -LONG_MAX - 1);	/* long is 32 bits */
	EXPECT_FMT(test, "-9223372036854775808", "%lld", -LLONG_MAX - 1);
	EXPECT_FMT(test, "9223372036854775807", "%lld", LLONG_MAX);
	EXPECT_FMT(test, "-1", "%lld", -1LL);
}

static void printk_test_unsigned(struct kunit *test)
{
	EXPECT_FMT(test, "4294967295", "%u", UINT_MAX);
	EXPECT_FMT(test, "18446744073709551615", "%llu", ULLONG_MAX);
	EXPECT_FMT(test, "4294967295", "%zu", (size_t)-1);
	EXPECT_FMT(test, "255", "%u", (unsigned char)0xff);
}

static void printk_test_hex(struct kunit *test)
{
	EXPECT_FMT(test, "deadbeef", "%x", 0xdeadbeefU);
	EXPECT_FMT(test, "DEADBEEF", "%X", 0xdeadbeefU);
	EXPECT_FMT(test, "ffffffff", "%lx", ULONG_MAX);
	EXPECT_FMT(test, "123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	EXPECT_FMT(test, "ffffffffffffffff", "%llx", ULLONG_MAX);
	EXPECT_FMT(test, "0x1f", "%#x", 0x1f);
	EXPECT_FMT(test, "0", "%x", 0);
}

static void printk_test_width_and_flags(struct kunit *test)
{
	EXPECT_FMT(test, "   42", "%5d", 42);
	EXPECT_FMT(test, "42   |", "%-5d|", 42);
	EXPECT_FMT(test, "00042", "%05d", 42);
	EXPECT_FMT(test, "-0042", "%05d", -42);
	EXPECT_FMT(test, "0000beef", "%08x", 0xbeef);
	EXPECT_FMT(test, "+7", "%+d", 7);
	EXPECT_FMT(test, "   ab", "%5s", "ab");
	EXPECT_FMT(test, "ab   |", "%-5s|", "ab");
	EXPECT_FMT(test, "  7", "%*d", 3, 7);
	/* A width smaller than the number never cuts it. */
	EXPECT_FMT(test, "123456", "%3d", 123456);
}

static void printk_test_precision(struct kunit *test)
{
	EXPECT_FMT(test, "abc", "%.3s", "abcdef");
	EXPECT_FMT(test, "  abc", "%5.3s", "abcdef");
	EXPECT_FMT(test, "ab", "%.*s", 2, "abcdef");
	EXPECT_FMT(test, "00042", "%.5d", 42);
	/* Precision on a string need not find a NUL within the bound. */
	{
		static const char nonul[3] = { 'x', 'y', 'z' };

		EXPECT_FMT(test, "xyz", "%.3s", nonul);
	}
}

/* volatile, so that the compiler cannot see the NULL and refuse %s. */
static const char *volatile null_string;

static void printk_test_misc(struct kunit *test)
{
	EXPECT_FMT(test, "A", "%c", 'A');
	EXPECT_FMT(test, "100%", "%d%%", 100);
	EXPECT_FMT(test, "hello world", "%s %s", "hello", "world");
	EXPECT_FMT(test, "(null)", "%s", null_string);
	EXPECT_FMT(test, "", "%s", "");
	/* kmaplab shows %p unhashed: it is for looking at addresses. */
	EXPECT_FMT(test, "c0101234", "%p", (void *)0xc0101234UL);
	EXPECT_FMT(test, "00000010", "%p", (void *)0x10UL);
	EXPECT_FMT(test, "1 2 3 4", "%d %ld %lld %zu", 1, 2L, 3LL, (size_t)4);
}

static void printk_test_truncation(struct kunit *test)
{
	char buf[8];
	int n;

	memset(buf, 'X', sizeof(buf));
	n = snprintf(buf, 4, "%s", "hello");
	KUNIT_EXPECT_EQ(test, n, 5);	/* the length it would have had */
	KUNIT_EXPECT_STREQ(test, buf, "hel");
	KUNIT_EXPECT_EQ(test, buf[4], 'X');	/* nothing past size */

	n = snprintf(buf, sizeof(buf), "%d", 123456789);
	KUNIT_EXPECT_EQ(test, n, 9);
	KUNIT_EXPECT_STREQ(test, buf, "1234567");

	memset(buf, 'X', sizeof(buf));
	n = snprintf(buf, 0, "abc");
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_EXPECT_EQ(test, buf[0], 'X');	/* size 0 writes nothing */
	n = snprintf(NULL, 0, "%d", -1000);
	KUNIT_EXPECT_EQ(test, n, 5);

	/* scnprintf counts what was written, not what was wanted. */
	n = scnprintf(buf, 4, "%s", "hello");
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_EXPECT_STREQ(test, buf, "hel");
	n = scnprintf(buf, 0, "hello");
	KUNIT_EXPECT_EQ(test, n, 0);

	n = sprintf(buf, "%x", 0xabc);
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
}

/* "[    t.tttttt] ": the same width as Linux's console timestamp. */
static bool is_timestamp_prefix(const char *s)
{
	int i;

	if (s[0] != '[')
		return false;
	for (i = 1; i <= 5; i++)
		if (!(s[i] == ' ' || (s[i] >= '0' && s[i] <= '9')))
			return false;
	if (s[5] < '0' || s[5] > '9' || s[6] != '.')
		return false;
	for (i = 7; i < 13; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[13] == ']' && s[14] == ' ';
}

/*
 * The test lines are shaped as KTAP diagnostics ("    # ...") so that
 * they sit quietly inside this suite's output.
 */
#define PRINTK_TEST_LINE "    # printk_test: value 1234\n"

static void printk_test_capture_line(struct kunit *test)
{
	struct printk_capture cap;
	char buf[128];

	printk_capture_start(&cap, buf, sizeof(buf));
	printk(KERN_INFO "    # printk_test: value %d\n", 1234);
	printk_capture_stop(&cap);

	KUNIT_ASSERT_EQ(test, strlen(buf), 15 + strlen(PRINTK_TEST_LINE));
	KUNIT_EXPECT_TRUE_MSG(test, is_timestamp_prefix(buf), "captured \"%s\"", buf);
	/* The level prefix (SOH '6') is consumed, not printed. */
	KUNIT_EXPECT_STREQ(test, buf + 15, PRINTK_TEST_LINE);
	KUNIT_EXPECT_EQ(test, cap.len, strlen(buf));
}

static void printk_test_capture_levels(struct kunit *test)
{
	struct printk_capture cap;
	char buf[256];

	if (console_loglevel > LOGLEVEL_DEBUG)
		kunit_skip(test, "loglevel=%d shows debug messages", console_loglevel);

	printk_capture_start(&cap, buf, sizeof(buf));
	printk(KERN_DEBUG "    # printk_test: hidden\n");
	printk(KERN_INFO "    # printk_test: a");
	printk(KERN_CONT "b");
	pr_cont("c\n");
	printk_capture_stop(&cap);
	printk(KERN_INFO "    # printk_test: after stop\n");

	KUNIT_EXPECT_NULL(test, strstr(buf, "hidden"));
	KUNIT_EXPECT_NULL(test, strstr(buf, "after stop"));
	KUNIT_ASSERT_GE(test, strlen(buf), (size_t)15);
	/* KERN_CONT continues the line: one timestamp, one newline. */
	KUNIT_EXPECT_STREQ(test, buf + 15, "    # printk_test: abc\n");
	KUNIT_EXPECT_NULL(test, strchr(buf + 1, '['));
}

static void printk_test_capture_truncates(struct kunit *test)
{
	struct printk_capture cap;
	char buf[20];

	memset(buf, 'X', sizeof(buf));
	printk_capture_start(&cap, buf, 10);
	printk(KERN_INFO "    # printk_test: a line longer than the buffer\n");
	printk_capture_stop(&cap);

	KUNIT_EXPECT_EQ(test, strlen(buf), (size_t)9);
	KUNIT_EXPECT_EQ(test, buf[10], 'X');
}

/* volatile: formats the compiler would check, and reject, at build time. */
static const char *volatile fmt_unknown = "%q|";
static const char *volatile fmt_trailing = "ab%";

/* %*ph, %px, %o, and what vsnprintf() does with a format it does not know. */
static void printk_test_extensions(struct kunit *test)
{
	static const u8 bytes[3] = { 0xde, 0xad, 0x01 };

	EXPECT_FMT(test, "de ad 01", "%*ph", 3, bytes);
	EXPECT_FMT(test, "de", "%ph", bytes);
	EXPECT_FMT(test, "c0101234", "%px", (void *)0xc0101234UL);
	EXPECT_FMT(test, "17 0X1F", "%o %#X", 15, 0x1f);
	/* An unknown conversion is printed as written; a lone '%' dropped. */
	EXPECT_FMT(test, "%q|", fmt_unknown, 0);
	EXPECT_FMT(test, "ab", fmt_trailing, 0);
}

static void printk_test_symbol(struct kunit *test)
{
	char buf[KSYM_SYMBOL_LEN];
	const char *want = "kunit_run_all+0x0/";
	unsigned long addr = (unsigned long)kunit_run_all;

	snprintf(buf, sizeof(buf), "%pS", kunit_run_all);
	KUNIT_EXPECT_EQ_MSG(test, strncmp(buf, want, strlen(want)), 0,
			    "%%pS gave \"%s\"", buf);
	/* After the '/' comes the function's size, in hex. */
	KUNIT_EXPECT_NE(test, buf[strlen(want)], '\0');

	snprintf(buf, sizeof(buf), "%ps", kunit_run_all);
	KUNIT_EXPECT_STREQ(test, buf, "kunit_run_all");

	snprintf(buf, sizeof(buf), "%pS", (void *)(addr + 3));
	KUNIT_EXPECT_EQ_MSG(test, strncmp(buf, "kunit_run_all+0x3/", 18), 0,
			    "%%pS gave \"%s\"", buf);

	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("kunit_run_all"), addr);
}

/* %*pb and %*pbl: a bitmap of width bits, as hex and as a range list. */
static void printk_test_bitmap(struct kunit *test)
{
	unsigned long one[1] = { 0x10f }, none[1] = { 0 };
	unsigned long two[2] = { 0x80000001, 0x3 };

	EXPECT_FMT(test, "0-3,8", "%*pbl", 16, one);
	EXPECT_FMT(test, "0-3", "%*pbl", 4, one);	/* bits past width ignored */
	EXPECT_FMT(test, "", "%*pbl", 8, none);
	EXPECT_FMT(test, "0,31-33", "%*pbl", 64, two);
	EXPECT_FMT(test, "010f", "%*pb", 16, one);
	EXPECT_FMT(test, "00000003,80000001", "%*pb", 64, two);
	EXPECT_FMT(test, "cpus 0-3,8 on", "cpus %*pbl on", 16, one);
}

static struct kunit_case printk_test_cases[] = {
	KUNIT_CASE(printk_test_bitmap),
	KUNIT_CASE(printk_test_signed),
	KUNIT_CASE(printk_test_unsigned),
	KUNIT_CASE(printk_test_hex),
	KUNIT_CASE(printk_test_width_and_flags),
	KUNIT_CASE(printk_test_precision),
	KUNIT_CASE(printk_test_misc),
	KUNIT_CASE(printk_test_truncation),
	KUNIT_CASE(printk_test_capture_line),
	KUNIT_CASE(printk_test_capture_levels),
	KUNIT_CASE(printk_test_capture_truncates),
	KUNIT_CASE(printk_test_extensions),
	KUNIT_CASE(printk_test_symbol),
	{}
};

static struct kunit_suite printk_test_suite = {
	.name = "printk",
	.test_cases = printk_test_cases,
};
kunit_test_suite(printk_test_suite);
