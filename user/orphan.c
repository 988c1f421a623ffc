// SPDX-License-Identifier: GPL-2.0
/*
 * orphan: a child forks a grandchild and exits at once; the grandchild,
 * orphaned, must find itself adopted by PID 1 (getppid() == 1) and is
 * reaped by init, which says so ("init: reaped orphan pid N"). We wait
 * until the grandchild is a zombie (kill(pid, 0) fails: kmaplab answers
 * -ESRCH for a zombie) before exiting, so init finds it to reap. Run as
 * init's program: `-- /bin/orphan` (the run tcg-init-orphan).
 */
int main(void)
{
	int fds[2], tries;
	pid_t child, grandchild = 0;

	my_syscall1(__NR_pipe, fds);
	child = fork();
	if (child == 0) {
		if (fork() == 0) {		/* the grandchild */
			for (tries = 0; getppid() != 1 && tries < 500; tries++)
				msleep(10);
			printf("orphan: grandchild %d has parent %d\n", getpid(), getppid());
			grandchild = getpid();
			write(fds[1], &grandchild, sizeof(grandchild));
			return getppid() == 1 ? 0 : 1;
		}
		return 0;			/* the child: leave it an orphan */
	}
	close(fds[1]);
	waitpid(child, NULL, 0);
	if (read(fds[0], &grandchild, sizeof(grandchild)) != sizeof(grandchild))
		return 1;
	for (tries = 0; kill(grandchild, 0) == 0 && tries < 500; tries++)
		msleep(10);
	printf("orphan: grandchild %d has exited\n", grandchild);
	return 0;
}
