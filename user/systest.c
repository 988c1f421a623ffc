// SPDX-License-Identifier: GPL-2.0
/*
 * systest: the system calls a shell and nolibc need, one result each,
 * checked against what Linux returns -- files (create, write, lseek,
 * read back, stat, unlink), directories (mkdir, chdir, getcwd,
 * getdents64), descriptors (dup, dup2, dup3), a pipe with poll, time,
 * uname, kill of a child that spins in user mode (so the timer must
 * preempt it), and an unknown number (-ENOSYS).
 */
#include "ktap.h"

static int file_io(void)
{
	char buf[16] = { 0 };
	struct stat st;
	int fd = open("/systest.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, "hello, world", 12) != 12)
		return 0;
	if (lseek(fd, 7, SEEK_SET) != 7 || read(fd, buf, sizeof(buf)) != 5 ||
	    memcmp(buf, "world", 5))
		return 0;
	if (stat("/systest.txt", &st) || st.st_size != 12 || !S_ISREG(st.st_mode))
		return 0;
	close(fd);
	return unlink("/systest.txt") == 0 && open("/systest.txt", O_RDONLY) < 0 &&
	       errno == ENOENT;
}

static int dirs(void)
{
	char cwd[64], buf[512];
	int fd, n, found = 0, off;

	if (mkdir("/sysdir", 0755) || mkdir("/sysdir/sub", 0755) || chdir("/sysdir"))
		return 0;
	if (my_syscall2(__NR_getcwd, cwd, sizeof(cwd)) != 8 || strcmp(cwd, "/sysdir"))
		return 0;
	fd = open(".", O_RDONLY | O_DIRECTORY);
	n = getdents64(fd, (void *)buf, sizeof(buf));
	for (off = 0; off < n;) {
		struct linux_dirent64 *d = (void *)(buf + off);

		found |= !strcmp(d->d_name, "sub");
		off += d->d_reclen;
	}
	close(fd);
	chdir("/");
	return found && my_syscall3(__NR_unlinkat, AT_FDCWD, "/sysdir", 0x200) == -ENOTEMPTY &&
	       my_syscall3(__NR_unlinkat, AT_FDCWD, "/sysdir/sub", 0x200) == 0 &&
	       my_syscall3(__NR_unlinkat, AT_FDCWD, "/sysdir", 0x200) == 0;
}

static int descriptors(void)
{
	int a = dup(1), b = dup2(1, 20), c = my_syscall3(__NR_dup3, 1, 21, 02000000);	/* O_CLOEXEC */

	return a > 2 && b == 20 && c == 21 && close(a) == 0 && close(b) == 0 &&
	       close(c) == 0 && close(c) < 0 && errno == EBADF;
}

static int pipe_poll(void)
{
	struct pollfd pfd;
	int fds[2];
	char c = 0;

	if (my_syscall1(__NR_pipe, fds))
		return 0;
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 0) != 0)		/* empty: not readable */
		return 0;
	write(fds[1], "x", 1);
	if (poll(&pfd, 1, 100) != 1 || !(pfd.revents & POLLIN))
		return 0;
	close(fds[1]);
	return read(fds[0], &c, 1) == 1 && c == 'x' && read(fds[0], &c, 1) == 0 &&
	       close(fds[0]) == 0;
}

/* nolibc 6.1 has no uname(): the raw call, Linux's struct new_utsname. */
struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65],
	     domainname[65];
};

static int time_and_uname(void)
{
	struct timeval t0, t1;
	struct new_utsname u;

	if (gettimeofday(&t0, NULL) || msleep(20) || gettimeofday(&t1, NULL))
		return 0;
	if ((t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_usec - t0.tv_usec) < 10000)
		return 0;
	return my_syscall1(__NR_uname, &u) == 0 && !strcmp(u.sysname, "Linux") &&
	       (!strcmp(u.machine, "i686") || !strcmp(u.machine, "x86_64"));
}

/*
 * The child spins without a system call: on one CPU the parent's msleep
 * ends only because the timer preempts the child's user code.
 */
static int kill_child(void)
{
	volatile unsigned long spins = 0;
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			spins++;		/* until killed */
	}
	msleep(10);
	return pid > 0 && kill(pid, SIGKILL) == 0 && waitpid(pid, &status, 0) == pid &&
	       (status & 0x7f) == SIGKILL;
}

int main(void)
{
	ktap_start("systest", 7);
	ktap_result(file_io(), "open O_CREAT, write, lseek, read, stat, unlink");
	ktap_result(dirs(), "mkdir, chdir, getcwd, getdents64, unlinkat AT_REMOVEDIR");
	ktap_result(descriptors(), "dup, dup2, dup3, close, EBADF");
	ktap_result(pipe_poll(), "pipe, poll, read to EOF");
	ktap_result(time_and_uname(), "gettimeofday across msleep, uname");
	ktap_result(kill_child(), "a spinning child is preempted, killed; waitpid sees SIGKILL");
	/* 500: past Linux 6.1's last i386 number (450) */
	ktap_result(my_syscall0(500) == -ENOSYS, "an unknown number: ENOSYS");
	return ktap_done();
}
