// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline suite: the number parsers every __setup() handler relies on
 * (kstrto*(), memparse(), simple_strtoul()), glob_match() as used by
 * kunit.filter_glob=, and what parse_kernel_params() made of the command
 * line this kernel was booted with.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <kunit/test.h>
#include <kmaplab/reboot.h>
#include <kmaplab/params.h>

static void cmdline_test_kstrtoint(struct kunit *test)
{
	int v = 0;

	KUNIT_EXPECT_EQ(test, kstrtoint("42", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 42);
	KUNIT_EXPECT_EQ(test, kstrtoint("-42", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, -42);
	KUNIT_EXPECT_EQ(test, kstrtoint("+7", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 7);
	KUNIT_EXPECT_EQ(test, kstrtoint("2147483647", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, INT_MAX);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483648", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, INT_MIN);
	/* One trailing newline is allowed (values written to sysfs have it). */
	KUNIT_EXPECT_EQ(test, kstrtoint("5\n", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 5);
}

static void cmdline_test_kstrto_errors(struct kunit *test)
{
	int v = 1234;
	unsigned int u = 1234;

	KUNIT_EXPECT_EQ(test, kstrtoint("2147483648", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483649", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("99999999999999999999", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("12abc", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint(" 1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("1 ", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("5\n\n", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("-", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtouint("-1", 10, &u), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtouint("4294967296", 10, &u), -ERANGE);
	/* A failed parse leaves the result alone. */
	KUNIT_EXPECT_EQ(test, v, 1234);
	KUNIT_EXPECT_EQ(test, u, 1234U);
}

static void cmdline_test_kstrto_bases(struct kunit *test)
{
	unsigned int u = 0;
	unsigned long ul = 0;
	int v = 0;

	KUNIT_EXPECT_EQ(test, kstrtouint("0x1f", 0, &u), 0);
	KUNIT_EXPECT_EQ(test, u, 31U);
	KUNIT_EXPECT_EQ(test, kstrtouint("010", 0, &u), 0);
	KUNIT_EXPECT_EQ(test, u, 8U);
	KUNIT_EXPECT_EQ(test, kstrtouint("0", 0, &u), 0);
	KUNIT_EXPECT_EQ(test, u, 0U);
	KUNIT_EXPECT_EQ(test, kstrtouint("08", 0, &u), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtouint("ff", 16, &u), 0);
	KUNIT_EXPECT_EQ(test, u, 255U);
	KUNIT_EXPECT_EQ(test, kstrtouint("0xFF", 16, &u), 0);
	KUNIT_EXPECT_EQ(test, u, 255U);
	KUNIT_EXPECT_EQ(test, kstrtouint("0x", 16, &u), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtouint("12", 2, &u), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("-0x10", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, -16);
	/* long is 32 bits here. */
	KUNIT_EXPECT_EQ(test, kstrtoul("ffffffff", 16, &ul), 0);
	KUNIT_EXPECT_EQ(test, ul, ULONG_MAX);
	KUNIT_EXPECT_EQ(test, kstrtoul("100000000", 16, &ul), -ERANGE);
}

static void cmdline_test_kstrto_64bit(struct kunit *test)
{
	unsigned long long ull = 0;
	long long ll = 0;
	long l = 0;

	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551615", 10, &ull), 0);
	KUNIT_EXPECT_EQ(test, ull, ULLONG_MAX);
	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551616", 10, &ull), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoll("-9223372036854775808", 10, &ll), 0);
	KUNIT_EXPECT_EQ(test, ll, -LLONG_MAX - 1);
	KUNIT_EXPECT_EQ(test, kstrtoll("9223372036854775808", 10, &ll), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoll("-9223372036854775809", 10, &ll), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtol("-2147483648", 10, &l), 0);
	KUNIT_EXPECT_EQ(test, l, -LONG_MAX - 1);
	KUNIT_EXPECT_EQ(test, kstrtol("2147483648", 10, &l), -ERANGE);
}

static void cmdline_test_kstrtobool(struct kunit *test)
{
	static const char *const yes[] = { "y", "Y", "1", "on", "ON", "yes" };
	static const char *const no[] = { "n", "N", "0", "off", "Off", "no" };
	bool b;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		b = false;
		KUNIT_EXPECT_EQ_MSG(test, kstrtobool(yes[i], &b), 0, "\"%s\"", yes[i]);
		KUNIT_EXPECT_TRUE_MSG(test, b, "\"%s\"", yes[i]);
	}
	for (i = 0; i < ARRAY_SIZE(no); i++) {
		b = true;
		KUNIT_EXPECT_EQ_MSG(test, kstrtobool(no[i], &b), 0, "\"%s\"", no[i]);
		KUNIT_EXPECT_FALSE_MSG(test, b, "\"%s\"", no[i]);
	}
	KUNIT_EXPECT_EQ(test, kstrtobool("x", &b), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtobool("", &b), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtobool("o", &b), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtobool(NULL, &b), -EINVAL);
}

static void cmdline_test_memparse(struct kunit *test)
{
	char *end;

	KUNIT_EXPECT_EQ(test, memparse("32M", &end), 32ULL << 20);
	KUNIT_EXPECT_EQ(test, *end, '\0');
	KUNIT_EXPECT_EQ(test, memparse("4k", &end), 4096ULL);
	KUNIT_EXPECT_EQ(test, memparse("1G", &end), 1ULL << 30);
	KUNIT_EXPECT_EQ(test, memparse("8g", &end), 8ULL << 30);	/* > 4 GiB: PAE */
	KUNIT_EXPECT_EQ(test, memparse("4096", &end), 4096ULL);
	KUNIT_EXPECT_EQ(test, *end, '\0');
	KUNIT_EXPECT_EQ(test, memparse("0x10", &end), 16ULL);
	KUNIT_EXPECT_EQ(test, memparse("0x10M", &end), 16ULL << 20);
	KUNIT_EXPECT_EQ(test, memparse("12abc", &end), 12ULL);
	KUNIT_EXPECT_STREQ(test, end, "abc");
	KUNIT_EXPECT_EQ(test, memparse("64M,rest", &end), 64ULL << 20);
	KUNIT_EXPECT_STREQ(test, end, ",rest");
}

/*
 * Issue 19, defects 1 and 9: a number too big for 64 bits still sets the
 * end pointer (mem=99999999999999999999 dereferenced an unset one), and
 * a suffix that overflows saturates instead of wrapping to a small size.
 */
static void cmdline_test_memparse_overflow(struct kunit *test)
{
	char *end = NULL;

	KUNIT_EXPECT_EQ(test, memparse("99999999999999999999", &end), ULLONG_MAX);
	KUNIT_ASSERT_NOT_NULL(test, end);
	KUNIT_EXPECT_EQ(test, *end, '\0');
	end = NULL;
	KUNIT_EXPECT_EQ(test, memparse("99999999999999999999M,x", &end), ULLONG_MAX);
	KUNIT_ASSERT_NOT_NULL(test, end);
	KUNIT_EXPECT_STREQ(test, end, ",x");
	/* 2^54 K = 2^64: one past the top wraps to 0 in Linux */
	KUNIT_EXPECT_EQ(test, memparse("18014398509481984K", &end), ULLONG_MAX);
	KUNIT_EXPECT_EQ(test, memparse("17179869184G", &end), ULLONG_MAX);
	KUNIT_EXPECT_EQ(test, memparse("17179869183G", &end),
			17179869183ULL << 30);
}

/* "-+5" is no number: the '+' is only allowed in place of the '-'. */
static void cmdline_test_kstrto_one_sign(struct kunit *test)
{
	int v = 1234;
	long long ll = 1234;

	KUNIT_EXPECT_EQ(test, kstrtoint("-+5", 0, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoll("-+5", 10, &ll), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("+-5", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("--5", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, v, 1234);
	KUNIT_EXPECT_EQ(test, ll, 1234LL);
}

static void cmdline_test_simple_strtoul(struct kunit *test)
{
	char *end;

	KUNIT_EXPECT_EQ(test, simple_strtoul("123xyz", &end, 10), 123UL);
	KUNIT_EXPECT_STREQ(test, end, "xyz");
	KUNIT_EXPECT_EQ(test, simple_strtoul("0x1000", &end, 0), 0x1000UL);
	KUNIT_EXPECT_EQ(test, *end, '\0');
	KUNIT_EXPECT_EQ(test, simple_strtoul("z", NULL, 10), 0UL);
}

static void cmdline_test_glob_match(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, glob_match("*", ""));
	KUNIT_EXPECT_TRUE(test, glob_match("*", "anything"));
	KUNIT_EXPECT_TRUE(test, glob_match("printk", "printk"));
	KUNIT_EXPECT_FALSE(test, glob_match("printk", "printk2"));
	KUNIT_EXPECT_FALSE(test, glob_match("printk", "print"));
	KUNIT_EXPECT_TRUE(test, glob_match("kmap*", "kmap_local"));
	KUNIT_EXPECT_FALSE(test, glob_match("kmap*", "pkmap"));
	KUNIT_EXPECT_TRUE(test, glob_match("*_test", "printk_test"));
	KUNIT_EXPECT_TRUE(test, glob_match("a*b*c", "axxbyyc"));
	KUNIT_EXPECT_FALSE(test, glob_match("a*b*c", "axxbyy"));
	KUNIT_EXPECT_TRUE(test, glob_match("a*c", "abcbc"));	/* backtracks */
	KUNIT_EXPECT_TRUE(test, glob_match("a?c", "abc"));
	KUNIT_EXPECT_FALSE(test, glob_match("a?c", "ac"));
	KUNIT_EXPECT_TRUE(test, glob_match("[a-c]x", "bx"));
	KUNIT_EXPECT_FALSE(test, glob_match("[a-c]x", "dx"));
	KUNIT_EXPECT_TRUE(test, glob_match("[!a]x", "bx"));
	KUNIT_EXPECT_FALSE(test, glob_match("[!a]x", "ax"));
	KUNIT_EXPECT_TRUE(test, glob_match("[xyz]", "y"));
	KUNIT_EXPECT_FALSE(test, glob_match("", "a"));
	KUNIT_EXPECT_TRUE(test, glob_match("", ""));
}

/* Separators, as the parser has them (Linux's isspace() subset). */
static bool is_sep(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Length of the word at s (up to a separator or the end). */
static size_t word_len(const char *s)
{
	size_t n = 0;

	while (s[n] && !is_sep(s[n]))
		n++;
	return n;
}

/*
 * The value the last word named name had on the boot command line ("" for
 * a bare "name"), found here independently of params.c. NULL if absent.
 * (A quoted line is not cross-checked: quotes make a plain scan unreliable.)
 */
static const char *boot_value_of(const char *name, char *buf, size_t size)
{
	const char *p = boot_command_line, *found = NULL;
	size_t len = strlen(name);

	while (*p) {
		while (is_sep(*p))
			p++;
		if (!strncmp(p, name, len) && p[len] == '=')
			found = p + len + 1;
		else if (!strncmp(p, name, len) && (!p[len] || is_sep(p[len])))
			found = p + len;
		p += word_len(p);
	}
	if (!found)
		return NULL;
	strlcpy(buf, found, min_t(size_t, size, word_len(found) + 1));
	return buf;
}

static void cmdline_test_boot_params(struct kunit *test)
{
	static char buf[1024];	/* a value may be as long as the line */
	const char *want = boot_value_of("kunit_shutdown", buf, sizeof(buf));
	const char *got = cmdline_get("kunit_shutdown");

	kunit_info(test, "boot command line: %s\n", boot_command_line);
	if (strchr(boot_command_line, '"'))
		kunit_skip(test, "quoted command line; not cross-checked");
	if (!want) {
		KUNIT_EXPECT_NULL(test, got);
		KUNIT_EXPECT_EQ(test, kunit_shutdown, SHUTDOWN_NONE);
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, got);
	KUNIT_EXPECT_STREQ(test, got, want);
	/* And the __setup() handler for it ran. */
	if (!strcmp(want, "poweroff"))
		KUNIT_EXPECT_EQ(test, kunit_shutdown, SHUTDOWN_POWEROFF);
	else if (!strcmp(want, "halt"))
		KUNIT_EXPECT_EQ(test, kunit_shutdown, SHUTDOWN_HALT);
	else if (!strcmp(want, "reboot"))
		KUNIT_EXPECT_EQ(test, kunit_shutdown, SHUTDOWN_REBOOT);
}

static void cmdline_test_lookup_is_exact(struct kunit *test)
{
	static const char *const probes[] = {
		"no_such_parameter_xyzzy", "", "kunit_shutdow",
		"kunit_shutdownx", "kunit",
	};
	char buf[8];
	size_t i;

	if (strchr(boot_command_line, '"'))
		kunit_skip(test, "quoted command line; not cross-checked");
	/*
	 * A prefix or an extension of a name given is not that name: each
	 * probe that no word of this boot's line names must not be found.
	 */
	for (i = 0; i < ARRAY_SIZE(probes); i++)
		if (!boot_value_of(probes[i], buf, sizeof(buf)))
			KUNIT_EXPECT_NULL_MSG(test, cmdline_get(probes[i]),
					      "\"%s\"", probes[i]);
}

/* The loader's first word is the kernel image's path, not a parameter. */
static void cmdline_test_image_path_skipped(struct kunit *test)
{
	char first[128];
	size_t len = word_len(boot_command_line);

	if (!len || len >= sizeof(first))
		kunit_skip(test, "no image path on the command line");
	strlcpy(first, boot_command_line, len + 1);
	if (strchr(first, '=') || (!strchr(first, '/') && !strstr(first, ".elf")))
		kunit_skip(test, "first word \"%s\" is not an image path", first);
	KUNIT_EXPECT_NULL(test, cmdline_get(first));
}

static struct kunit_case cmdline_test_cases[] = {
	KUNIT_CASE(cmdline_test_kstrtoint),
	KUNIT_CASE(cmdline_test_kstrto_errors),
	KUNIT_CASE(cmdline_test_kstrto_bases),
	KUNIT_CASE(cmdline_test_kstrto_64bit),
	KUNIT_CASE(cmdline_test_kstrtobool),
	KUNIT_CASE(cmdline_test_memparse),
	KUNIT_CASE(cmdline_test_memparse_overflow),
	KUNIT_CASE(cmdline_test_kstrto_one_sign),
	KUNIT_CASE(cmdline_test_simple_strtoul),
	KUNIT_CASE(cmdline_test_glob_match),
	KUNIT_CASE(cmdline_test_boot_params),
	KUNIT_CASE(cmdline_test_lookup_is_exact),
	KUNIT_CASE(cmdline_test_image_path_skipped),
	{}
};

static struct kunit_suite cmdline_test_suite = {
	.name = "cmdline",
	.test_cases = cmdline_test_cases,
};
kunit_test_suite(cmdline_test_suite);
