// SPDX-License-Identifier: GPL-2.0
/*
 * The memory character devices, major 1 (Linux's drivers/char/mem.c):
 * only /dev/null (minor 3) -- reads end at once, writes vanish -- and
 * the character-device table that maps a device number to its
 * operations.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/poll.h>

static ssize_t read_null(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *f, const char __user *buf, size_t n,
			  loff_t *pos)
{
	return n;
}

static __poll_t poll_null(struct file *f, poll_table *wait)
{
	return EPOLLIN | EPOLLOUT;	/* never blocks: nothing to wait for */
}

const struct file_operations null_fops = {
	.read = read_null,
	.write = write_null,
	.poll = poll_null,
};

#define MEM_MAJOR 1
#define TTYAUX_MAJOR 5

/* The operations of character device rdev, or NULL: none such. */
const struct file_operations *chrdev_fops(unsigned int rdev)
{
	if (rdev == MKDEV(MEM_MAJOR, 3))
		return &null_fops;
	if (rdev == MKDEV(TTYAUX_MAJOR, 1))
		return &console_fops;
	return NULL;
}
