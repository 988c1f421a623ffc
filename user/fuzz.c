// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz: a system-call fuzzer in the spirit of Trinity and syzkaller.
 *
 *   fuzz <calls> <seed> <procs>
 *
 * forks <procs> children; child i issues calls/procs random system
 * calls from the seed seed+i -- mostly the numbers kmaplab implements
 * (arch/x86/entry/syscall_32.c), some unknown ones -- with arguments
 * drawn from pools of trouble: kernel addresses, unmapped and misaligned
 * pointers, huge lengths, bad descriptors, random flags. The parent
 * waits for them all and reports KTAP (user/ktap.h); the kernel side
 * (tests/syscall_fuzz_test.c) checks that the free pages and the thread
 * count come back. A child killed by a signal is fine, and counted.
 *
 * What it must not do is end the test legitimately: no execve, reboot,
 * mount (over / it would hide the initramfs), kill only of itself; the
 * paths it may create, truncate or unlink are its own (/fuzzfile); a
 * call that could block for ever (read of a pipe it still writes, an
 * infinite poll timeout) gets its arguments bounded.
 */
#include "ktap.h"

#define SCRATCH		0x40000000UL	/* the children's mmap playground */
#define SCRATCH_SIZE	0x00400000UL
#define OWN_FILE	"/fuzzfile"
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
/* Linux's values; nolibc 6.1 lacks these. */
#define FUZZ_O_ACCMODE	3
#define FUZZ_AT_REMOVEDIR	0x200
#define FUZZ_WIFSIGNALED(s)	(((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)

static unsigned int rng;

/* xorshift32: small, and the same sequence for the same seed. */
static unsigned int rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static unsigned int below(unsigned int n)
{
	return rnd() % n;
}

static char buf[8192];
static const struct timespec ts_zero, ts_short = { 0, 100000 };

/* A pointer: ours, kernel, unmapped, misaligned, scratch, or junk. */
static unsigned long rnd_ptr(void)
{
	switch (below(10)) {
	case 0: return 0;
	case 1: return 0xc0000000UL + (rnd() & 0x3fffffff);
	case 2: return 0xc0000000UL;
	case 3: return 0xfffff000UL + below(0x1000);
	case 4: return (unsigned long)buf + below(sizeof(buf) / 2);
	case 5: return (unsigned long)buf + 1;
	case 6: return SCRATCH + below(SCRATCH_SIZE);
	case 7: return 0x1000 + below(0x1000);		/* unmapped, low */
	case 8: return 0xbfff0000UL - below(0x1000);	/* near the stack */
	default: return rnd();
	}
}

/*
 * A pointer that cannot be read as a name: for the calls that create or
 * remove. (rnd_ptr() may point at a string -- ours, or bytes an earlier
 * stat() left in buf -- and mkdir() would make, unlink() remove, a real
 * name: the leak check caught the directories that left behind.)
 */
static unsigned long rnd_bad_ptr(void)
{
	switch (below(4)) {
	case 0: return 0;
	case 1: return 0xc0000000UL + (rnd() & 0x3fffffff);
	case 2: return 0xfffff000UL + below(0x1000);
	default: return 0x1000 + below(0x1000);
	}
}

static unsigned long rnd_len(void)
{
	switch (below(7)) {
	case 0: return 0;
	case 1: return 1;
	case 2: return below(sizeof(buf) / 2);
	case 3: return 4096;
	case 4: return 0xffffffffUL;
	case 5: return 0x80000000UL;
	default: return rnd();
	}
}

static unsigned long rnd_fd(void)
{
	switch (below(5)) {
	case 0: return -1UL;
	case 1: return rnd();
	case 2: return 1000 + below(100);
	default: return below(16);
	}
}

/* Only ours may be created, written or removed; the rest read-only. */
static unsigned long rnd_path(int own)
{
	static const char *const paths[] = {
		"/bin/hello", "/dev/null", "/", "/dev", "/no/such/path",
		"", ".", "..", "/bin/",
	};

	if (own || below(3) == 0)
		return below(2) ? (unsigned long)OWN_FILE : rnd_bad_ptr();
	return (unsigned long)paths[below(ARRAY_SIZE(paths))];
}

static unsigned long rnd_timeout(void)
{
	static const struct timespec *const pool[] = { &ts_zero, &ts_short };

	return below(3) ? (unsigned long)pool[below(2)]
			: 0xc0000000UL + (rnd() & 0xfffff);
}

static const int kill_sigs[] = { 1, 9, 10, 11, 15 };

static const int nrs[] = {
	__NR_read, __NR_write, __NR_open, __NR_close, __NR_waitpid,
	__NR_unlink, __NR_chdir, __NR_mknod, __NR_lseek, __NR_getpid,
	__NR_kill, __NR_mkdir, __NR_dup, __NR_pipe, __NR_brk, __NR_ioctl,
	__NR_dup2, __NR_getppid, __NR_gettimeofday, __NR_mmap, __NR_munmap,
	__NR_stat, __NR_lstat, __NR_fstat, __NR_wait4, __NR_clone,
	__NR_uname, __NR_mprotect, __NR__newselect, __NR_sched_yield,
	__NR_nanosleep, __NR_poll, __NR_getcwd, __NR_mmap2, __NR_stat64,
	__NR_lstat64, __NR_fstat64, __NR_getdents64, __NR_gettid,
	__NR_clock_gettime, __NR_openat, __NR_mkdirat, __NR_mknodat,
	__NR_unlinkat, __NR_ppoll, __NR_dup3, __NR_pipe2, __NR_fork,
};

/* The arguments a call gets, bounded where it could end or hang the test. */
static long fuzz_one(int nr, unsigned long *a)
{
	int fds[2];
	long ret;

	switch (nr) {
	case __NR_exit: case __NR_exit_group: case __NR_execve:
	case __NR_reboot: case __NR_mount:
		return my_syscall0(__NR_getpid);
	case __NR_kill: {	/* ourselves only; now and then a real signal */
		/*
		 * (no SIGSTOP: a stopped child would never finish.) Arguments
		 * first: a call inside my_syscall2()'s arguments clobbers the
		 * eax it has already loaded -- getpid() there made the "kill"
		 * system call number getpid()'s result.
		 */
		int pid = getpid(), sig = below(50) ? 0 : kill_sigs[below(5)];

		return my_syscall2(nr, pid, sig);
	}
	case __NR_fork: case __NR_clone:
		ret = my_syscall0(__NR_fork);
		if (ret == 0)
			my_syscall1(__NR_exit, 0);	/* the new child ends */
		if (ret > 0)	/* reaped here: no zombie left behind */
			my_syscall4(__NR_wait4, ret, 0, 0, 0);
		return ret;
	case __NR_pipe: case __NR_pipe2:
		/* Not a pipe we could block on: its write end goes at once. */
		ret = rnd();	/* pipe2's flags, before the call (see kill) */
		ret = nr == __NR_pipe ? my_syscall1(nr, fds)
				      : my_syscall2(nr, fds, ret);
		if (ret == 0)
			my_syscall1(__NR_close, fds[1]);
		return ret;
	case __NR_open:
		a[0] = rnd_path(0);
		if (a[0] != (unsigned long)OWN_FILE)	/* never truncate theirs */
			a[1] &= ~(FUZZ_O_ACCMODE | O_TRUNC | O_CREAT);
		break;
	case __NR_openat:
		a[1] = rnd_path(0);
		if (a[1] != (unsigned long)OWN_FILE)
			a[2] &= ~(FUZZ_O_ACCMODE | O_TRUNC | O_CREAT);
		a[0] = below(2) ? (unsigned long)AT_FDCWD : rnd_fd();
		break;
	case __NR_unlink: case __NR_mknod: case __NR_mkdir:
		a[0] = rnd_path(1);
		break;
	case __NR_unlinkat: case __NR_mknodat: case __NR_mkdirat:
		a[0] = below(2) ? (unsigned long)AT_FDCWD : rnd_fd();
		a[1] = rnd_path(1);
		break;
	case __NR_chdir: case __NR_stat: case __NR_lstat:
	case __NR_stat64: case __NR_lstat64:
		a[0] = rnd_path(0);
		a[1] = rnd_ptr();
		break;
	case __NR_read: case __NR_write: case __NR_getdents64:
		a[0] = rnd_fd(); a[1] = rnd_ptr(); a[2] = rnd_len();
		break;
	case __NR_munmap: case __NR_mprotect:	/* not our text or stack */
		a[0] = below(2) ? SCRATCH + (rnd() & (SCRATCH_SIZE - 1)) : rnd_ptr() | 0xc0000000UL;
		a[1] = below(2) ? below(SCRATCH_SIZE) : rnd_len();
		break;
	case __NR_mmap2:	/* MAP_FIXED only inside the scratch area */
		a[0] = SCRATCH + (rnd() & (SCRATCH_SIZE - 1));
		a[1] = below(3) ? below(SCRATCH_SIZE / 4) : rnd_len();
		if (a[3] & MAP_FIXED && (a[0] + a[1] > SCRATCH + SCRATCH_SIZE ||
					 a[0] + a[1] < a[0]))
			a[3] &= ~MAP_FIXED;
		a[4] = rnd_fd();
		break;
	case __NR_mmap:		/* old_mmap: its arguments are in memory */
		a[0] = rnd_ptr() | 0xc0000000UL;
		break;
	case __NR_brk:		/* only upward: the heap is ours */
		a[0] = below(2) ? 0 : rnd_ptr() | 0xc0000000UL;
		break;
	case __NR_nanosleep:
		a[0] = rnd_timeout(); a[1] = rnd_ptr();
		break;
	case __NR_poll:
		a[0] = rnd_ptr(); a[1] = below(8); a[2] = below(3);
		break;
	case __NR_ppoll:
		a[0] = rnd_ptr(); a[1] = below(8); a[2] = rnd_timeout();
		a[3] = rnd_ptr();
		break;
	case __NR__newselect:
		a[0] = below(70); a[1] = rnd_ptr(); a[2] = rnd_ptr();
		a[3] = rnd_ptr(); a[4] = rnd_timeout();
		break;
	case __NR_waitpid: case __NR_wait4:	/* never blocks: WNOHANG */
		a[2] |= 1;
		break;
	default:
		if (nr >= 0 && (unsigned int)nr < 512 && below(2))
			a[0] = rnd_fd();
		break;
	}
	return my_syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

static int pick_nr(void)
{
	if (below(10))
		return nrs[below(ARRAY_SIZE(nrs))];
	return below(8) ? (int)below(460) : (int)rnd();	/* mostly unknown */
}

static void child(unsigned long calls, unsigned int seed)
{
	unsigned long i, a[6];
	int k, null = open("/dev/null", O_RDWR);

	/* Their output goes nowhere: random bytes must not reach the log. */
	for (k = 0; k < 3; k++)
		dup2(null, k);
	rng = seed ? seed : 1;
	for (i = 0; i < calls; i++) {
		for (k = 0; k < 6; k++)
			a[k] = below(2) ? rnd_ptr() : rnd();
		fuzz_one(pick_nr(), a);
	}
	my_syscall1(__NR_exit, 0);
}

/*
 * The calls go out in chunks of CHUNK, each a child of its own with seed
 * + its number, at most procs at a time: a child that kills itself (a
 * real SIGKILL/SIGTERM, about one in 7500 calls) loses only the rest of
 * its chunk, and the replay is the same whatever the timing.
 */
#define CHUNK 2000

static void reap_one(int *bad, int *sig)
{
	int status;

	if (wait(&status) <= 0) {
		(*bad)++;
		return;
	}
	if (FUZZ_WIFSIGNALED(status))
		(*sig)++;
	else if (WEXITSTATUS(status))
		(*bad)++;
}

int main(int argc, char **argv)
{
	unsigned long calls = argc > 1 ? atol(argv[1]) : 10000, left, k;
	unsigned int seed = argc > 2 ? atol(argv[2]) : 1;
	int procs = argc > 3 ? atoi(argv[3]) : 4, running = 0, bad = 0, sig = 0;
	char num[16];

	if (procs < 1 || procs > 64)
		procs = 4;
	ktap_start("syscall_fuzz", 1);
	ktap_diag("calls ", itoa(calls));
	ktap_diag("seed ", itoa(seed));
	ktap_diag("procs ", itoa(procs));
	for (k = 0, left = calls; left; k++) {
		unsigned long n = left < CHUNK ? left : CHUNK;
		pid_t pid;

		if (running == procs) {
			reap_one(&bad, &sig);
			running--;
		}
		pid = fork();
		if (pid == 0)
			child(n, seed + k);
		if (pid < 0)
			bad++;
		else
			running++;
		left -= n;
	}
	while (running--)
		reap_one(&bad, &sig);
	unlink(OWN_FILE);	/* whichever the children left: file or dir */
	my_syscall3(__NR_unlinkat, AT_FDCWD, OWN_FILE, FUZZ_AT_REMOVEDIR);
	strlcpy(num, itoa(sig), sizeof(num));
	ktap_diag("chunks killed by a signal they sent themselves: ", num);
	ktap_result(!bad, "all children exit (replay: fuzz <calls> <seed> <procs>)");
	return ktap_done();
}
