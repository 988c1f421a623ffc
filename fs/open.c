// SPDX-License-Identifier: GPL-2.0
/*
 * open, close, dup and friends, and the calls that take a path name
 * (Linux's fs/open.c, fs/namei.c's system calls, fs/file.c's dup*).
 * Every path argument is copied in with strncpy_from_user() first: a bad
 * pointer is -EFAULT, an overlong path -ENAMETOOLONG.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/fs.h>

int do_mkdirat(int dfd, const char *path, umode_t mode);
int do_mknodat(int dfd, const char *path, umode_t mode, unsigned int dev);
int do_unlinkat(int dfd, const char *path, int flags);

/* A path from user space, in a PATH_MAX kmalloc buffer, or an ERR_PTR. */
static char *getname(const char __user *filename)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long n;

	if (!name)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(name, filename, PATH_MAX);
	if (n < 0 || n == PATH_MAX || n == 0) {
		kfree(name);
		return ERR_PTR(n < 0 ? n : n ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}

static struct file *do_filp_open(int dfd, const char *path, int flags, umode_t mode)
{
	struct inode *inode, *dir;
	char last[NAME_MAX + 1];
	struct file *f;

	mutex_lock(&fs_lock);
	inode = kern_path(dfd, path);
	if (IS_ERR(inode) && PTR_ERR(inode) == -ENOENT && (flags & O_CREAT)) {
		dir = kern_path_create(dfd, path, last);
		inode = IS_ERR(dir) ? dir :
			ramfs_new_inode(dir, last, S_IFREG | (mode & 07777), 0);
	} else if (!IS_ERR(inode) && (flags & O_CREAT) && (flags & O_EXCL)) {
		inode = ERR_PTR(-EEXIST);
	}
	if (!IS_ERR(inode)) {
		if (S_ISDIR(inode->i_mode) && (flags & O_ACCMODE) != O_RDONLY)
			inode = ERR_PTR(-EISDIR);
		else if (!S_ISDIR(inode->i_mode) && (flags & O_DIRECTORY))
			inode = ERR_PTR(-ENOTDIR);
	}
	if (IS_ERR(inode)) {
		mutex_unlock(&fs_lock);
		return ERR_CAST(inode);
	}
	if (S_ISREG(inode->i_mode) && (flags & O_TRUNC) && (flags & O_ACCMODE))
		truncate_inode_pages(inode);
	f = alloc_file(inode, flags, inode->i_fop);
	mutex_unlock(&fs_lock);
	return f ? f : ERR_PTR(-ENOMEM);
}

struct file *filp_open(const char *path, int flags, umode_t mode)
{
	return do_filp_open(AT_FDCWD, path, flags, mode);
}

long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode)
{
	char *name = getname(filename);
	struct file *f;
	long fd;

	if (IS_ERR(name))
		return PTR_ERR(name);
	f = do_filp_open(dfd, name, flags, mode);
	kfree(name);
	if (IS_ERR(f))
		return PTR_ERR(f);
	fd = fd_install_new(f, 0, flags & O_CLOEXEC);
	if (fd < 0)
		fput(f);
	return fd;
}

long sys_open(const char __user *filename, int flags, umode_t mode)
{
	return sys_openat(AT_FDCWD, filename, flags, mode);
}

long sys_close(unsigned int fd)
{
	return close_fd(fd);
}

long sys_dup(unsigned int fildes)
{
	struct file *f = fget(fildes);
	long fd;

	if (!f)
		return -EBADF;
	fd = fd_install_new(f, 0, false);
	if (fd < 0)
		fput(f);
	return fd;
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *f;

	if (oldfd == newfd || (flags & ~O_CLOEXEC))
		return -EINVAL;
	if (newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	f = fget(oldfd);
	if (!f)
		return -EBADF;
	close_fd(newfd);
	return fd_install_new(f, newfd, flags & O_CLOEXEC) == (int)newfd ? newfd : -EBUSY;
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd) {
		struct file *f = fget(oldfd);

		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return sys_dup3(oldfd, newfd, 0);
}

#define PATH_CALL(expr) ({						\
	char *name = getname(pathname);					\
	long __ret = IS_ERR(name) ? PTR_ERR(name) : (expr);		\
	if (!IS_ERR(name))						\
		kfree(name);						\
	__ret;								\
})

long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode)
{
	return PATH_CALL(do_mkdirat(dfd, name, mode));
}

long sys_mkdir(const char __user *pathname, umode_t mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}

long sys_mknodat(int dfd, const char __user *pathname, umode_t mode, unsigned int dev)
{
	return PATH_CALL(do_mknodat(dfd, name, mode, dev));
}

long sys_mknod(const char __user *pathname, umode_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, pathname, mode, dev);
}

long sys_unlinkat(int dfd, const char __user *pathname, int flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return PATH_CALL(do_unlinkat(dfd, name, flag));
}

long sys_unlink(const char __user *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}

static long do_chdir(const char *name)
{
	struct inode *inode, *old;

	mutex_lock(&fs_lock);
	inode = kern_path(AT_FDCWD, name);
	if (IS_ERR(inode) || !S_ISDIR(inode->i_mode)) {
		mutex_unlock(&fs_lock);
		return IS_ERR(inode) ? PTR_ERR(inode) : -ENOTDIR;
	}
	iget(inode);
	old = current->fs_cwd;
	current->fs_cwd = inode;
	if (old)
		iput(old);
	mutex_unlock(&fs_lock);
	return 0;
}

long sys_chdir(const char __user *pathname)
{
	return PATH_CALL(do_chdir(name));
}

long sys_getcwd(char __user *buf, unsigned long size)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!path)
		return -ENOMEM;
	mutex_lock(&fs_lock);
	len = vfs_path_string(current->fs_cwd ? current->fs_cwd : ramfs_root,
			      path, PATH_MAX);
	mutex_unlock(&fs_lock);
	if (len > 0 && (unsigned long)len > size)
		len = -ERANGE;
	if (len > 0 && copy_to_user(buf, path, len))
		len = -EFAULT;
	kfree(path);
	return len;
}

static long mount_point_ok(const char *name)
{
	struct inode *dir;

	mutex_lock(&fs_lock);
	dir = kern_path(AT_FDCWD, name);
	mutex_unlock(&fs_lock);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	return S_ISDIR(dir->i_mode) ? 0 : -ENOTDIR;
}

/*
 * There is one file system, the ramfs the initramfs was unpacked into.
 * A ramfs or tmpfs mount onto an existing directory is honoured as what
 * it would give here -- the same kind of RAM file system, which this
 * already is -- and changes nothing; any other type (devtmpfs, proc,
 * sysfs...) is -ENODEV, so an init falls back to mknod for /dev.
 */
long sys_mount(char __user *dev_name, char __user *pathname, char __user *type,
	       unsigned long flags, void __user *data)
{
	char fstype[16];
	long n = strncpy_from_user(fstype, type, sizeof(fstype));

	if (n < 0)
		return n;
	if (n == sizeof(fstype) || (strcmp(fstype, "ramfs") && strcmp(fstype, "tmpfs")))
		return -ENODEV;
	return PATH_CALL(mount_point_ok(name));
}
