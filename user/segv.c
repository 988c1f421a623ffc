// SPDX-License-Identifier: GPL-2.0
/*
 * segv: write through a NULL pointer. The kernel must kill this process
 * with one line naming it, the address and "outside every VMA" -- and
 * go on as if nothing happened.
 */
int main(void)
{
	volatile int *p = (volatile int *)0;

	printf("segv: writing to address 0; the kernel should kill me now\n");
	*p = 42;
	printf("segv: still alive -- that is a bug\n");
	return 1;
}
