// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf(): the formats kernel code uses -- %d %i %u %x %X %o %c %s
 * %p %% with the l/ll/z/h length modifiers, a width (or '*'), a
 * precision for strings, '0' padding and '-' left alignment -- plus
 * Linux's %pS / %ps (symbol+offset / symbol name) for backtraces and
 * %*ph (a few bytes in hex).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>
#include <linux/math64.h>

struct spec {
	int width, precision;
	bool zero, left, plus, space, alt;
	int base;
	bool upper, is_signed;
};

struct out {
	char *buf;
	size_t size, pos;	/* pos counts every char, even those cut off */
};

static void put(struct out *o, char c)
{
	if (o->pos + 1 < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_padded(struct out *o, const char *s, int len,
		       const struct spec *sp)
{
	int pad = sp->width > len ? sp->width - len : 0;

	if (!sp->left)
		while (pad-- > 0)
			put(o, ' ');
	while (len-- > 0)
		put(o, *s++);
	if (sp->left)
		while (pad-- > 0)
			put(o, ' ');
}

static void put_number(struct out *o, unsigned long long num, bool negative,
		       const struct spec *sp)
{
	const char *digits = sp->upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], sign = 0;
	int len = 0, width = sp->width;

	if (negative)
		sign = '-';
	else if (sp->is_signed && sp->plus)
		sign = '+';
	else if (sp->is_signed && sp->space)
		sign = ' ';

	do {
		tmp[len++] = digits[do_div(num, sp->base)];
	} while (num);
	while (len < sp->precision)
		tmp[len++] = '0';
	if (sign)
		width--;
	if (sp->alt && sp->base == 16)
		width -= 2;

	if (!sp->left && !sp->zero)
		for (; width > len; width--)
			put(o, ' ');
	if (sign)
		put(o, sign);
	if (sp->alt && sp->base == 16) {
		put(o, '0');
		put(o, sp->upper ? 'X' : 'x');
	}
	if (!sp->left && sp->zero)
		for (; width > len; width--)
			put(o, '0');
	while (len)
		put(o, tmp[--len]), width--;
	for (; width > 0; width--)
		put(o, ' ');
}

/* Decimal n, for the bitmap list below. */
static void put_uint(struct out *o, unsigned int n)
{
	char buf[12];
	int i = 0;

	do {
		buf[i++] = '0' + n % 10;
		n /= 10;
	} while (n);
	while (i)
		put(o, buf[--i]);
}

/*
 * %*pb / %*pbl: a bitmap of width bits, as Linux prints one -- hex in
 * 32-bit groups, most significant first ("%*pb"), or a list of set bits
 * and ranges ("0-3,8").
 */
static void put_bitmap(struct out *o, const unsigned long *bits, int nbits,
		       bool list)
{
	int i, start, chunk;
	bool first = true;

	if (!list) {
		for (chunk = (nbits - 1) / 32; chunk >= 0; chunk--) {
			unsigned long w = bits[chunk];
			int nib = chunk == (nbits - 1) / 32 ?
				((nbits - 1) % 32) / 4 + 1 : 8;

			if (nbits < 32)
				w &= (1UL << nbits) - 1;
			if (!first)
				put(o, ',');
			first = false;
			while (nib--)
				put(o, "0123456789abcdef"[(w >> (nib * 4)) & 15]);
		}
		return;
	}
	for (i = 0; i < nbits; i++) {
		if (!(bits[i / 32] & (1UL << (i % 32))))
			continue;
		for (start = i; i + 1 < nbits &&
		     (bits[(i + 1) / 32] & (1UL << ((i + 1) % 32))); i++)
			;
		if (!first)
			put(o, ',');
		first = false;
		put_uint(o, start);
		if (i > start) {
			put(o, '-');
			put_uint(o, i);
		}
	}
}

static void put_symbol(struct out *o, unsigned long addr, bool offset,
		       const struct spec *sp)
{
	char sym[KSYM_SYMBOL_LEN];

	if (offset)
		sprint_symbol(sym, addr);
	else
		sprint_symbol_no_offset(sym, addr);
	put_padded(o, sym, strlen(sym), sp);
}

/* Parse flags, width, precision; returns the format after them. */
static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	memset(sp, 0, sizeof(*sp));
	sp->precision = -1;
	sp->base = 10;
	for (;; fmt++) {
		if (*fmt == '0')
			sp->zero = true;
		else if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '+')
			sp->plus = true;
		else if (*fmt == ' ')
			sp->space = true;
		else if (*fmt == '#')
			sp->alt = true;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		fmt++;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp->width = sp->width * 10 + (*fmt++ - '0');
	if (*fmt == '.') {
		fmt++;
		sp->precision = 0;
		if (*fmt == '*') {
			sp->precision = va_arg(*ap, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp->precision = sp->precision * 10 + (*fmt++ - '0');
	}
	return fmt;
}

/*
 * The length modifiers: h (ignored: the argument was promoted to int),
 * l, z, t (one long) and ll, j (two). Returns the conversion character.
 */
static const char *parse_length(const char *fmt, int *lng)
{
	*lng = 0;
	for (;; fmt++) {
		if (*fmt == 'l' || *fmt == 'z' || *fmt == 't' || *fmt == 'j')
			*lng += (*fmt == 'j') ? 2 : 1;
		else if (*fmt != 'h')
			return fmt;
	}
}

static void put_string(struct out *o, const char *s, const struct spec *sp)
{
	int len;

	if (!s)
		s = "(null)";
	len = sp->precision >= 0 ? (int)strnlen(s, sp->precision)
				 : (int)strlen(s);
	put_padded(o, s, len, sp);
}

/* %*ph: up to 64 bytes as hex, Linux's small hex dump. */
static void put_hex_bytes(struct out *o, const u8 *b, const struct spec *sp)
{
	int i, n = sp->width ? min(sp->width, 64) : 1;

	for (i = 0; i < n; i++) {
		if (i)
			put(o, ' ');
		put(o, "0123456789abcdef"[b[i] >> 4]);
		put(o, "0123456789abcdef"[b[i] & 15]);
	}
}

/*
 * %p and the extensions kmaplab knows: fmt is at the 'p'; returns the
 * last character consumed (the extension's letter, if any).
 */
static const char *put_pointer(struct out *o, const char *fmt, void *ptr,
			       struct spec *sp)
{
	unsigned long p = (unsigned long)ptr;

	switch (fmt[1]) {
	case 'h':
		put_hex_bytes(o, ptr, sp);
		return fmt + 1;
	case 'b': {	/* %*pb, %*pbl: a bitmap of width bits */
		bool list = fmt[2] == 'l';

		put_bitmap(o, ptr, sp->width > 0 ? sp->width : 0, list);
		return fmt + (list ? 2 : 1);
	}
	case 'S':
	case 's':
	case 'B':
		put_symbol(o, p, fmt[1] != 's', sp);
		return fmt + 1;
	case 'x':	/* %px, %pK: the raw value, as %p here */
	case 'K':
		fmt++;
		break;
	}
	/* Linux hashes %p; kmaplab shows it: it is for teaching. */
	sp->base = 16;
	sp->zero = true;
	sp->width = 8;
	put_number(o, p, false, sp);
	return fmt;
}

/* The integer conversions: set base and sign; false for any other c. */
static bool integer_spec(char c, struct spec *sp)
{
	switch (c) {
	case 'd':
	case 'i':
		sp->is_signed = true;
		return true;
	case 'u':
		return true;
	case 'x':
		sp->base = 16;
		return true;
	case 'X':
		sp->base = 16;
		sp->upper = true;
		return true;
	case 'o':
		sp->base = 8;
		return true;
	}
	return false;
}

/* Fetch an integer argument of lng longs and print it. */
static void put_integer(struct out *o, va_list *ap, int lng,
			const struct spec *sp)
{
	unsigned long long num;
	bool neg = false;

	if (lng >= 2)
		num = va_arg(*ap, unsigned long long);
	else if (lng == 1)
		num = sp->is_signed ? (unsigned long long)(long long)va_arg(*ap, long)
				    : va_arg(*ap, unsigned long);
	else
		num = sp->is_signed ? (unsigned long long)(long long)va_arg(*ap, int)
				    : va_arg(*ap, unsigned int);
	if (sp->is_signed && (long long)num < 0) {
		neg = true;
		num = -(long long)num;
	}
	put_number(o, num, neg, sp);
}

/*
 * One conversion: fmt is at the '%'. Returns the last character it
 * consumed; an unknown conversion is printed as it was written.
 */
static const char *format_one(struct out *o, const char *fmt, va_list *ap)
{
	struct spec sp;
	int lng;

	fmt = parse_spec(fmt + 1, &sp, ap);
	fmt = parse_length(fmt, &lng);
	switch (*fmt) {
	case '%':
		put(o, '%');
		return fmt;
	case 'c': {
		char c = (char)va_arg(*ap, int);

		put_padded(o, &c, 1, &sp);
		return fmt;
	}
	case 's':
		put_string(o, va_arg(*ap, const char *), &sp);
		return fmt;
	case 'p':
		return put_pointer(o, fmt, va_arg(*ap, void *), &sp);
	case '\0':
		return fmt - 1;	/* a lone '%' at the end: stop at the NUL */
	}
	if (integer_spec(*fmt, &sp)) {
		put_integer(o, ap, lng, &sp);
	} else {
		put(o, '%');
		put(o, *fmt);
	}
	return fmt;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size };
	va_list ap;

	va_copy(ap, args);
	for (; *fmt; fmt++) {
		if (*fmt == '%')
			fmt = format_one(&o, fmt, &ap);
		else
			put(&o, *fmt);
	}
	va_end(ap);
	if (size)
		buf[o.pos < size ? o.pos : size - 1] = '\0';
	return o.pos;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return n < (int)size ? n : (int)size - 1;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, ap);
	va_end(ap);
	return n;
}
