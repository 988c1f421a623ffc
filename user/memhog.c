// SPDX-License-Identifier: GPL-2.0
/*
 * memhog [N [S]]: take N MiB (default 16) with mmap, touch every page --
 * each first touch is a page fault that brings in a zeroed page, from
 * highmem when there is any -- then check every byte, and do the same
 * for 1 MiB of heap grown with brk. Then hold it all for S seconds (0),
 * time to look at it from the monitor: `ps`, `vm PID`.
 */
#include "ktap.h"

static int fill_check(unsigned char *p, unsigned long len, unsigned char seed)
{
	unsigned long i;

	for (i = 0; i < len; i++)
		if (p[i])
			return 0;		/* a new page must read as zeros */
	for (i = 0; i < len; i++)
		p[i] = (unsigned char)(i * 7 + seed);
	for (i = 0; i < len; i++)
		if (p[i] != (unsigned char)(i * 7 + seed))
			return 0;
	return 1;
}

int main(int argc, char **argv)
{
	unsigned long mib = argc > 1 ? atol(argv[1]) : 16, len = mib << 20;
	unsigned char *p, *brk0;

	ktap_start("memhog", 3);
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ktap_result(p != MAP_FAILED, "mmap reserves the memory");
	if (p == MAP_FAILED)
		return 1;
	ktap_result(fill_check(p, len, 3), "every byte zero, written, read back");
	brk0 = sys_brk(0);
	ktap_result(sys_brk(brk0 + (1 << 20)) == brk0 + (1 << 20) &&
		    fill_check(brk0, 1 << 20, 5), "brk heap: grown, zero, checked");
	ktap_diag("memhog: MiB touched and checked: ", argc > 1 ? argv[1] : "16");
	if (argc > 2)
		sleep(atoi(argv[2]));
	munmap(p, len);
	return ktap_done();
}
