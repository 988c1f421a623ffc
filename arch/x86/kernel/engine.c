// SPDX-License-Identifier: GPL-2.0
/*
 * Which engine runs us: QEMU's TCG, QEMU on KVM, Bochs, or a real CPU.
 *
 * No single clue tells them apart, so three are combined:
 *
 *  - CPUID leaf 1 ECX bit 31, "hypervisor present". QEMU sets it (TCG and
 *    KVM alike); a real CPU leaves it clear -- and so does Bochs, which
 *    emulates a CPU model faithfully, so this bit alone calls Bochs bare
 *    metal. With the bit set, leaf 0x40000000 names the hypervisor:
 *    "TCGTCGTCGTCG" (QEMU TCG, only with -cpu max and similar models),
 *    "KVMKVMKVM" (KVM).
 *  - SMBIOS, the firmware's self-description (drivers/firmware/dmi_scan.c):
 *    Bochs' BIOS says "The Bochs Project", QEMU's SeaBIOS says "QEMU" as
 *    the system vendor, a real board its maker.
 *  - Port 0xe9: with Bochs' port_e9_hack it reads back 0xe9 (a write is
 *    copied to Bochs' stdout); QEMU gives the same only with -debugcon,
 *    a real PC gives 0xff.
 *
 * Not used: the ACPI OEM ID. It says "BOCHS " under Bochs -- and under
 * QEMU too, whose ACPI tables descend from Bochs' BIOS. Nor the CPU's
 * brand string: Bochs copies a real model's ("Intel(R) Core(TM) i7-2600K").
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/dmi.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <kmaplab/engine.h>

#define X86_FEATURE_HYPERVISOR (1U << 31)	/* CPUID.1:ECX */

enum kmaplab_engine kmaplab_engine = ENGINE_UNKNOWN;
static char hv_sig[13];		/* leaf 0x40000000's name, if any */

bool e9_console_present(void)
{
	return inb(0xe9) == 0xe9;
}

static bool __init cpu_has_hypervisor(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	if (!(c & X86_FEATURE_HYPERVISOR))
		return false;
	cpuid(0x40000000, &a, &b, &c, &d);
	memcpy(hv_sig, &b, 4);
	memcpy(hv_sig + 4, &c, 4);
	memcpy(hv_sig + 8, &d, 4);
	hv_sig[12] = '\0';
	return true;
}

static bool __init dmi_says(const char *vendor)
{
	return dmi_match(DMI_SYS_VENDOR, vendor) ||
	       dmi_match(DMI_BIOS_VENDOR, vendor);
}

static enum kmaplab_engine __init classify(bool hv, bool e9)
{
	if (hv) {
		if (!strcmp(hv_sig, "TCGTCGTCGTCG"))
			return ENGINE_QEMU_TCG;
		if (!strncmp(hv_sig, "KVMKVMKVM", 9))
			return ENGINE_QEMU_KVM;
		/* KVM always fills the leaf; QEMU TCG only for some models */
		if (!hv_sig[0] && dmi_says("QEMU"))
			return ENGINE_QEMU_TCG;
		return hv_sig[0] ? ENGINE_HYPERVISOR : ENGINE_UNKNOWN;
	}
	if (dmi_says("The Bochs Project"))
		return ENGINE_BOCHS;
	/* QEMU with -cpu ...,-hypervisor: TCG or KVM, no way to tell */
	if (dmi_says("QEMU"))
		return ENGINE_UNKNOWN;
	/* no SMBIOS (Bochs' legacy BIOS), but its debug port answers */
	if (!dmi_available && e9)
		return ENGINE_BOCHS;
	return ENGINE_BARE_METAL;
}

void __init engine_detect(void)
{
	bool hv = cpu_has_hypervisor(), e9 = e9_console_present();
	const char *vendor = dmi_get_system_info(DMI_SYS_VENDOR);

	if (!vendor)	/* Bochs' BIOS names only itself (type 0) */
		vendor = dmi_get_system_info(DMI_BIOS_VENDOR);

	kmaplab_engine = classify(hv, e9);
	pr_info("Engine: %s (CPUID hypervisor bit %s%s%s%s; SMBIOS vendor \"%s\"; port 0xe9 %s)\n",
		cpu_engine_name(), hv ? "set" : "clear",
		hv ? ", leaf 0x40000000 \"" : "", hv ? hv_sig : "",
		hv ? "\"" : "", vendor ? vendor : "(none)",
		e9 ? "reads back 0xe9" : "silent");
}

const char *cpu_engine_name(void)
{
	switch (kmaplab_engine) {
	case ENGINE_BARE_METAL:
		return "bare metal";
	case ENGINE_QEMU_TCG:
		return "QEMU TCG";
	case ENGINE_QEMU_KVM:
		return dmi_match(DMI_SYS_VENDOR, "QEMU") ? "QEMU with KVM" : "KVM";
	case ENGINE_BOCHS:
		return "Bochs";
	case ENGINE_HYPERVISOR:
		return hv_sig;
	default:
		return "unknown engine";
	}
}
