// SPDX-License-Identifier: GPL-2.0
/* ls [DIR]: each entry with its type, size and name (getdents64 + stat). */
static void list(const char *dir)
{
	char buf[1024], path[256];
	struct stat st;
	int fd, n, off;

	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		printf("ls: %s: error %d\n", dir, errno);
		return;
	}
	while ((n = getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			off += d->d_reclen;
			if (d->d_name[0] == '.')
				continue;
			strlcpy(path, dir, sizeof(path));
			strlcat(path, "/", sizeof(path));
			strlcat(path, d->d_name, sizeof(path));
			if (stat(path, &st) < 0)
				continue;
			printf("%c %ld\t%s\n", S_ISDIR(st.st_mode) ? 'd' :
			       S_ISCHR(st.st_mode) ? 'c' : '-', (long)st.st_size, d->d_name);
		}
	}
	close(fd);
}

int main(int argc, char **argv)
{
	int i;

	if (argc < 2)
		list(".");
	for (i = 1; i < argc; i++)
		list(argv[i]);
	return 0;
}
