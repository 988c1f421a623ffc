/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_UNISTD_32_H
#define _ASM_UNISTD_32_H

/*
 * Linux's i386 system-call numbers, the ABI: copied (only the ones kmaplab
 * implements) from arch/x86/entry/syscalls/syscall_32.tbl of Linux 6.1,
 * from which Linux generates its own asm/unistd_32.h. They never change.
 */
#define __NR_exit 1
#define __NR_fork 2
#define __NR_read 3
#define __NR_write 4
#define __NR_open 5
#define __NR_close 6
#define __NR_waitpid 7
#define __NR_unlink 10
#define __NR_execve 11
#define __NR_chdir 12
#define __NR_mknod 14
#define __NR_lseek 19
#define __NR_getpid 20
#define __NR_mount 21
#define __NR_kill 37
#define __NR_mkdir 39
#define __NR_dup 41
#define __NR_pipe 42
#define __NR_brk 45
#define __NR_ioctl 54
#define __NR_dup2 63
#define __NR_getppid 64
#define __NR_gettimeofday 78
#define __NR_reboot 88
#define __NR_mmap 90
#define __NR_munmap 91
#define __NR_stat 106
#define __NR_lstat 107
#define __NR_fstat 108
#define __NR_wait4 114
#define __NR_clone 120
#define __NR_uname 122
#define __NR_mprotect 125
#define __NR__newselect 142
#define __NR_sched_yield 158
#define __NR_nanosleep 162
#define __NR_poll 168
#define __NR_getcwd 183
#define __NR_mmap2 192
#define __NR_stat64 195
#define __NR_lstat64 196
#define __NR_fstat64 197
#define __NR_getdents64 220
#define __NR_gettid 224
#define __NR_exit_group 252
#define __NR_clock_gettime 265
#define __NR_openat 295
#define __NR_mkdirat 296
#define __NR_mknodat 297
#define __NR_unlinkat 301
#define __NR_ppoll 309
#define __NR_dup3 330
#define __NR_pipe2 331

#define __NR_syscalls 451	/* Linux 6.1's count */

#endif /* _ASM_UNISTD_32_H */
