// SPDX-License-Identifier: GPL-2.0
/*
 * The i386 system-call table: Linux's numbers (<asm/unistd_32.h>, from
 * syscall_32.tbl), Linux's sys_* functions. A number with no entry
 * returns -ENOSYS and is counted (nr_unknown_syscalls; the first few are
 * named on the console, so a program that needs one is easy to spot).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/unistd_32.h>
#include <asm/ptrace.h>

typedef long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long,
			       unsigned long, unsigned long, unsigned long);

/* (void *): the entries have their own prototypes, all register-sized. */
#define __SYSCALL(nr, sym) \
	[__NR_##nr] = (sys_call_ptr_t)(void *)sym,

static const sys_call_ptr_t ia32_sys_call_table[__NR_syscalls] = {
	__SYSCALL(exit, sys_exit)
	__SYSCALL(fork, sys_fork)
	__SYSCALL(read, sys_read)
	__SYSCALL(write, sys_write)
	__SYSCALL(open, sys_open)
	__SYSCALL(close, sys_close)
	__SYSCALL(waitpid, sys_waitpid)
	__SYSCALL(unlink, sys_unlink)
	__SYSCALL(execve, sys_execve)
	__SYSCALL(chdir, sys_chdir)
	__SYSCALL(mknod, sys_mknod)
	__SYSCALL(lseek, sys_lseek)
	__SYSCALL(getpid, sys_getpid)
	__SYSCALL(mount, sys_mount)
	__SYSCALL(kill, sys_kill)
	__SYSCALL(mkdir, sys_mkdir)
	__SYSCALL(dup, sys_dup)
	__SYSCALL(pipe, sys_pipe)
	__SYSCALL(brk, sys_brk)
	__SYSCALL(ioctl, sys_ioctl)
	__SYSCALL(dup2, sys_dup2)
	__SYSCALL(getppid, sys_getppid)
	__SYSCALL(gettimeofday, sys_gettimeofday)
	__SYSCALL(reboot, sys_reboot)
	__SYSCALL(mmap, sys_old_mmap)
	__SYSCALL(munmap, sys_munmap)
	__SYSCALL(stat, sys_newstat)
	__SYSCALL(lstat, sys_newlstat)
	__SYSCALL(fstat, sys_newfstat)
	__SYSCALL(wait4, sys_wait4)
	__SYSCALL(clone, sys_clone)
	__SYSCALL(uname, sys_uname)
	__SYSCALL(mprotect, sys_mprotect)
	__SYSCALL(_newselect, sys_select)
	__SYSCALL(sched_yield, sys_sched_yield)
	__SYSCALL(nanosleep, sys_nanosleep)
	__SYSCALL(poll, sys_poll)
	__SYSCALL(getcwd, sys_getcwd)
	__SYSCALL(mmap2, sys_mmap_pgoff)
	__SYSCALL(stat64, sys_stat64)
	__SYSCALL(lstat64, sys_lstat64)
	__SYSCALL(fstat64, sys_fstat64)
	__SYSCALL(getdents64, sys_getdents64)
	__SYSCALL(gettid, sys_gettid)
	__SYSCALL(exit_group, sys_exit_group)
	__SYSCALL(clock_gettime, sys_clock_gettime)
	__SYSCALL(openat, sys_openat)
	__SYSCALL(mkdirat, sys_mkdirat)
	__SYSCALL(mknodat, sys_mknodat)
	__SYSCALL(unlinkat, sys_unlinkat)
	__SYSCALL(ppoll, sys_ppoll)
	__SYSCALL(dup3, sys_dup3)
	__SYSCALL(pipe2, sys_pipe2)
};

atomic_t nr_unknown_syscalls = ATOMIC_INIT(0);

/* ebx, ecx, edx, esi, edi, ebp: arguments 1-6 (Linux's i386 ABI). */
void do_syscall_32_irqs_on(struct pt_regs *regs)
{
	unsigned long nr = regs->ax;

	if (nr < __NR_syscalls && ia32_sys_call_table[nr]) {
		regs->ax = ia32_sys_call_table[nr](regs->bx, regs->cx, regs->dx,
						   regs->si, regs->di, regs->bp);
		return;
	}
	if (atomic_inc_return(&nr_unknown_syscalls) <= 10)
		pr_info("%s[%d]: unknown system call %lu: -ENOSYS\n",
			current->comm, current->pid, nr);
	regs->ax = -ENOSYS;
}
