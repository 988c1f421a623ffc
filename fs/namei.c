// SPDX-License-Identifier: GPL-2.0
/*
 * Path names: walking "a/b/c" from the root, the cwd or a directory
 * descriptor, one component at a time (Linux's fs/namei.c, without
 * symlinks or mounts), and the operations that create or remove a name.
 * fs_lock serialises the whole name space (see <linux/fs.h>).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/fs.h>

DEFINE_MUTEX(fs_lock);

static const char *next_slash(const char *p)
{
	while (*p && *p != '/')
		p++;
	return p;
}

static struct inode *start_dir(int dfd, const char *path)
{
	struct file *f;
	struct inode *dir;

	if (path[0] == '/')
		return ramfs_root;
	if (dfd == AT_FDCWD)
		return current->fs_cwd ? current->fs_cwd : ramfs_root;
	f = fget(dfd);
	if (!f)
		return ERR_PTR(-EBADF);
	dir = f->f_inode;
	fput(f);
	return S_ISDIR(dir->i_mode) ? dir : ERR_PTR(-ENOTDIR);
}

/*
 * Walk path; with last != NULL stop before the last component, copy it
 * there and return its directory. Called with fs_lock held.
 */
static struct inode *walk(int dfd, const char *path, char *last)
{
	struct inode *inode = start_dir(dfd, path);
	const char *p = path;

	if (IS_ERR(inode))
		return inode;
	if (!*path)
		return ERR_PTR(-ENOENT);
	for (;;) {
		const char *end;
		size_t len;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		end = next_slash(p);
		len = end - p;
		if (len > NAME_MAX)
			return ERR_PTR(-ENAMETOOLONG);
		if (!S_ISDIR(inode->i_mode))
			return ERR_PTR(-ENOTDIR);
		if (last) {
			const char *q = end;

			while (*q == '/')
				q++;
			if (!*q) {		/* p is the last component */
				memcpy(last, p, len);
				last[len] = '\0';
				return inode;
			}
		}
		inode = ramfs_lookup(inode, p, len);
		if (!inode)
			return ERR_PTR(-ENOENT);
		p = end;
	}
	if (last)	/* "/" or "dir/": nothing to create */
		return ERR_PTR(-EEXIST);
	return inode;
}

struct inode *kern_path(int dfd, const char *path)
{
	return walk(dfd, path, NULL);
}

/* The directory that will hold path's last component (copied to last). */
struct inode *kern_path_create(int dfd, const char *path, char *last)
{
	return walk(dfd, path, last);
}

static int create_node(int dfd, const char *path, umode_t mode, unsigned int dev)
{
	char last[NAME_MAX + 1];
	struct inode *dir, *inode;
	int err = 0;

	mutex_lock(&fs_lock);
	dir = kern_path_create(dfd, path, last);
	if (IS_ERR(dir))
		err = PTR_ERR(dir);
	else if (ramfs_lookup(dir, last, strlen(last)))
		err = -EEXIST;
	else if (!strcmp(last, ".") || !strcmp(last, ".."))
		err = -EEXIST;
	else {
		inode = ramfs_new_inode(dir, last, mode, dev);
		if (IS_ERR(inode))
			err = PTR_ERR(inode);
	}
	mutex_unlock(&fs_lock);
	return err;
}

int vfs_mkdir(const char *path, umode_t mode)
{
	return create_node(AT_FDCWD, path, S_IFDIR | (mode & 07777), 0);
}

int vfs_mknod(const char *path, umode_t mode, unsigned int dev)
{
	if (!S_ISREG(mode) && !S_ISCHR(mode) && !S_ISFIFO(mode))
		return -EINVAL;
	if (S_ISCHR(mode) && !chrdev_fops(dev))
		return -ENODEV;
	return create_node(AT_FDCWD, path, mode, dev);
}

int do_mkdirat(int dfd, const char *path, umode_t mode)
{
	return create_node(dfd, path, S_IFDIR | (mode & 07777), 0);
}

int do_mknodat(int dfd, const char *path, umode_t mode, unsigned int dev)
{
	if (!S_ISREG(mode) && !S_ISCHR(mode))
		return -EINVAL;
	if (S_ISCHR(mode) && !chrdev_fops(dev))
		return -ENODEV;
	return create_node(dfd, path, mode, dev);
}

int do_unlinkat(int dfd, const char *path, int flags)
{
	struct inode *inode;
	int err;

	mutex_lock(&fs_lock);
	inode = kern_path(dfd, path);
	if (IS_ERR(inode))
		err = PTR_ERR(inode);
	else if (S_ISDIR(inode->i_mode) && !(flags & AT_REMOVEDIR))
		err = -EISDIR;
	else if (!S_ISDIR(inode->i_mode) && (flags & AT_REMOVEDIR))
		err = -ENOTDIR;
	else
		err = ramfs_unlink(inode);
	mutex_unlock(&fs_lock);
	return err;
}

/* "/a/b" for inode, into buf; the length with the NUL, or -ERANGE. */
int vfs_path_string(struct inode *inode, char *buf, size_t size)
{
	size_t pos = size;

	if (!size)
		return -ERANGE;
	buf[--pos] = '\0';
	if (inode == ramfs_root) {
		if (pos < 1)
			return -ERANGE;
		buf[--pos] = '/';
	}
	for (; inode != ramfs_root; inode = inode->i_parent) {
		size_t len = strlen(inode->i_name);

		if (pos < len + 1)
			return -ERANGE;
		pos -= len;
		memcpy(buf + pos, inode->i_name, len);
		buf[--pos] = '/';
	}
	memmove(buf, buf + pos, size - pos);
	return size - pos;
}
