// SPDX-License-Identifier: GPL-2.0
/*
 * printk(): format, strip the log-level prefix, stamp each line with the
 * time since boot ("[    1.234567] ", as Linux's console shows it) and
 * write it to the consoles (COM1 always, VGA text as a mirror).
 *
 * Interrupts are disabled while a message is written so that a message
 * from an interrupt handler never lands inside another one's line.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/spinlock.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <kmaplab/console.h>
#include <kmaplab/params.h>
#include <kmaplab/printk.h>

int console_loglevel = 7;	/* print levels 0..6; 'loglevel=8' adds debug */
static bool at_line_start = true;
static struct printk_capture *capture;

static int __init loglevel_setup(char *str)
{
	int v;

	if (kstrtoint(str, 10, &v) || v < 0 || v > 8) {
		setup_kept("loglevel=%d (0..8)", console_loglevel);
		return 0;
	}
	console_loglevel = v;
	return 1;
}
__setup("loglevel=", loglevel_setup);

static void capture_char(char c)
{
	struct printk_capture *cap;

	for (cap = capture; cap; cap = cap->prev)
		if (cap->len + 1 < cap->size) {
			cap->buf[cap->len++] = c;
			cap->buf[cap->len] = '\0';
		}
}

static void emit(const char *s, size_t len)
{
	console_write(s, len);
	while (len--)
		capture_char(*s++);
}

static void emit_timestamp(void)
{
	char ts[24];
	u32 rem;
	unsigned long sec = (unsigned long)div_u64_rem(local_clock(), NSEC_PER_SEC, &rem);
	unsigned long usec = rem / 1000;
	int n = snprintf(ts, sizeof(ts), "[%5lu.%06lu] ", sec, usec);

	emit(ts, n);
}

/* Returns the level (0..7, or -1 for KERN_CONT) and skips the prefix. */
static int parse_level(const char **text)
{
	int level = 4;	/* default: KERN_WARNING, as Linux's default_message_loglevel */

	while ((*text)[0] == KERN_SOH[0] && (*text)[1]) {
		char c = (*text)[1];

		if (c >= '0' && c <= '7')
			level = c - '0';
		else if (c == 'c')
			level = -1;
		*text += 2;
	}
	return level;
}

/*
 * One CPU prints at a time, whole messages: the buffer and the console
 * are shared. A bare lock word (not a spinlock_t): the spinlock debug
 * code reports through printk. A CPU that re-enters printk while holding
 * it (an oops inside printk) goes on without it rather than deadlock.
 */
static arch_spinlock_t printk_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int printk_cpu = -1;

static bool printk_lock_take(void)
{
	int cpu = raw_smp_processor_id();

	if (READ_ONCE(printk_cpu) == cpu)
		return false;
	arch_spin_lock(&printk_lock);
	WRITE_ONCE(printk_cpu, cpu);
	return true;
}

static void printk_lock_drop(bool taken)
{
	if (!taken)
		return;
	WRITE_ONCE(printk_cpu, -1);
	arch_spin_unlock(&printk_lock);
}

int vprintk(const char *fmt, va_list args)
{
	static char buf[1024];
	static int cont_level = 6;
	const char *text = buf, *nl;
	unsigned long flags;
	int level, len;
	bool locked;

	local_irq_save(flags);
	locked = printk_lock_take();
	len = vscnprintf(buf, sizeof(buf), fmt, args);
	level = parse_level(&text);
	if (level < 0)
		level = cont_level;
	else if (!at_line_start)
		emit("\n", 1), at_line_start = true;
	cont_level = level;

	if (level < console_loglevel) {
		while (*text) {
			if (at_line_start)
				emit_timestamp();
			nl = strchr(text, '\n');
			if (!nl) {
				emit(text, strlen(text));
				at_line_start = false;
				break;
			}
			emit(text, nl - text + 1);
			at_line_start = true;
			text = nl + 1;
		}
	}
	printk_lock_drop(locked);
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/*
 * The markers tell the host test runner that BUG:/WARNING reports
 * between them are provoked on purpose (and checked by the test).
 */
void printk_capture_start(struct printk_capture *cap, char *buf, size_t size)
{
	unsigned long flags;

	printk(KERN_INFO "    # capture: expecting reports\n");
	cap->buf = buf;
	cap->size = size;
	cap->len = 0;
	if (size)
		buf[0] = '\0';
	local_irq_save(flags);
	cap->prev = capture;
	capture = cap;
	local_irq_restore(flags);
}

void printk_capture_stop(struct printk_capture *cap)
{
	unsigned long flags;

	local_irq_save(flags);
	if (capture == cap)
		capture = cap->prev;
	local_irq_restore(flags);
	printk(KERN_INFO "    # capture: reports done\n");
}

void print_hex_dump_bytes(const char *prefix, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	size_t i, j;

	for (i = 0; i < len; i += 16) {
		char line[80];
		int n = 0;

		for (j = i; j < len && j < i + 16; j++)
			n += scnprintf(line + n, sizeof(line) - n, "%02x ", p[j]);
		printk(KERN_INFO "%s%08zx: %s\n", prefix, i, line);
	}
}
