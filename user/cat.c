// SPDX-License-Identifier: GPL-2.0
/* cat [FILE...]: copy each file (or standard input) to standard output. */
static int copy(int fd, const char *name)
{
	char buf[512];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(1, buf, n) != n)
			return 1;
	if (n < 0) {
		printf("cat: %s: read error %d\n", name, errno);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i, fd, ret = 0;

	if (argc < 2)
		return copy(0, "stdin");
	for (i = 1; i < argc; i++) {
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			printf("cat: %s: error %d\n", argv[i], errno);
			ret = 1;
			continue;
		}
		ret |= copy(fd, argv[i]);
		close(fd);
	}
	return ret;
}
