// SPDX-License-Identifier: GPL-2.0
/*
 * The system-call fuzzer (user/fuzz.c, docs/userspace.md): /bin/fuzz
 * forks its children, which issue random system calls with hostile
 * arguments; the case passes when the program says all its children
 * exited (its own KTAP, one level deeper) and everything they held is
 * back: the free pages (task stacks, page tables, user pages, files,
 * pipes, kmalloc slabs -- an empty slab goes back to the buddy
 * allocator), the kmalloc objects in use in the slabs (a leaked file or
 * pipe in a slab that still holds live objects frees no page) and the thread
 * count. A first short run warms what stays
 * by design. The run judges the rest: an oops, WARN or hang fails it.
 *   syscall_fuzz.calls=N syscall_fuzz.seed=S   (on the command line)
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/syscalls.h>
#include <kmaplab/params.h>
#include "user_exit_common.h"

static unsigned long fuzz_calls = 100000;
static unsigned long fuzz_seed = 1;

static int __init fuzz_calls_setup(char *str)
{
	if (kstrtoul(str, 10, &fuzz_calls) || !fuzz_calls) {
		fuzz_calls = 100000;
		setup_kept("syscall_fuzz.calls=%lu (a positive count)", fuzz_calls);
		return 0;
	}
	return 1;
}
__setup("syscall_fuzz.calls=", fuzz_calls_setup);

static int __init fuzz_seed_setup(char *str)
{
	if (kstrtoul(str, 10, &fuzz_seed)) {
		fuzz_seed = 1;
		setup_kept("syscall_fuzz.seed=%lu (a number)", fuzz_seed);
		return 0;
	}
	return 1;
}
__setup("syscall_fuzz.seed=", fuzz_seed_setup);

static int run_fuzz(struct kunit *test, unsigned long calls, const char *console)
{
	char c[24], s[24];
	const char *argv[] = { "/bin/fuzz", c, s, "4", NULL };
	int status = -1;
	pid_t pid;

	snprintf(c, sizeof(c), "%lu", calls);
	snprintf(s, sizeof(s), "%lu", fuzz_seed);
	pid = user_process_spawn(argv[0], argv, console);
	KUNIT_ASSERT_GT(test, pid, 1);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), (long)pid);
	return status;
}

static void syscall_fuzz(struct kunit *test)
{
	unsigned long free, threads, objects;

	if (!initramfs_present)
		kunit_skip(test, "no initramfs: boot with -initrd build/initramfs.cpio");
	KUNIT_EXPECT_EQ(test, run_fuzz(test, 400, "/dev/null"), 0);
	free = settled_free_pages();
	threads = nr_threads();
	objects = settled_count(kmalloc_nr_objects);
	kmalloc_show_stats();
	kunit_info(test, "fuzz %lu 4 children, seed %lu: %lu free pages, %lu threads, %lu kmalloc objects\n",
		   fuzz_calls, fuzz_seed, free, threads, objects);
	KUNIT_EXPECT_EQ(test, run_fuzz(test, fuzz_calls, "/dev/console"), 0);
	KUNIT_EXPECT_EQ_MSG(test, free_pages_back_to(free), free, "free pages after the fuzzers");
	KUNIT_EXPECT_EQ_MSG(test, nr_threads(), threads, "threads after the fuzzers");
	if (count_back_to(kmalloc_nr_objects, objects) != objects) {
		kmalloc_show_stats();	/* which cache: compare with the start's */
		KUNIT_FAIL(test, "kmalloc objects (files, pipes, tasks, mms...) after the fuzzers: %lu, at the start %lu",
			   kmalloc_nr_objects(), objects);
	}
}

static struct kunit_case syscall_fuzz_cases[] = {
	KUNIT_CASE(syscall_fuzz),
	{}
};

static struct kunit_suite syscall_fuzz_suite = {
	.name = "syscall_fuzz",
	.test_cases = syscall_fuzz_cases,
};

kunit_test_suite(syscall_fuzz_suite);
