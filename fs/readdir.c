// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64 (Linux's fs/readdir.c): a directory's entries as struct
 * linux_dirent64 records. The file position counts entries: 0 is ".",
 * 1 is "..", then the children in creation order.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/fs.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
} __packed;

#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8
#define DT_FIFO 1

static unsigned char dt_type(umode_t mode)
{
	return S_ISDIR(mode) ? DT_DIR : S_ISCHR(mode) ? DT_CHR :
	       S_ISFIFO(mode) ? DT_FIFO : DT_REG;
}

/* One record at *buf; false when it does not fit in what is left. */
static bool emit(char __user **buf, unsigned int *left, struct inode *inode,
		 const char *name, loff_t next, int *err)
{
	size_t namelen = strlen(name);
	unsigned short reclen = ALIGN(sizeof(struct linux_dirent64) + namelen + 1, 8);
	struct linux_dirent64 d = {
		.d_ino = inode->i_ino, .d_off = next, .d_reclen = reclen,
		.d_type = dt_type(inode->i_mode),
	};

	if (reclen > *left)
		return false;
	if (copy_to_user(*buf, &d, sizeof(d)) ||
	    copy_to_user(*buf + sizeof(d), name, namelen + 1) ||
	    clear_user(*buf + sizeof(d) + namelen + 1,
		       reclen - sizeof(d) - namelen - 1)) {
		*err = -EFAULT;
		return false;
	}
	*buf += reclen;
	*left -= reclen;
	return true;
}

long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count)
{
	struct file *f = fget(fd);
	char __user *buf = dirent;
	unsigned int left = count;
	struct inode *dir, *child;
	loff_t i = 0;
	int err = 0;

	if (!f)
		return -EBADF;
	dir = f->f_inode;
	if (!S_ISDIR(dir->i_mode)) {
		fput(f);
		return -ENOTDIR;
	}
	mutex_lock(&fs_lock);
	if (f->f_pos == 0 && emit(&buf, &left, dir, ".", 1, &err))
		f->f_pos = 1;
	if (f->f_pos == 1 && emit(&buf, &left, dir->i_parent, "..", 2, &err))
		f->f_pos = 2;
	if (f->f_pos >= 2) {
		list_for_each_entry(child, &dir->i_children, i_sibling) {
			if (i++ < f->f_pos - 2)
				continue;
			if (!emit(&buf, &left, child, child->i_name, f->f_pos + 1, &err))
				break;
			f->f_pos++;
		}
	}
	/* Entries remain but not even one fitted: the buffer is too small. */
	if (!err && left == count &&
	    f->f_pos < 2 + (loff_t)list_count_nodes(&dir->i_children))
		err = -EINVAL;
	mutex_unlock(&fs_lock);
	fput(f);
	return left == count && err ? err : count - left;
}
