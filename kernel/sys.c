// SPDX-License-Identifier: GPL-2.0
/*
 * The small system calls (Linux's kernel/sys.c, kernel/reboot.c,
 * kernel/time/): who am I, what is this machine, what time is it, sleep,
 * yield, and reboot with Linux's magic numbers.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <kmaplab/reboot.h>

long sys_getpid(void)
{
	return current->pid;
}

/* One thread per process: the thread id is the process id. */
long sys_gettid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	struct task_struct *parent = READ_ONCE(current->real_parent);

	return parent && parent->mm ? parent->pid : 0;
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65],
	     domainname[65];
};

long sys_uname(struct new_utsname __user *name)
{
	static const struct new_utsname uts = {
		.sysname = "Linux",		/* what programs test for: the ABI */
		.nodename = "kmaplab",
		.release = "6.1.0-kmaplab",
		.version = "#1 PREEMPT",
		.machine = "i686",
		.domainname = "(none)",
	};

	return copy_to_user(name, &uts, sizeof(uts)) ? -EFAULT : 0;
}

static void ns_to_ts(u64 ns, struct timespec_old *ts)
{
	ts->tv_sec = (long)div_u64(ns, NSEC_PER_SEC);
	ts->tv_nsec = (long)(ns - (u64)ts->tv_sec * NSEC_PER_SEC);
}

/* Time since boot: there is no real-time clock, so CLOCK_REALTIME is it too. */
long sys_clock_gettime(int which, struct timespec_old __user *tp)
{
	struct timespec_old ts;

	if (which < 0 || which > 7)
		return -EINVAL;
	ns_to_ts(ktime_get_ns(), &ts);
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_gettimeofday(struct timeval_old __user *tv, void __user *tz)
{
	struct timespec_old ts;
	struct timeval_old v;

	ns_to_ts(ktime_get_ns(), &ts);
	v.tv_sec = ts.tv_sec;
	v.tv_usec = ts.tv_nsec / 1000;
	if (tv && copy_to_user(tv, &v, sizeof(v)))
		return -EFAULT;
	if (tz && clear_user(tz, 8))
		return -EFAULT;
	return 0;
}

long sys_nanosleep(struct timespec_old __user *rqtp, struct timespec_old __user *rmtp)
{
	struct timespec_old ts;
	unsigned long ms;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	ms = ts.tv_sec * 1000UL + DIV_ROUND_UP(ts.tv_nsec, 1000000);
	ms = msleep_interruptible(ms);
	if (!ms)
		return 0;
	if (rmtp) {
		ts.tv_sec = ms / 1000;
		ts.tv_nsec = (ms % 1000) * 1000000;
		if (copy_to_user(rmtp, &ts, sizeof(ts)))
			return -EFAULT;
	}
	return -EINTR;
}

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_MAGIC2A 85072278
#define LINUX_REBOOT_MAGIC2B 369367448
#define LINUX_REBOOT_MAGIC2C 537993216
#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xCDEF0123
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC

/*
 * Only PID 1 may (there are no capabilities to check). Power-off leaves
 * through QEMU's exit device with the "passed" code, as the self-tests
 * do, so a run whose init powers off ends cleanly.
 */
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	if (current != child_reaper)
		return -EPERM;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_emerg("reboot: Power down\n");
		kmaplab_exit(KMAPLAB_EXIT_PASS);
	case LINUX_REBOOT_CMD_RESTART:
		pr_emerg("reboot: Restarting system\n");
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("reboot: System halted\n");
		machine_halt();
	default:
		return -EINVAL;
	}
}
