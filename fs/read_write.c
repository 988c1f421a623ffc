// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, lseek, ioctl (Linux's fs/read_write.c and fs/ioctl.c),
 * and ramfs's file operations, which are the page cache's
 * (mm/filemap.c). The user buffer is checked by the copy itself:
 * -EFAULT for a bad pointer, a short count when it goes bad midway.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/fs.h>

static ssize_t ramfs_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	ssize_t ret;

	mutex_lock(&fs_lock);
	ret = filemap_read(f->f_inode, buf, n, *pos);
	mutex_unlock(&fs_lock);
	if (ret > 0)
		*pos += ret;
	return ret;
}

static ssize_t ramfs_write(struct file *f, const char __user *buf, size_t n,
			   loff_t *pos)
{
	ssize_t ret;

	mutex_lock(&fs_lock);
	if (f->f_flags & O_APPEND)
		*pos = f->f_inode->i_size;
	ret = filemap_write(f->f_inode, buf, n, *pos);
	mutex_unlock(&fs_lock);
	if (ret > 0)
		*pos += ret;
	return ret;
}

const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.write = ramfs_write,
};

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	if ((f->f_flags & O_ACCMODE) == O_WRONLY || !f->f_op->read)
		ret = -EBADF;
	else if (!access_ok(buf, count))
		ret = -EFAULT;
	else
		ret = f->f_op->read(f, buf, count, &f->f_pos);
	fput(f);
	return ret;
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	if ((f->f_flags & O_ACCMODE) == O_RDONLY || !f->f_op->write)
		ret = -EBADF;
	else if (!access_ok(buf, count))
		ret = -EFAULT;
	else
		ret = f->f_op->write(f, buf, count, &f->f_pos);
	fput(f);
	return ret;
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *f = fget(fd);
	loff_t pos;
	long ret;

	if (!f)
		return -EBADF;
	if (!S_ISREG(f->f_inode->i_mode) && !S_ISDIR(f->f_inode->i_mode)) {
		fput(f);
		return -ESPIPE;
	}
	mutex_lock(&fs_lock);
	pos = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? f->f_pos :
	      f->f_inode->i_size;
	pos += offset;
	if (whence > SEEK_END || pos < 0)
		ret = -EINVAL;
	else if (pos > LONG_MAX)
		ret = -EOVERFLOW;
	else
		ret = f->f_pos = pos;
	mutex_unlock(&fs_lock);
	fput(f);
	return ret;
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret = -ENOTTY;

	if (!f)
		return -EBADF;
	if (f->f_op->unlocked_ioctl)
		ret = f->f_op->unlocked_ioctl(f, cmd, arg);
	fput(f);
	return ret;
}
