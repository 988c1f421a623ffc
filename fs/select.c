// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll and select (Linux's fs/select.c), by polling: each file's
 * ->poll says what would not block now; with nothing ready the caller
 * sleeps a tick and asks again, until the timeout or a signal. (Linux
 * sleeps on the files' wait queues instead; here the console has no
 * receive interrupt to wake anyone, so asking again is what it takes.)
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/fs.h>

#define POLLIN 0x0001
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define MAX_POLL_FDS 256

struct pollfd {
	int fd;
	short events, revents;
};

static unsigned int file_poll(int fd)
{
	struct file *f = fd >= 0 ? fget(fd) : NULL;
	unsigned int mask;

	if (!f)
		return POLLNVAL;
	mask = f->f_op->poll ? f->f_op->poll(f) : POLLIN | POLLOUT;
	fput(f);
	return mask;
}

/* Poll until something is ready, timeout_ms passes (< 0: never) or a signal. */
static long do_poll(struct pollfd *fds, unsigned int nfds, long timeout_ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(max(timeout_ms, 0L));
	unsigned int i, ready;

	for (;;) {
		for (i = 0, ready = 0; i < nfds; i++) {
			unsigned int m = fds[i].fd < 0 ? 0 : file_poll(fds[i].fd);

			fds[i].revents = m & (fds[i].events | POLLERR | POLLHUP | POLLNVAL);
			if (fds[i].revents)
				ready++;
		}
		if (ready || !timeout_ms ||
		    (timeout_ms > 0 && time_after_eq(jiffies, end)))
			return ready;
		if (signal_pending(current))
			return -EINTR;
		msleep_interruptible(2);
	}
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
	      do_poll(fds, nfds, timeout_ms);
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
	ret = do_poll(fds, k, ms);
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
