// SPDX-License-Identifier: GPL-2.0
/* What the boot CPU can do, from CPUID, printed once at boot. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/processor.h>

struct cpuinfo_x86 boot_cpu_data;

void cpu_detect(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 a, b, cx, d, max_ext;

	cpuid(0, &a, &b, &cx, &d);
	memcpy(c->vendor, &b, 4);
	memcpy(c->vendor + 4, &d, 4);
	memcpy(c->vendor + 8, &cx, 4);
	c->vendor[12] = '\0';

	cpuid(1, &a, &b, &cx, &d);
	c->has_tsc = d & (1 << 4);
	c->has_pae = d & (1 << 6);
	c->has_pge = d & (1 << 13);

	c->phys_bits = 36;
	cpuid(0x80000000, &max_ext, &b, &cx, &d);
	if (max_ext >= 0x80000001) {
		cpuid(0x80000001, &a, &b, &cx, &d);
		c->has_nx = d & CPUID_EXT_EDX_NX;
	}
	if (max_ext >= 0x80000007) {
		cpuid(0x80000007, &a, &b, &cx, &d);
		c->has_invariant_tsc = d & (1 << 8);
	}
	if (max_ext >= 0x80000008) {
		cpuid(0x80000008, &a, &b, &cx, &d);
		c->phys_bits = a & 0xff;
	}
	pr_info("CPU: %s, PAE %s, PGE %s, NX %s (EFER.NXE %s), TSC %s, %u physical address bits\n",
		c->vendor, c->has_pae ? "yes" : "NO", c->has_pge ? "yes" : "NO",
		c->has_nx ? "yes" : "no", nx_enabled ? "on" : "off",
		c->has_tsc ? "yes" : "no", c->phys_bits);
}
