/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <linux/fs.h>

/*
 * The system calls, with Linux's names and argument types. Every
 * argument of an i386 system call is one 32-bit register (ebx, ecx,
 * edx, esi, edi, ebp in that order), so arch/x86/entry/syscall_32.c
 * calls each through one six-argument pointer type, as i386 Linux did
 * before its pt_regs wrappers; a pointer argument is checked by the
 * callee (access_ok(), copy_from_user(): -EFAULT).
 */
struct timespec_old {
	long tv_sec, tv_nsec;
};
struct timeval_old {
	long tv_sec, tv_usec;
};
struct pollfd;
struct new_utsname;

long sys_exit(int error_code);
long sys_exit_group(int error_code);
long sys_fork(void);
long sys_clone(unsigned long flags, unsigned long newsp, int __user *ptid,
	       unsigned long tls, int __user *ctid);
long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp);
long sys_wait4(pid_t pid, int __user *stat_addr, int options, void __user *ru);
long sys_waitpid(pid_t pid, int __user *stat_addr, int options);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_kill(pid_t pid, int sig);
long sys_sched_yield(void);
long sys_nanosleep(struct timespec_old __user *rqtp, struct timespec_old __user *rmtp);
long sys_gettimeofday(struct timeval_old __user *tv, void __user *tz);
long sys_clock_gettime(int which, struct timespec_old __user *tp);
long sys_uname(struct new_utsname __user *name);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg);

long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_open(const char __user *filename, int flags, umode_t mode);
long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode);
long sys_close(unsigned int fd);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_dup(unsigned int fildes);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_pipe(int __user *fildes);
long sys_pipe2(int __user *fildes, int flags);
long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count);
long sys_newstat(const char __user *filename, void __user *statbuf);
long sys_newlstat(const char __user *filename, void __user *statbuf);
long sys_newfstat(unsigned int fd, void __user *statbuf);
long sys_stat64(const char __user *filename, void __user *statbuf);
long sys_lstat64(const char __user *filename, void __user *statbuf);
long sys_fstat64(unsigned long fd, void __user *statbuf);
long sys_mkdir(const char __user *pathname, umode_t mode);
long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode);
long sys_mknod(const char __user *filename, umode_t mode, unsigned int dev);
long sys_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev);
long sys_unlink(const char __user *pathname);
long sys_unlinkat(int dfd, const char __user *pathname, int flag);
long sys_chdir(const char __user *filename);
long sys_getcwd(char __user *buf, unsigned long size);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_mount(char __user *dev_name, char __user *pathname, char __user *type,
	       unsigned long flags, void __user *data);
long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout);
long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds,
	       struct timespec_old __user *tsp, void __user *sigmask, size_t sigsetsize);
long sys_select(int n, void __user *inp, void __user *outp, void __user *exp,
		struct timeval_old __user *tvp);

long sys_brk(unsigned long brk);
long sys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
		    unsigned long flags, unsigned long fd, unsigned long pgoff);
long sys_old_mmap(void __user *arg);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);

/* arch/x86/entry/syscall_32.c: calls to unknown numbers, so far */
extern atomic_t nr_unknown_syscalls;

#endif /* _LINUX_SYSCALLS_H */
