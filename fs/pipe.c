// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes (Linux's fs/pipe.c, one buffer page): a ring of PAGE_SIZE bytes
 * in a GFP_HIGHUSER page, copied to and from user space through
 * kmap_local_page() like the page cache. A reader sleeps while the pipe
 * is empty and a writer remains; a writer sleeps while it is full and
 * gets -EPIPE (no SIGPIPE here) when no reader remains.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/poll.h>

#define min3(x, y, z) min_t(size_t, min_t(size_t, x, y), z)

struct pipe_inode_info {
	struct mutex mutex;
	struct wait_queue_head wait;
	struct page *page;
	unsigned int head, len;		/* ring: data at [head, head + len) */
	int readers, writers;
	struct inode inode;
};

static ssize_t pipe_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	struct pipe_inode_info *pipe = f->private_data;
	ssize_t ret;

	for (;;) {
		mutex_lock(&pipe->mutex);
		if (pipe->len || !pipe->writers)
			break;
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->wait, READ_ONCE(pipe->len) ||
					     !READ_ONCE(pipe->writers)))
			return -EINTR;
	}
	ret = 0;
	while (pipe->len && ret < n) {
		size_t chunk = min3((size_t)pipe->len, n - ret,
				    (size_t)(PAGE_SIZE - pipe->head));
		char *kaddr = kmap_local_page(pipe->page);
		size_t left = copy_to_user(buf + ret, kaddr + pipe->head, chunk);

		kunmap_local(kaddr);
		chunk -= left;
		pipe->head = (pipe->head + chunk) % PAGE_SIZE;
		pipe->len -= chunk;
		ret += chunk;
		if (left) {
			if (!ret)
				ret = -EFAULT;
			break;
		}
	}
	mutex_unlock(&pipe->mutex);
	wake_up_all(&pipe->wait);
	return ret;
}

static ssize_t pipe_write(struct file *f, const char __user *buf, size_t n,
			  loff_t *pos)
{
	struct pipe_inode_info *pipe = f->private_data;
	ssize_t ret = 0;

	while (ret < n) {
		size_t tail, chunk, left;
		char *kaddr;

		mutex_lock(&pipe->mutex);
		if (!pipe->readers) {
			mutex_unlock(&pipe->mutex);
			return ret ? ret : -EPIPE;
		}
		if (pipe->len == PAGE_SIZE) {
			mutex_unlock(&pipe->mutex);
			wake_up_all(&pipe->wait);
			if (wait_event_interruptible(pipe->wait,
						     READ_ONCE(pipe->len) < PAGE_SIZE ||
						     !READ_ONCE(pipe->readers)))
				return ret ? ret : -EINTR;
			continue;
		}
		tail = (pipe->head + pipe->len) % PAGE_SIZE;
		chunk = min3(n - ret, (size_t)(PAGE_SIZE - pipe->len),
			     (size_t)(PAGE_SIZE - tail));
		kaddr = kmap_local_page(pipe->page);
		left = copy_from_user(kaddr + tail, buf + ret, chunk);
		kunmap_local(kaddr);
		pipe->len += chunk - left;
		ret += chunk - left;
		mutex_unlock(&pipe->mutex);
		wake_up_all(&pipe->wait);
		if (left)
			return ret ? ret : -EFAULT;
	}
	return ret;
}

/* Readable, writable, or the other end gone; woken on each of those. */
static __poll_t pipe_poll(struct file *f, poll_table *wait)
{
	struct pipe_inode_info *pipe = f->private_data;
	__poll_t mask = 0;

	poll_wait(f, &pipe->wait, wait);
	if ((f->f_flags & O_ACCMODE) == O_RDONLY) {
		if (READ_ONCE(pipe->len))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!READ_ONCE(pipe->writers))
			mask |= EPOLLHUP;
	} else {
		if (READ_ONCE(pipe->len) < PAGE_SIZE)
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= EPOLLERR;
	}
	return mask;
}

/* The last end closed frees the pipe; the other end is woken. */
static int pipe_release(struct inode *inode, struct file *f)
{
	struct pipe_inode_info *pipe = f->private_data;
	bool last;

	mutex_lock(&pipe->mutex);
	if ((f->f_flags & O_ACCMODE) == O_RDONLY)
		pipe->readers--;
	else
		pipe->writers--;
	last = !pipe->readers && !pipe->writers;
	mutex_unlock(&pipe->mutex);
	wake_up_all(&pipe->wait);
	if (last) {
		__free_page(pipe->page);
		kfree(pipe);
	}
	return 0;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.release = pipe_release,
};

int do_pipe(struct file **rd, struct file **wr)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return -ENOMEM;
	pipe->page = alloc_page(GFP_HIGHUSER);
	if (!pipe->page) {
		kfree(pipe);
		return -ENOMEM;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->wait);
	pipe->readers = pipe->writers = 1;
	/* Not in the tree; the files' iget/iput must never free it. */
	pipe->inode.i_mode = S_IFIFO | 0600;
	atomic_set(&pipe->inode.i_count, 1);
	*rd = alloc_file(&pipe->inode, O_RDONLY, &pipe_fops);
	*wr = alloc_file(&pipe->inode, O_WRONLY, &pipe_fops);
	if (!*rd || !*wr) {
		kfree(*rd);
		kfree(*wr);
		__free_page(pipe->page);
		kfree(pipe);
		return -ENOMEM;
	}
	(*rd)->private_data = (*wr)->private_data = pipe;
	return 0;
}

long sys_pipe2(int __user *fildes, int flags)
{
	struct file *rd, *wr;
	int fd[2], err;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	err = do_pipe(&rd, &wr);
	if (err)
		return err;
	fd[0] = fd_install_new(rd, 0, flags & O_CLOEXEC);
	fd[1] = fd[0] < 0 ? -EMFILE : fd_install_new(wr, 0, flags & O_CLOEXEC);
	if (fd[1] < 0 || copy_to_user(fildes, fd, sizeof(fd))) {
		err = fd[1] < 0 ? -EMFILE : -EFAULT;
		if (fd[0] >= 0)
			close_fd(fd[0]);
		else
			fput(rd);
		if (fd[1] >= 0)
			close_fd(fd[1]);
		else
			fput(wr);
		return err;
	}
	return 0;
}

long sys_pipe(int __user *fildes)
{
	return sys_pipe2(fildes, 0);
}
