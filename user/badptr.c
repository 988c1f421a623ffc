// SPDX-License-Identifier: GPL-2.0
/*
 * badptr: hand the kernel pointers it must refuse -- kernel addresses,
 * unmapped ones, one that straddles into kernel space, one whose end
 * wraps past 4 GiB -- through several system calls. Every one must
 * return -EFAULT (or copy only what is valid), never oops, never kill
 * us. The calls are made raw (my_syscallN) so that it is the kernel, not
 * a nolibc wrapper, that touches the pointer. PROT_NONE and read-only
 * pages hold against the kernel too, as on Linux: even a page that was
 * present before mprotect() took its access away.
 */
#include "ktap.h"

#define KERNEL_PTR ((void *)0xc0100000)
#define UNMAPPED ((void *)0x40000000)
#define STRADDLE ((void *)0xbffffffe)	/* 2 bytes below TASK_SIZE */
#define WRAPS ((void *)0xfffffff8)	/* its end wraps past 4 GiB */

/* A page of anonymous memory, touched (present), then given prot. */
static char *touched_page(int prot)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = 1;
	my_syscall3(__NR_mprotect, p, 4096, prot);
	return p;
}

static void prot_checks(int fd)
{
	char *none = touched_page(PROT_NONE), *ro = touched_page(PROT_READ);
	char *fresh = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fds[2];

	my_syscall1(__NR_pipe, fds);
	lseek(fd, 0, SEEK_SET);
	ktap_result(my_syscall3(__NR_read, fd, none, 16) == -EFAULT,
		    "read into a PROT_NONE page (present before mprotect)");
	ktap_result(my_syscall3(__NR_write, fds[1], none, 16) == -EFAULT,
		    "write from a PROT_NONE page (present before mprotect)");
	ktap_result(my_syscall3(__NR_read, fd, fresh, 16) == -EFAULT,
		    "read into a PROT_NONE page never touched");
	ktap_result(my_syscall3(__NR_read, fd, ro, 16) == -EFAULT,
		    "read into a read-only page");
}

int main(int argc, char **argv)
{
	int fd = open(argv[0], O_RDONLY);
	char *page;
	long n;

	ktap_start("badptr", 16);
	ktap_result(my_syscall3(__NR_write, 1, KERNEL_PTR, 16) == -EFAULT,
		    "write from a kernel address");
	ktap_result(my_syscall3(__NR_read, fd, KERNEL_PTR, 16) == -EFAULT,
		    "read into a kernel address");
	ktap_result(my_syscall3(__NR_write, 1, UNMAPPED, 16) == -EFAULT,
		    "write from an unmapped address");
	ktap_result(my_syscall3(__NR_write, 1, STRADDLE, 16) == -EFAULT,
		    "write straddling into kernel space");
	ktap_result(my_syscall2(__NR_stat, "/", WRAPS) == -EFAULT,
		    "stat into a buffer that wraps past 4 GiB");
	ktap_result(my_syscall3(__NR_open, KERNEL_PTR, O_RDONLY, 0) == -EFAULT,
		    "open with a kernel path pointer");
	ktap_result(my_syscall3(__NR_open, UNMAPPED, O_RDONLY, 0) == -EFAULT,
		    "open with an unmapped path");
	ktap_result(my_syscall1(__NR_pipe, KERNEL_PTR) == -EFAULT,
		    "pipe into a kernel address");
	ktap_result(my_syscall2(__NR_stat, "/", UNMAPPED) == -EFAULT,
		    "stat into an unmapped buffer");
	ktap_result(my_syscall3(__NR_execve, argv[0], KERNEL_PTR, NULL) == -EFAULT,
		    "execve with argv in kernel space");
	ktap_result(my_syscall2(__NR_clock_gettime, 0, KERNEL_PTR) == -EFAULT,
		    "clock_gettime into a kernel address");
	/* A buffer whose second page is unmapped: the copy stops short. */
	page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(page + 4096, 4096);
	lseek(fd, 0, SEEK_SET);
	n = my_syscall3(__NR_read, fd, page + 4096 - 8, 64);
	ktap_result(n == 8, "read across into an unmapped page: a short count");
	prot_checks(fd);
	return ktap_done();
}
