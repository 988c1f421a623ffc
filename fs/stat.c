// SPDX-License-Identifier: GPL-2.0
/*
 * stat, lstat, fstat and their 64-bit forms (Linux's fs/stat.c), with
 * i386's two layouts: the old struct stat (what nolibc's stat() uses
 * through __NR_stat) and struct stat64.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <asm/page.h>

struct kstat {
	unsigned long ino, rdev, nlink, blocks;
	umode_t mode;
	loff_t size;
	unsigned long mtime;
};

/* arch/x86/include/uapi/asm/stat.h, i386 */
struct stat {
	unsigned long st_dev, st_ino;
	unsigned short st_mode, st_nlink, st_uid, st_gid;
	unsigned long st_rdev, st_size, st_blksize, st_blocks;
	unsigned long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec, __unused4, __unused5;
};

struct stat64 {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;
	unsigned int st_mode, st_nlink;
	unsigned long st_uid, st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	unsigned long long st_ino;
} __packed;

static void fill(struct kstat *k, struct inode *inode)
{
	k->ino = inode->i_ino;
	k->mode = inode->i_mode;
	k->rdev = inode->i_rdev;
	k->nlink = S_ISDIR(inode->i_mode) ? 2 : 1;
	k->size = inode->i_size;
	k->blocks = DIV_ROUND_UP(inode->i_size, 512);
	k->mtime = inode->i_mtime / HZ;
}

static long stat_path(const char __user *filename, struct kstat *k)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	struct inode *inode;
	long n;

	if (!name)
		return -ENOMEM;
	n = strncpy_from_user(name, filename, PATH_MAX);
	if (n <= 0 || n == PATH_MAX) {
		kfree(name);
		return n < 0 ? n : n ? -ENAMETOOLONG : -ENOENT;
	}
	mutex_lock(&fs_lock);
	inode = kern_path(AT_FDCWD, name);
	if (!IS_ERR(inode))
		fill(k, inode);
	mutex_unlock(&fs_lock);
	kfree(name);
	return IS_ERR(inode) ? PTR_ERR(inode) : 0;
}

static long stat_fd(unsigned int fd, struct kstat *k)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	mutex_lock(&fs_lock);
	fill(k, f->f_inode);
	mutex_unlock(&fs_lock);
	fput(f);
	return 0;
}

static long put_stat(const struct kstat *k, void __user *ubuf)
{
	struct stat st = {
		.st_dev = 1, .st_ino = k->ino, .st_mode = k->mode,
		.st_nlink = k->nlink, .st_rdev = k->rdev, .st_size = k->size,
		.st_blksize = PAGE_SIZE, .st_blocks = k->blocks,
		.st_atime = k->mtime, .st_mtime = k->mtime, .st_ctime = k->mtime,
	};

	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long put_stat64(const struct kstat *k, void __user *ubuf)
{
	struct stat64 st = {
		.st_dev = 1, .__st_ino = k->ino, .st_ino = k->ino, .st_mode = k->mode,
		.st_nlink = k->nlink, .st_rdev = k->rdev, .st_size = k->size,
		.st_blksize = PAGE_SIZE, .st_blocks = k->blocks,
		.st_atime = k->mtime, .st_mtime = k->mtime, .st_ctime = k->mtime,
	};

	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

#define STAT_CALL(get, put) ({ struct kstat k; long e = (get); e ? e : (put); })

long sys_newstat(const char __user *filename, void __user *statbuf)
{
	return STAT_CALL(stat_path(filename, &k), put_stat(&k, statbuf));
}

/* No symbolic links here: lstat is stat. */
long sys_newlstat(const char __user *filename, void __user *statbuf)
{
	return sys_newstat(filename, statbuf);
}

long sys_newfstat(unsigned int fd, void __user *statbuf)
{
	return STAT_CALL(stat_fd(fd, &k), put_stat(&k, statbuf));
}

long sys_stat64(const char __user *filename, void __user *statbuf)
{
	return STAT_CALL(stat_path(filename, &k), put_stat64(&k, statbuf));
}

long sys_lstat64(const char __user *filename, void __user *statbuf)
{
	return sys_stat64(filename, statbuf);
}

long sys_fstat64(unsigned long fd, void __user *statbuf)
{
	return STAT_CALL(stat_fd(fd, &k), put_stat64(&k, statbuf));
}
