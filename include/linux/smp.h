/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/threads.h>

/*
 * kmaplab runs on one CPU today (CONFIG_SMP is not defined). The CPU
 * number is still asked for through these calls everywhere, so that the
 * SMP step changes only this header and the per-CPU offsets.
 */
#ifdef CONFIG_SMP
#error "SMP is not implemented yet"
#else
#define raw_smp_processor_id() 0
#define smp_processor_id() 0
#define get_cpu() ({ preempt_disable(); smp_processor_id(); })
#define put_cpu() preempt_enable()
#define num_online_cpus() 1U
#define nr_cpu_ids 1U
#endif

#endif /* _LINUX_SMP_H */
