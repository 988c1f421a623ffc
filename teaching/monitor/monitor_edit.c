// SPDX-License-Identifier: GPL-2.0
/*
 * The monitor's line editor: reads COM1 by polling, echoes, and keeps a
 * short history. Understands what terminals send: printable ASCII,
 * backspace (DEL or ^H), ^U (erase the line), ^C (abandon it), CR, LF or
 * CR LF as Enter, and the arrow keys' escape sequences (ESC [ A, or
 * ESC O A in "application" mode); any other escape sequence is swallowed
 * whole so that its tail does not end up in the line.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/delay.h>
#include <kmaplab/console.h>
#include <kmaplab/monitor.h>

#define HISTORY 8

static char history[HISTORY][MONITOR_LINE_MAX];
static unsigned int history_len;	/* lines ever stored; the last HISTORY kept */

static int mon_getc(void)
{
	int c;

	/*
	 * Nothing raises an interrupt for COM1 here: poll, and sleep between
	 * polls so the other threads (tests' kthreads, idle) run meanwhile.
	 * (msleep rounds up to whole 4 ms ticks: plenty for a typist, and
	 * QEMU holds back input the UART's FIFO cannot take.)
	 */
	while ((c = serial_getc()) < 0)
		msleep(2);
	return c;
}

static void echo(const char *s)
{
	console_write(s, strlen(s));
}

static void erase(unsigned int n)
{
	while (n--)
		echo("\b \b");
}

static void history_add(const char *line)
{
	/* An empty line or a repeat of the last one is not worth a slot. */
	if (!*line || (history_len &&
		       !strcmp(history[(history_len - 1) % HISTORY], line)))
		return;
	strscpy(history[history_len++ % HISTORY], line, MONITOR_LINE_MAX);
}

/* Replace the line being edited with history entry h (history_len: empty). */
static unsigned int recall(char *buf, size_t size, unsigned int len,
			   unsigned int h)
{
	erase(len);
	len = 0;
	if (h < history_len)
		len = strscpy(buf, history[h % HISTORY], size);
	buf[len] = '\0';
	echo(buf);
	return len;
}

enum esc_state { ESC_NONE, ESC_START, ESC_CSI, ESC_SS3 };

/* The line being edited, and where the arrows have got to in the history. */
struct line_edit {
	char *buf;
	size_t size;
	unsigned int len;
	unsigned int h;		/* history entry shown; history_len: the new line */
	unsigned int oldest;	/* the oldest entry still kept */
	enum esc_state esc;
};

/* The next byte of an escape sequence: up and down walk the history. */
static void edit_escape(struct line_edit *e, int c)
{
	if (e->esc == ESC_START) {
		e->esc = c == '[' ? ESC_CSI : c == 'O' ? ESC_SS3 : ESC_NONE;
		return;
	}
	if (e->esc == ESC_CSI && c >= 0x20 && c < 0x40)
		return;		/* parameters, e.g. the 3 of ESC [ 3 ~ */
	/* The final byte: act on the arrows, swallow anything else. */
	e->esc = ESC_NONE;
	if (c == 'A' && e->h > e->oldest)
		e->len = recall(e->buf, e->size, e->len, --e->h);
	else if (c == 'B' && e->h < history_len)
		e->len = recall(e->buf, e->size, e->len, ++e->h);
}

/* A key that edits the line (not Enter, not ^C). */
static void edit_key(struct line_edit *e, int c)
{
	switch (c) {
	case 0x1b:
		e->esc = ESC_START;
		break;
	case 0x7f:
	case '\b':
		if (e->len) {
			e->buf[--e->len] = '\0';
			erase(1);
		}
		break;
	case 0x15:	/* ^U */
		erase(e->len);
		e->len = 0;
		e->buf[0] = '\0';
		break;
	default:
		if (c >= ' ' && c < 0x7f && e->len + 1 < e->size) {
			char s[2] = { (char)c, '\0' };

			e->buf[e->len++] = c;
			e->buf[e->len] = '\0';
			echo(s);
		}
		break;
	}
}

int monitor_read_line(char *buf, size_t size, const char *prompt)
{
	struct line_edit e = {
		.buf = buf,
		.size = size,
		.h = history_len,
		.oldest = history_len > HISTORY ? history_len - HISTORY : 0,
		.esc = ESC_NONE,
	};
	static bool last_was_cr;

	echo(prompt);
	buf[0] = '\0';
	for (;;) {
		int c = mon_getc();

		if (e.esc != ESC_NONE) {
			edit_escape(&e, c);
			continue;
		}
		if (c == '\n' && last_was_cr) {
			last_was_cr = false;	/* the LF of a CR LF pair */
			continue;
		}
		last_was_cr = c == '\r';
		if (c == '\r' || c == '\n') {
			echo("\n");
			buf[e.len] = '\0';
			history_add(buf);
			return e.len;
		}
		if (c == 0x03) {	/* ^C */
			echo("^C\n");
			buf[0] = '\0';
			return -1;
		}
		edit_key(&e, c);
	}
}
