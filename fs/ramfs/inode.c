// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs: a file system that is nothing but its page cache, as Linux's
 * fs/ramfs/. There is no backing store: a file's pages (GFP_HIGHUSER,
 * mm/filemap.c) are its only copy and live until the file is truncated
 * or unlinked and closed. The initramfs is unpacked into it
 * (init/initramfs.c).
 *
 * The name tree: each inode has one name and one parent (no hard
 * links, so the dentry is folded into the inode, <linux/fs.h>), and a
 * directory keeps its children on a list. Everything here runs under
 * fs_lock.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/err.h>
#include <linux/fs.h>

struct inode *ramfs_root;
static unsigned long last_ino = 1;

static ssize_t dir_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	return -EISDIR;
}

static ssize_t dir_write(struct file *f, const char __user *buf, size_t n,
			 loff_t *pos)
{
	return -EISDIR;
}

const struct file_operations ramfs_dir_operations = {
	.read = dir_read,
	.write = dir_write,
};

void iget(struct inode *inode)
{
	atomic_inc(&inode->i_count);
}

/* The last reference to an unlinked inode: its pages and itself go. */
void iput(struct inode *inode)
{
	if (!atomic_dec_and_test(&inode->i_count))
		return;
	WARN_ON(!inode->i_unlinked);
	truncate_inode_pages(inode);
	kfree(inode->i_pages);
	kfree(inode);
}

struct inode *ramfs_new_inode(struct inode *dir, const char *name, umode_t mode,
			      unsigned int rdev)
{
	struct inode *inode;

	if (strlen(name) > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_mode = mode;
	inode->i_ino = ++last_ino;
	inode->i_rdev = rdev;
	inode->i_mtime = jiffies;
	atomic_set(&inode->i_count, 1);		/* the link */
	strscpy(inode->i_name, name, sizeof(inode->i_name));
	INIT_LIST_HEAD(&inode->i_children);
	INIT_LIST_HEAD(&inode->i_sibling);
	if (S_ISDIR(mode))
		inode->i_fop = &ramfs_dir_operations;
	else if (S_ISCHR(mode))
		inode->i_fop = chrdev_fops(rdev);
	else
		inode->i_fop = &ramfs_file_operations;
	inode->i_parent = dir ? dir : inode;
	if (dir)
		list_add_tail(&inode->i_sibling, &dir->i_children);
	return inode;
}

struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len)
{
	struct inode *child;

	if (len == 1 && name[0] == '.')
		return dir;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return dir->i_parent;
	list_for_each_entry(child, &dir->i_children, i_sibling)
		if (strlen(child->i_name) == len && !memcmp(child->i_name, name, len))
			return child;
	return NULL;
}

/* Take inode out of the tree; its data lives on while it is open. */
int ramfs_unlink(struct inode *inode)
{
	if (inode == ramfs_root)
		return -EBUSY;
	if (S_ISDIR(inode->i_mode) && !list_empty(&inode->i_children))
		return -ENOTEMPTY;
	list_del_init(&inode->i_sibling);
	inode->i_unlinked = true;
	iput(inode);
	return 0;
}

void ramfs_init(void)
{
	ramfs_root = ramfs_new_inode(NULL, "/", S_IFDIR | 0755, 0);
	BUG_ON(IS_ERR(ramfs_root));
}
