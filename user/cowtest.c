// SPDX-License-Identifier: GPL-2.0
/*
 * cowtest: fork, and both sides write the same variables -- one word and
 * a buffer of several pages. Each must see only its own writes: the
 * first write in either process copies the shared page (copy-on-write).
 */
#include "ktap.h"

static volatile int word = 1;
static char buf[5 * 4096];

static int all(char c)
{
	unsigned int i;

	for (i = 0; i < sizeof(buf); i++)
		if (buf[i] != c)
			return 0;
	return 1;
}

int main(void)
{
	int status = -1;
	pid_t pid;

	ktap_start("cowtest", 4);
	memset(buf, 'p', sizeof(buf));
	pid = fork();
	if (pid == 0) {
		word = 2;
		memset(buf, 'c', sizeof(buf));
		msleep(20);		/* the parent writes meanwhile */
		exit(word == 2 && all('c') ? 0 : 1);
	}
	ktap_result(pid > 0, "fork");
	word = 3;
	msleep(5);
	ktap_result(word == 3 && all('p'), "parent sees only its own writes");
	ktap_result(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 0, "child saw only its own writes");
	ktap_result(waitpid(-1, &status, 0) < 0 && errno == ECHILD,
		    "no second child to wait for: ECHILD");
	return ktap_done();
}
