// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/console (5:1): the system console as a file (Linux's
 * drivers/tty/tty_io.c, much reduced). Writes go out through printk's
 * console path -- so a process's lines and the kernel's never tear each
 * other, and a user program's KTAP lands on COM1 like the kernel's.
 * Reads take bytes from COM1 a line at a time with echo -- a minimal
 * canonical mode. A reader, or a poll() with nothing to read, sleeps on
 * console_read_wait until COM1's receive interrupt (IRQ 4) wakes it; the
 * handler only wakes, the byte stays in the UART for whoever reads (the
 * monitor reads the UART directly, polled). TCGETS is the one ioctl
 * answered (so isatty() is true); the rest are -ENOTTY.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/wait.h>
#include <linux/poll.h>
#include <linux/interrupt.h>
#include <kmaplab/console.h>

#define TCGETS 0x5401

#define COM1_IRQ 4

/* A byte poll() saw arrive, for the next read. */
static int peeked = -1;
static DECLARE_WAIT_QUEUE_HEAD(console_read_wait);

static irqreturn_t console_rx_interrupt(int irq, void *dev_id)
{
	wake_up_all(&console_read_wait);
	return IRQ_HANDLED;
}

void console_tty_init(void)
{
	if (!serial_present() ||
	    request_irq(COM1_IRQ, console_rx_interrupt, 0, "serial", NULL)) {
		pr_warn("console: no receive interrupt: reads and poll() of /dev/console would never wake\n");
		return;
	}
	serial_enable_rx_irq();
}

/* Is a byte waiting? Takes it from the UART into peeked. */
static bool console_input_ready(void)
{
	if (peeked < 0)
		peeked = serial_getc();
	return peeked >= 0;
}

static int console_getc(void)
{
	int c = peeked;

	if (c >= 0) {
		peeked = -1;
		return c;
	}
	return serial_getc();
}

static ssize_t console_write_file(struct file *f, const char __user *buf,
				  size_t n, loff_t *pos)
{
	char chunk[256];
	size_t done = 0;

	while (done < n) {
		size_t len = min(n - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, len))
			return done ? done : -EFAULT;
		printk(KERN_CONT "%.*s", (int)len, chunk);
		done += len;
	}
	return done;
}

/* Up to the end of one line; -EINTR if a signal comes first. */
static ssize_t console_read_file(struct file *f, char __user *buf, size_t n,
				 loff_t *pos)
{
	size_t done = 0;

	while (done < n) {
		int c = console_getc();
		char ch;

		if (c < 0) {
			if (wait_event_interruptible(console_read_wait,
						     console_input_ready()))
				return done ? done : -EINTR;
			continue;
		}
		ch = c == '\r' ? '\n' : c;
		if (ch == 0x7f || ch == '\b') {		/* erase: not across reads */
			if (done) {
				done--;
				printk(KERN_CONT "\b \b");
			}
			continue;
		}
		printk(KERN_CONT "%c", ch);		/* echo, through printk's line state */
		if (put_user(ch, buf + done))
			return done ? done : -EFAULT;
		done++;
		if (ch == '\n' || ch == 4)		/* end of line, ^D */
			break;
	}
	return done;
}

static long console_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	static const u8 termios[36];	/* struct termios, i386: all zero */

	if (cmd != TCGETS)
		return -ENOTTY;
	return copy_to_user((void __user *)arg, termios, sizeof(termios)) ? -EFAULT : 0;
}

static __poll_t console_poll(struct file *f, poll_table *wait)
{
	poll_wait(f, &console_read_wait, wait);
	return EPOLLOUT | (console_input_ready() ? EPOLLIN | EPOLLRDNORM : 0);
}

const struct file_operations console_fops = {
	.read = console_read_file,
	.write = console_write_file,
	.unlocked_ioctl = console_ioctl,
	.poll = console_poll,
};
