/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

/* Room for this many CPUs is reserved (fixmap slots, per-CPU offsets). */
#define NR_CPUS 8

#endif /* _LINUX_THREADS_H */
