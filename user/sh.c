// SPDX-License-Identifier: GPL-2.0
/*
 * sh: a tiny shell. One command per line: words separated by blanks;
 * "a | b" pipes a's output into b; a trailing "&" runs it without
 * waiting; "cd DIR" and "exit" are built in; a bare name is looked for
 * in /bin. "sh -c 'LINE'" runs one line and exits with its status.
 */
#define MAX_ARGS 16

static int split(char *line, char **argv)
{
	int n = 0;

	while (*line && n < MAX_ARGS - 1) {
		while (*line == ' ' || *line == '\t' || *line == '\n')
			*line++ = '\0';
		if (!*line)
			break;
		argv[n++] = line;
		while (*line && *line != ' ' && *line != '\t' && *line != '\n')
			line++;
	}
	argv[n] = NULL;
	return n;
}

static void run(char **argv, int in, int out, char **envp)
{
	char path[128];

	if (in != 0) {
		dup2(in, 0);
		close(in);
	}
	if (out != 1) {
		dup2(out, 1);
		close(out);
	}
	if (!strchr(argv[0], '/')) {
		strlcpy(path, "/bin/", sizeof(path));
		strlcat(path, argv[0], sizeof(path));
		argv[0] = path;
	}
	execve(argv[0], argv, envp);
	printf("sh: %s: not found (errno %d)\n", argv[0], errno);
	exit(127);
}

/* One command line; returns its exit status. */
static int command(char *line, char **envp)
{
	char *argv[MAX_ARGS], *bar = strchr(line, '|'), *end = line + strlen(line);
	int fds[2] = { 0, 1 }, status = 0, bg = 0;
	pid_t left = 0, right;

	while (end > line && (end[-1] == ' ' || end[-1] == '\n'))
		*--end = '\0';
	if (end > line && end[-1] == '&') {	/* "cmd &": in the background */
		end[-1] = '\0';
		bg = 1;
	}
	if (bar) {
		*bar = '\0';
		if (!split(line, argv) || my_syscall1(__NR_pipe, fds) < 0)
			return 1;
		left = fork();
		if (left == 0) {
			close(fds[0]);
			run(argv, 0, fds[1], envp);
		}
		close(fds[1]);
		line = bar + 1;
	}
	if (!split(line, argv))
		return 0;
	if (!strcmp(argv[0], "exit"))
		exit(argv[1] ? atoi(argv[1]) : 0);
	if (!strcmp(argv[0], "cd"))
		return chdir(argv[1] ? argv[1] : "/") ? 1 : 0;
	right = fork();
	if (right == 0)
		run(argv, fds[0], 1, envp);
	if (fds[0] != 0)
		close(fds[0]);
	if (bg) {
		printf("[%d]\n", right);
		return 0;
	}
	waitpid(right, &status, 0);
	if (left > 0)
		waitpid(left, NULL, 0);
	if ((status & 0x7f))
		printf("sh: pid %d killed by signal %d\n", right, status & 0x7f);
	return (status >> 8) & 0xff;
}

int main(int argc, char **argv, char **envp)
{
	char line[256];
	int n;

	if (argc > 2 && !strcmp(argv[1], "-c"))
		return command(argv[2], envp);
	for (;;) {
		while (waitpid(-1, NULL, WNOHANG) > 0)	/* background jobs */
			;
		write(1, "$ ", 2);
		n = read(0, line, sizeof(line) - 1);
		if (n <= 0)
			return 0;
		line[n] = '\0';
		command(line, envp);
	}
}
