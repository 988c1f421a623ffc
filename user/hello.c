// SPDX-License-Identifier: GPL-2.0
/* hello: the smallest program -- who am I, what was I given. */
int main(int argc, char **argv, char **envp)
{
	int i;

	printf("Hello from user space: pid %d, parent %d, %d arg(s):", getpid(),
	       getppid(), argc);
	for (i = 0; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");
	return 0;
}
