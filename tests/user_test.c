// SPDX-License-Identifier: GPL-2.0
/*
 * User programs from the initramfs (user/), each run as a process that
 * is this case's child: spawned, waited for, its exit status checked.
 * memhog, cowtest and badptr print their own KTAP, one level deeper:
 * their results are subtests of the case of the same name. Without an
 * initramfs (a boot without -initrd) every case skips, saying why.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include "user_exit_common.h"

#define SIGSEGV 11

static int run_on(struct kunit *test, const char *console, const char *const *argv)
{
	int status = -1;
	pid_t pid;

	if (!initramfs_present)
		kunit_skip(test, "no initramfs: boot with -initrd build/initramfs.cpio");
	pid = user_process_spawn(argv[0], argv, console);
	KUNIT_ASSERT_GT(test, pid, 1);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), (long)pid);
	return status;
}

#define RUN(test, ...) \
	run_on(test, "/dev/console", (const char *const[]){ __VA_ARGS__, NULL })
/* Output to /dev/null: a program's KTAP must not nest in another case. */
#define RUN_QUIET(test, ...) \
	run_on(test, "/dev/null", (const char *const[]){ __VA_ARGS__, NULL })

/* 8 MiB, or less on a small machine (-m 16M): a quarter of the RAM. */
static const char *memhog_mib(void)
{
	return totalram_pages() >= (32UL << 20) / PAGE_SIZE ? "8" : "2";
}

static void hello(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, RUN(test, "/bin/hello", "from", "kunit"), 0);
}

static void memhog(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, RUN(test, "/bin/memhog", memhog_mib()), 0);
}

static void cowtest(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, RUN(test, "/bin/cowtest"), 0);
}

static void badptr(struct kunit *test)
{
	int unknown = atomic_read(&nr_unknown_syscalls);

	KUNIT_EXPECT_EQ(test, RUN(test, "/bin/badptr"), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&nr_unknown_syscalls), unknown);
}

/* Files, directories, descriptors, pipes, poll, time, kill, -ENOSYS. */
static void systest(struct kunit *test)
{
	int unknown = atomic_read(&nr_unknown_syscalls);

	KUNIT_EXPECT_EQ(test, RUN(test, "/bin/systest"), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&nr_unknown_syscalls), unknown + 1);
}

/* Killed by SIGSEGV with a one-line report; the kernel carries on. */
static void segv(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, RUN(test, "/bin/segv"), SIGSEGV);
}

/* fork, exec, a pipe between two processes, wait: the shell's way. */
static void shell_pipeline(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, RUN(test, "/bin/sh", "-c", "echo piped through cat | cat"), 0);
	KUNIT_EXPECT_EQ(test, RUN(test, "/bin/sh", "-c", "ls /bin"), 0);
	KUNIT_EXPECT_EQ(test, RUN(test, "/bin/sh", "-c", "exit 7"), 7 << 8);
}

/* A missing program: the spawned process says so and exits 127. */
static void exec_missing(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, RUN(test, "/bin/no-such-program"), 127 << 8);
}

/*
 * Every page a process had -- user pages, page tables, its PDPT and page
 * directories, its kernel stack -- is back when it has been reaped (on
 * SMP a moment later: user_exit_common.h). A first run warms the caches
 * that legitimately stay (kmalloc slabs).
 */
static void exit_frees_everything(struct kunit *test)
{
	unsigned long before;

	RUN_QUIET(test, "/bin/cowtest");
	RUN_QUIET(test, "/bin/memhog", "2");
	before = settled_free_pages();
	KUNIT_EXPECT_EQ(test, RUN_QUIET(test, "/bin/cowtest"), 0);
	KUNIT_EXPECT_EQ(test, RUN_QUIET(test, "/bin/memhog", "2"), 0);
	KUNIT_EXPECT_EQ(test, free_pages_back_to(before), before);	/* SMP: late */
}

static struct kunit_case mm_user_programs_cases[] = {
	KUNIT_CASE(hello),
	KUNIT_CASE(memhog),
	KUNIT_CASE(cowtest),
	KUNIT_CASE(badptr),
	KUNIT_CASE(systest),
	KUNIT_CASE(segv),
	KUNIT_CASE(shell_pipeline),
	KUNIT_CASE(exec_missing),
	KUNIT_CASE(exit_frees_everything),
	{}
};

static struct kunit_suite mm_user_programs_suite = {
	.name = "mm_user_programs",
	.test_cases = mm_user_programs_cases,
};

kunit_test_suite(mm_user_programs_suite);
