// SPDX-License-Identifier: GPL-2.0
/*
 * Number parsing with Linux's kstrto*() contract: the whole string must
 * be a number (one trailing newline allowed), else -EINVAL; too big for
 * the type, -ERANGE. Base 0 takes 0x.. as hex and 0.. as octal.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/math64.h>

static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
			*base = 16;
		else if (s[0] == '0' && s[1])
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	return s;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * Parse digits; returns the number of digits, -ERANGE on overflow. *end
 * is set either way (past every digit), so a caller that goes on
 * parsing after an overflowing number never reads an unset pointer.
 */
static int parse_digits(const char *s, unsigned int base,
			unsigned long long *res, const char **end)
{
	unsigned long long v = 0;
	int n = 0, d;
	bool over = false;

	while ((d = digit_value(*s)) < (int)base) {
		if (v > div_u64(ULLONG_MAX - d, base))
			over = true;
		v = v * base + d;
		s++, n++;
	}
	*end = s;
	if (over)
		return -ERANGE;
	*res = v;
	return n;
}

/* No sign accepted here: kstrtoll() has taken its '-' already ("-+5"). */
static int _kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	const char *end;
	int n;

	s = parse_base(s, &base);
	n = parse_digits(s, base, res, &end);
	if (n < 0)
		return n;
	if (n == 0 || (*end && !(end[0] == '\n' && !end[1])))
		return -EINVAL;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (*s == '+')
		s++;
	return _kstrtoull(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int err;

	if (*s == '-') {
		err = _kstrtoull(s + 1, base, &v);
		if (err)
			return err;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = -(long long)v;
		return 0;
	}
	err = kstrtoull(s, base, &v);
	if (err)
		return err;
	if (v > LLONG_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v > ULONG_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	long long v;
	int err = kstrtoll(s, base, &v);

	if (err)
		return err;
	if (v > LONG_MAX || v < -LONG_MAX - 1)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long v;
	int err = kstrtoll(s, base, &v);

	if (err)
		return err;
	if (v > INT_MAX || v < INT_MIN)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*res = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

/*
 * simple_strtoull(), simple_strtol(), simple_strtoll(): as
 * simple_strtoul(), for the other types. A leading '-' negates.
 */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v = 0;
	const char *end;

	cp = parse_base(cp, &base);
	if (parse_digits(cp, base, &v, &end) < 0)
		v = ULLONG_MAX;
	if (endp)
		*endp = (char *)end;
	return v;
}

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -simple_strtoull(cp + 1, endp, base);
	return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -simple_strtoul(cp + 1, endp, base);
	return simple_strtoul(cp, endp, base);
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v = 0;
	const char *end;

	cp = parse_base(cp, &base);
	if (parse_digits(cp, base, &v, &end) < 0)
		v = ULONG_MAX;
	if (endp)
		*endp = (char *)end;
	return v;
}

/*
 * memparse(): a number with an optional K/M/G suffix ("32M"), as Linux
 * parses mem= and similar. *retptr points after what was used. Where
 * Linux wraps silently, a number or a suffix that overflows 64 bits gives
 * ULLONG_MAX here, which every caller rejects as too large.
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	unsigned long long v = 0;
	unsigned int base = 0, shift = 0;
	const char *end;

	ptr = parse_base(ptr, &base);
	if (parse_digits(ptr, base, &v, &end) < 0)
		v = ULLONG_MAX;
	switch (*end) {
	case 'G': case 'g':
		shift += 10;
		/* fall through */
	case 'M': case 'm':
		shift += 10;
		/* fall through */
	case 'K': case 'k':
		shift += 10;
		end++;
		break;
	}
	if (shift && v > ULLONG_MAX >> shift)
		v = ULLONG_MAX;
	else
		v <<= shift;
	if (retptr)
		*retptr = (char *)end;
	return v;
}
