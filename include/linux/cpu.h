/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CPU_H
#define _LINUX_CPU_H

#include <linux/cpumask.h>
#include <linux/smp.h>

/*
 * CPU hotplug (kernel/cpu.c). cpu_up()/cpu_down() are declared in
 * <linux/smp.h>, where kmaplab has always had them; Linux's <linux/cpu.h>
 * has them too, so including either works.
 *
 * cpu_hotplug_disable()/cpu_hotplug_enable(): while disabled (it nests)
 * cpu_up() and cpu_down() return -EBUSY, so the online mask stays put.
 */
void cpu_hotplug_disable(void);
void cpu_hotplug_enable(void);

#endif /* _LINUX_CPU_H */
