// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll and select (Linux's fs/select.c). Each round asks every
 * file's ->poll what would not block now; the first round also puts this
 * task on each file's wait queue (poll_wait() -> __pollwait()). With
 * nothing ready the task sleeps until a wake-up on any of those queues
 * (a pipe written or read, a byte on the console, an end closed), the
 * timeout, or a signal -- then asks again. No file is asked while
 * nothing happens.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/gfp.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <kmaplab/poll.h>

#define MAX_POLL_FDS 256

/* Entries past the inline ones: a page at a time, chained. */
struct poll_table_page {
	struct poll_table_page *next;
	struct poll_table_entry *entry;
	struct poll_table_entry entries[];
};

#define POLL_TABLE_FULL(table) \
	((unsigned long)((table)->entry + 1) > PAGE_SIZE + (unsigned long)(table))

static void __pollwait(struct file *filp, wait_queue_head_t *wait_address,
		       poll_table *p);

void poll_initwait(struct poll_wqueues *pwq)
{
	init_poll_funcptr(&pwq->pt, __pollwait);
	pwq->polling_task = current;
	pwq->triggered = 0;
	pwq->error = 0;
	pwq->table = NULL;
	pwq->inline_index = 0;
	pwq->passes = 0;
}

static void free_poll_entry(struct poll_table_entry *entry)
{
	remove_wait_queue(entry->wait_address, &entry->wait);
	fput(entry->filp);
}

void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *p = pwq->table;
	int i;

	for (i = 0; i < pwq->inline_index; i++)
		free_poll_entry(pwq->inline_entries + i);
	while (p) {
		struct poll_table_entry *entry = p->entry;
		struct poll_table_page *old = p;

		while (entry > p->entries)
			free_poll_entry(--entry);
		p = p->next;
		free_page((unsigned long)old);
	}
}

static struct poll_table_entry *poll_get_entry(struct poll_wqueues *p)
{
	struct poll_table_page *table = p->table;

	if (p->inline_index < N_INLINE_POLL_ENTRIES)
		return p->inline_entries + p->inline_index++;
	if (!table || POLL_TABLE_FULL(table)) {
		struct poll_table_page *new_table;

		new_table = (struct poll_table_page *)__get_free_page(GFP_KERNEL);
		if (!new_table) {
			p->error = -ENOMEM;
			return NULL;
		}
		new_table->entry = new_table->entries;
		new_table->next = table;
		p->table = new_table;
		table = new_table;
	}
	return table->entry++;
}

/* A wake-up on one of the queues: note it and wake the polling task. */
static int pollwake(struct wait_queue_entry *wait, unsigned int mode, int sync,
		    void *key)
{
	struct poll_wqueues *pwq = wait->private;
	DECLARE_WAITQUEUE(dummy_wait, pwq->polling_task);

	smp_wmb();
	pwq->triggered = 1;
	return default_wake_function(&dummy_wait, mode, sync, key);
}

static void __pollwait(struct file *filp, wait_queue_head_t *wait_address,
		       poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);

	if (!entry)
		return;
	get_file(filp);
	entry->filp = filp;
	entry->wait_address = wait_address;
	entry->key = p->_key;
	init_waitqueue_func_entry(&entry->wait, pollwake);
	entry->wait.private = pwq;
	add_wait_queue(wait_address, &entry->wait);
}

/*
 * Sleep until a wake-up came (triggered), or *timeout jiffies pass; 0
 * when they did. triggered is tested after the task state is set, so a
 * wake-up between the last round and here is not lost.
 */
static int poll_schedule_timeout(struct poll_wqueues *pwq, long *timeout)
{
	set_current_state(TASK_INTERRUPTIBLE);
	if (!pwq->triggered)
		*timeout = schedule_timeout(*timeout);
	__set_current_state(TASK_RUNNING);
	smp_store_mb(pwq->triggered, 0);
	return *timeout != 0;
}

static __poll_t do_pollfd(struct pollfd *pollfd, poll_table *pt)
{
	struct file *f;
	__poll_t mask;

	if (pollfd->fd < 0)
		return 0;
	f = fget(pollfd->fd);
	if (!f)
		return EPOLLNVAL;
	pt->_key = pollfd->events | EPOLLERR | EPOLLHUP;
	mask = vfs_poll(f, pt);
	fput(f);
	return mask & (pollfd->events | EPOLLERR | EPOLLHUP | EPOLLNVAL);
}

static long do_poll(struct pollfd *fds, unsigned int nfds,
		    struct poll_wqueues *wait, long timeout)
{
	poll_table *pt = &wait->pt;
	bool timed_out = !timeout;
	unsigned int i;
	long count;

	for (;;) {
		for (i = 0, count = 0; i < nfds; i++) {
			fds[i].revents = do_pollfd(fds + i, pt);
			if (fds[i].revents) {
				count++;
				pt->_qproc = NULL;	/* no need to queue more */
			}
		}
		pt->_qproc = NULL;	/* queued once, on the first round */
		wait->passes++;
		if (!count) {
			count = wait->error;
			if (signal_pending(current))
				count = -EINTR;
		}
		if (count || timed_out)
			return count;
		if (!poll_schedule_timeout(wait, &timeout))
			timed_out = true;
	}
}

long do_poll_fds(struct pollfd *fds, unsigned int nfds, long timeout_ms,
		 unsigned long *passes)
{
	struct poll_wqueues table;
	long timeout = timeout_ms < 0 ? MAX_SCHEDULE_TIMEOUT :
		       (long)msecs_to_jiffies(timeout_ms), ret;

	poll_initwait(&table);
	ret = do_poll(fds, nfds, &table, timeout);
	poll_freewait(&table);
	if (passes)
		*passes = table.passes;
	return ret;
}

static long poll_user(struct pollfd __user *ufds, unsigned int nfds, long timeout_ms)
{
	struct pollfd *fds;
	long ret;

	if (nfds > MAX_POLL_FDS)
		return -EINVAL;
	fds = kmalloc_array(nfds ? nfds : 1, sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = copy_from_user(fds, ufds, nfds * sizeof(*fds)) ? -EFAULT :
	      do_poll_fds(fds, nfds, timeout_ms, NULL);
	if (ret >= 0 && copy_to_user(ufds, fds, nfds * sizeof(*fds)))
		ret = -EFAULT;
	kfree(fds);
	return ret;
}

long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout)
{
	return poll_user(ufds, nfds, timeout);
}

long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds,
	       struct timespec_old __user *tsp, void __user *sigmask, size_t sigsetsize)
{
	struct timespec_old ts;
	long ms = -1;

	if (tsp) {
		if (copy_from_user(&ts, tsp, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0)
			return -EINVAL;
		ms = ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	}
	return poll_user(ufds, nfds, ms);
}

/* fd_sets of up to NR_OPEN_DEFAULT (32) descriptors: one word each. */
long sys_select(int n, void __user *inp, void __user *outp, void __user *exp,
		struct timeval_old __user *tvp)
{
	u32 in = 0, out = 0, res_in = 0, res_out = 0, zero = 0;
	struct pollfd fds[NR_OPEN_DEFAULT];
	struct timeval_old tv;
	long ms = -1, ret;
	int i, k = 0;

	if (n < 0)
		return -EINVAL;
	n = min(n, NR_OPEN_DEFAULT);
	if ((inp && copy_from_user(&in, inp, 4)) || (outp && copy_from_user(&out, outp, 4)))
		return -EFAULT;
	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		ms = tv.tv_sec * 1000 + tv.tv_usec / 1000;
	}
	for (i = 0; i < n; i++) {
		if (!((in | out) & (1U << i)))
			continue;
		fds[k].fd = i;
		fds[k].events = (in & (1U << i) ? POLLIN : 0) | (out & (1U << i) ? POLLOUT : 0);
		k++;
	}
	ret = do_poll_fds(fds, k, ms, NULL);
	if (ret < 0)
		return ret;
	for (i = 0, ret = 0; i < k; i++) {
		if (fds[i].revents & POLLNVAL)
			return -EBADF;
		if (fds[i].revents & (POLLIN | POLLHUP | POLLERR))
			res_in |= 1U << fds[i].fd, ret++;
		if (fds[i].revents & POLLOUT)
			res_out |= 1U << fds[i].fd, ret++;
	}
	if ((inp && copy_to_user(inp, &res_in, 4)) || (outp && copy_to_user(outp, &res_out, 4)) ||
	    (exp && copy_to_user(exp, &zero, 4)))
		return -EFAULT;
	return ret;
}
