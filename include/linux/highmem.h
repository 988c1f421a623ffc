/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

/* Work in progress: the temporary-mapping API lands with mm/highmem.c. */
#include <linux/highmem-internal.h>

#endif /* _LINUX_HIGHMEM_H */
