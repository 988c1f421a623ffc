/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/types.h>
#include <linux/wait.h>
#include <linux/fs.h>

/*
 * poll()'s plumbing, Linux's shape: a file's ->poll(file, pt) returns
 * what would not block now and, with poll_wait(), puts the caller on the
 * wait queues whose wake-up means that may have changed (the pipe's, the
 * console's). fs/select.c's poll_wqueues collect those entries for one
 * poll() call; a wake-up on any of them wakes the polling task, which
 * asks every file again.
 */
typedef unsigned int __poll_t;

/* <uapi/asm-generic/poll.h>, the i386 values */
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLWRNORM	0x0100

/* <uapi/linux/eventpoll.h>: the same bits, as __poll_t */
#define EPOLLIN		((__poll_t)POLLIN)
#define EPOLLOUT	((__poll_t)POLLOUT)
#define EPOLLERR	((__poll_t)POLLERR)
#define EPOLLHUP	((__poll_t)POLLHUP)
#define EPOLLNVAL	((__poll_t)POLLNVAL)
#define EPOLLRDNORM	((__poll_t)POLLRDNORM)
#define EPOLLWRNORM	((__poll_t)POLLWRNORM)

struct pollfd {
	int fd;
	short events, revents;
};

#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *, wait_queue_head_t *,
				struct poll_table_struct *);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;	/* NULL: just ask, do not queue */
	__poll_t _key;
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address,
			     poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

static inline void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc)
{
	pt->_qproc = qproc;
	pt->_key = ~(__poll_t)0;
}

static inline __poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (unlikely(!file->f_op->poll))
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

/* One wait queue a poll() call is on. */
struct poll_table_entry {
	struct file *filp;
	__poll_t key;
	struct wait_queue_entry wait;
	wait_queue_head_t *wait_address;
};

struct poll_table_page;

#define N_INLINE_POLL_ENTRIES 8

struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;	/* entries past the inline ones */
	struct task_struct *polling_task;
	int triggered;			/* a wake-up came since the last look */
	int error;
	int inline_index;
	unsigned long passes;		/* kmaplab: rounds over the files */
	struct poll_table_entry inline_entries[N_INLINE_POLL_ENTRIES];
};

void poll_initwait(struct poll_wqueues *pwq);
void poll_freewait(struct poll_wqueues *pwq);

#endif /* _LINUX_POLL_H */
