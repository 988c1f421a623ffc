// SPDX-License-Identifier: GPL-2.0
/* Temporary kernel mappings of highmem pages. (Being written.) */
#include <linux/highmem.h>

void __kmap_local_sched_out(void)
{
}

void __kmap_local_sched_in(void)
{
}
