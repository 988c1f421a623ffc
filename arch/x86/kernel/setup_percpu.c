// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU areas (see <linux/percpu.h>).
 *
 * CPU 0 uses .data..percpu in place, from the first instruction on, so
 * by the time the other CPUs are found (ACPI, after mm_init) CPU 0 has
 * already changed its copy: counters counted, current_task moved on. A
 * new CPU must start from the values the section was *linked* with, so
 * the very first thing start_kernel() does is keep a pristine copy, the
 * template every other CPU's area is made from.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/percpu.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/sections.h>


unsigned long __per_cpu_offset[NR_CPUS];
DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(int, cpu_number);

#define PERCPU_TEMPLATE_MAX 4096
static u8 percpu_template[PERCPU_TEMPLATE_MAX] __aligned(PAGE_SIZE);

static unsigned long percpu_size(void)
{
	return __per_cpu_end - __per_cpu_start;
}

void percpu_save_template(void)
{
	BUG_ON(percpu_size() > PERCPU_TEMPLATE_MAX);
	memcpy(percpu_template, __per_cpu_start, percpu_size());
}

/*
 * One area per CPU found, from lowmem pages (they are reached through
 * the direct map, and %fs adds the offset to the variable's address).
 * An area is made once and kept: a CPU taken down and brought back up
 * keeps its counters.
 */
void setup_per_cpu_areas(void)
{
	unsigned int cpu;

	for (cpu = 1; cpu < nr_cpu_ids; cpu++) {
		struct page *page;
		u8 *area;

		if (__per_cpu_offset[cpu])
			continue;
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!page)
			panic("percpu: no memory for CPU %u's area", cpu);
		area = page_address(page);
		memcpy(area, percpu_template, percpu_size());
		__per_cpu_offset[cpu] = (unsigned long)area -
					(unsigned long)__per_cpu_start;
		per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
		per_cpu(cpu_number, cpu) = cpu;
	}
	if (nr_cpu_ids > 1)
		pr_info("percpu: %lu bytes per CPU, %u areas\n", percpu_size(),
			nr_cpu_ids);
}
