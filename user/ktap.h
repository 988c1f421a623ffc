/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KTAP from a user program: its results are a subtest of the KUnit case
 * that ran it (tests/user_test.c), so they are printed one level deeper
 * than the case's result line (8 spaces). Each line goes out in a single
 * write(), so it reaches the console whole. (nolibc 6.1 has no
 * snprintf: lines are put together with strlcat.) Not a libc: a few
 * lines on top of nolibc.
 */
#ifndef _USER_KTAP_H
#define _USER_KTAP_H

static int ktap_num, ktap_failed;

static void ktap_line(const char *a, const char *b, const char *c)
{
	char buf[256];

	strlcpy(buf, "        ", sizeof(buf));
	strlcat(buf, a, sizeof(buf));
	strlcat(buf, b, sizeof(buf));
	strlcat(buf, c, sizeof(buf));
	strlcat(buf, "\n", sizeof(buf));
	write(1, buf, strlen(buf));
}

static void ktap_start(const char *name, int tests)
{
	ktap_line("KTAP version 1", "", "");
	ktap_line("# Subtest: ", name, "");
	ktap_line("1..", itoa(tests), "");
}

static void ktap_result(int ok, const char *what)
{
	char num[16];

	strlcpy(num, itoa(++ktap_num), sizeof(num));
	strlcat(num, " ", sizeof(num));
	ktap_line(ok ? "ok " : "not ok ", num, what);
	if (!ok)
		ktap_failed++;
}

static void ktap_diag(const char *a, const char *b)
{
	ktap_line("# ", a, b);
}

/* The program's exit status: 0 when every result was ok. */
static int ktap_done(void)
{
	return ktap_failed ? 1 : 0;
}

#endif /* _USER_KTAP_H */
