// SPDX-License-Identifier: GPL-2.0
/*
 * Open files and descriptor tables (Linux's fs/file.c and
 * fs/file_table.c). A struct file is an open instance of an inode with
 * its own position; descriptors are indexes into the task's
 * files_struct, which fork copies (the files are then shared, as in
 * Linux: one position for parent and child) and exit drops.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fs.h>

struct file *alloc_file(struct inode *inode, unsigned int flags,
			const struct file_operations *fop)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->f_inode = inode;
	f->f_op = fop;
	f->f_flags = flags;
	atomic_set(&f->f_count, 1);
	if (inode)
		iget(inode);
	return f;
}

void get_file(struct file *file)
{
	atomic_inc(&file->f_count);
}

void fput(struct file *file)
{
	if (!atomic_dec_and_test(&file->f_count))
		return;
	/* iput first: a pipe's release frees the inode it lives in. */
	if (file->f_inode)
		iput(file->f_inode);
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	kfree(file);
}

/* The file behind fd, with a reference the caller drops with fput(). */
struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	f = READ_ONCE(files->fd[fd]);
	if (f)
		get_file(f);
	return f;
}

/* The lowest free descriptor >= from now holds file (whose ref it takes). */
int fd_install_new(struct file *file, unsigned int from, bool cloexec)
{
	struct files_struct *files = current->files;
	unsigned int fd;

	for (fd = from; fd < NR_OPEN_DEFAULT; fd++) {
		if (!files->fd[fd]) {
			files->fd[fd] = file;
			if (cloexec)
				files->close_on_exec |= 1UL << fd;
			else
				files->close_on_exec &= ~(1UL << fd);
			return fd;
		}
	}
	return -EMFILE;
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	f = files->fd[fd];
	if (!f)
		return -EBADF;
	files->fd[fd] = NULL;
	files->close_on_exec &= ~(1UL << fd);
	fput(f);
	return 0;
}

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (files)
		atomic_set(&files->count, 1);
	return files;
}

struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *files = files_alloc();
	int fd;

	if (!files)
		return NULL;
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		files->fd[fd] = old->fd[fd];
		if (files->fd[fd])
			get_file(files->fd[fd]);
	}
	files->close_on_exec = old->close_on_exec;
	return files;
}

void put_files_struct(struct files_struct *files)
{
	int fd;

	if (!atomic_dec_and_test(&files->count))
		return;
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	kfree(files);
}

void do_close_on_exec(struct files_struct *files)
{
	int fd;

	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if ((files->close_on_exec & (1UL << fd)) && files->fd[fd])
			close_fd(fd);
}
