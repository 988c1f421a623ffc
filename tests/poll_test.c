// SPDX-License-Identifier: GPL-2.0
/*
 * poll() sleeps on the files' wait queues (fs/select.c): a thread polls
 * the read end of an empty pipe; while nothing happens it is not woken
 * and does not ask the pipe again (its voluntary switches stay put, and
 * it asks exactly twice in all: once before sleeping, once after the
 * write that woke it). The timeout still ends a poll that nothing wakes
 * -- after exactly two rounds too. The writer is the test thread, with a
 * borrowed address space for the user buffer pipe_write() copies from.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/delay.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <kmaplab/kthread.h>
#include <kmaplab/poll.h>

#define BASE 0x10000000UL

struct poller {
	struct file *rd;
	long timeout_ms;
	struct pollfd pfd;
	long ret;
	unsigned long passes;
};

static int poller_fn(void *arg)
{
	struct poller *p = arg;
	int fd;

	current->files = files_alloc();
	if (!current->files)
		return -ENOMEM;
	get_file(p->rd);
	fd = fd_install_new(p->rd, 0, false);
	p->pfd = (struct pollfd){ .fd = fd, .events = POLLIN };
	p->ret = do_poll_fds(&p->pfd, 1, p->timeout_ms, &p->passes);
	put_files_struct(current->files);
	current->files = NULL;
	return 0;
}

static struct task_struct *start_poller(struct kunit *test, struct poller *p)
{
	struct task_struct *t = kthread_create(poller_fn, p, "poller");

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);
	wake_up_process(t);
	return t;
}

/* Until t sleeps in poll (bounded: a poller that never sleeps fails). */
static bool wait_asleep(struct task_struct *t)
{
	int i;

	for (i = 0; i < 2000; i++) {
		if (READ_ONCE(t->__state) == TASK_INTERRUPTIBLE)
			return true;
		msleep(1);
	}
	return false;
}

static struct mm_struct *user_buffer(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	vma = vma_alloc(mm, BASE, BASE + PAGE_SIZE, VM_READ | VM_WRITE);
	KUNIT_ASSERT_NOT_NULL(test, vma);
	KUNIT_ASSERT_EQ(test, insert_vm_struct(mm, vma), 0);
	kthread_use_mm(mm);
	return mm;
}

static void poll_sleeps_until_write(struct kunit *test)
{
	struct mm_struct *mm = user_buffer(test);
	struct poller p = { .timeout_ms = -1 };
	struct task_struct *t;
	unsigned long switches;
	struct file *wr;

	KUNIT_ASSERT_EQ(test, do_pipe(&p.rd, &wr), 0);
	t = start_poller(test, &p);
	KUNIT_EXPECT_TRUE(test, wait_asleep(t));
	switches = READ_ONCE(t->nvcsw);
	msleep(50);			/* nothing happens: nothing wakes it */
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->nvcsw), switches);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->__state), (unsigned int)TASK_INTERRUPTIBLE);
	KUNIT_ASSERT_EQ(test, put_user('x', (char __user *)BASE), 0);
	KUNIT_EXPECT_EQ(test, wr->f_op->write(wr, (char __user *)BASE, 1, NULL), 1L);
	kthread_join_put(t);
	KUNIT_EXPECT_EQ(test, p.ret, 1L);
	KUNIT_EXPECT_EQ(test, p.pfd.revents, (short)POLLIN);
	KUNIT_EXPECT_EQ(test, p.passes, 2UL);
	fput(wr);
	fput(p.rd);
	kthread_unuse_mm(mm);
	mmput(mm);
}

static void poll_timeout(struct kunit *test)
{
	struct poller p = { .timeout_ms = 30 };
	struct task_struct *t;
	struct file *wr;

	KUNIT_ASSERT_EQ(test, do_pipe(&p.rd, &wr), 0);
	t = start_poller(test, &p);
	kthread_join_put(t);
	KUNIT_EXPECT_EQ(test, p.ret, 0L);
	KUNIT_EXPECT_EQ(test, p.pfd.revents, (short)0);
	KUNIT_EXPECT_EQ(test, p.passes, 2UL);
	/* The writer gone: readable at once (EOF), one round, no sleep. */
	fput(wr);
	p.timeout_ms = -1;
	t = start_poller(test, &p);
	kthread_join_put(t);
	KUNIT_EXPECT_EQ(test, p.ret, 1L);
	KUNIT_EXPECT_EQ(test, p.pfd.revents, (short)POLLHUP);
	KUNIT_EXPECT_EQ(test, p.passes, 1UL);
	fput(p.rd);
}

static struct kunit_case poll_cases[] = {
	KUNIT_CASE(poll_sleeps_until_write),
	KUNIT_CASE(poll_timeout),
	{}
};

static struct kunit_suite poll_suite = {
	.name = "poll",
	.test_cases = poll_cases,
};

kunit_test_suite(poll_suite);
