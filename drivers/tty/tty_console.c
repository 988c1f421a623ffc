// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/console (5:1): the system console as a file (Linux's
 * drivers/tty/tty_io.c, much reduced). Writes go out through printk's
 * console path -- so a process's lines and the kernel's never tear each
 * other, and a user program's KTAP lands on COM1 like the kernel's.
 * Reads take bytes from COM1, polled (nothing raises a receive
 * interrupt here; the monitor reads the same way), a line at a time
 * with echo -- a minimal canonical mode. TCGETS is the one ioctl
 * answered (so isatty() is true); the rest are -ENOTTY.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <kmaplab/console.h>

#define TCGETS 0x5401

/* A byte poll() saw arrive, for the next read. */
static int peeked = -1;

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
			if (signal_pending(current))
				return done ? done : -EINTR;
			msleep(2);
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

static unsigned int console_poll(struct file *f)
{
	if (peeked < 0)
		peeked = serial_getc();
	return 0x0004 | (peeked >= 0 ? 0x0001 : 0);	/* EPOLLOUT, EPOLLIN */
}

const struct file_operations console_fops = {
	.read = console_read_file,
	.write = console_write_file,
	.unlocked_ioctl = console_ioctl,
	.poll = console_poll,
};
