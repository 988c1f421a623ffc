// SPDX-License-Identifier: GPL-2.0
/*
 * init: PID 1. Make sure /dev/console and /dev/null exist (devtmpfs if
 * the kernel has it, else mknod, as nolibc programs commonly do), put
 * the console on fds 0-2, start the shell -- or whatever init= args say
 * -- reap every orphan, and power off when the shell exits.
 */
int main(int argc, char **argv, char **envp)
{
	static char *sh_argv[] = { "/bin/sh", NULL };
	char **child_argv = argc > 1 ? argv + 1 : sh_argv;
	int status, fd;
	pid_t pid, w;

	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) < 0) {
		mknod("/dev/console", S_IFCHR | 0600, makedev(5, 1));
		mknod("/dev/null", S_IFCHR | 0666, makedev(1, 3));
	}
	if (write(1, "", 0) < 0) {	/* no stdout: open the console as 0-2 */
		fd = open("/dev/console", O_RDWR);
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
	}
	printf("init: pid %d, starting %s\n", getpid(), child_argv[0]);
	pid = fork();
	if (pid == 0) {
		execve(child_argv[0], child_argv, envp);
		printf("init: cannot run %s: errno %d\n", child_argv[0], errno);
		return 127;
	}
	/* Reap everything; when the first child is gone, we are done. */
	while ((w = wait(&status)) > 0 || (w < 0 && errno == EINTR))
		if (w == pid)
			break;
		else if (w > 0)
			printf("init: reaped orphan pid %d (status %d)\n", w, status);
	printf("init: %s exited (status %d), powering off\n", child_argv[0], status);
	/* Orphans that died meanwhile: reaped too, before the power goes. */
	while ((w = waitpid(-1, &fd, WNOHANG)) > 0)
		printf("init: reaped orphan pid %d (status %d)\n", w, fd);
	reboot(LINUX_REBOOT_CMD_POWER_OFF);
	return 0;
}
