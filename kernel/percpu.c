// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU areas. CPU 0 uses the .data..percpu section in place (offset
 * 0). Bringing up more CPUs means copying the section for each and
 * recording where each copy is, here, and in that CPU's %fs base.
 */
#include <linux/percpu.h>

unsigned long __per_cpu_offset[NR_CPUS];
