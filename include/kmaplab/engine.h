/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_ENGINE_H
#define _KMAPLAB_ENGINE_H

/*
 * What runs this kernel: an emulator, a hypervisor or a real CPU
 * (arch/x86/kernel/engine.c). They differ exactly where this kernel
 * teaches -- which TLB entries survive which flush -- so results are
 * labelled with it, and teaching/tlbdemo expects per engine.
 */
enum kmaplab_engine {
	ENGINE_UNKNOWN,		/* not detected yet, or evidence disagrees */
	ENGINE_BARE_METAL,	/* no hypervisor or emulator found */
	ENGINE_QEMU_TCG,	/* QEMU's software CPU */
	ENGINE_QEMU_KVM,	/* QEMU (or another VMM) on Linux's KVM */
	ENGINE_BOCHS,		/* the Bochs emulator */
	ENGINE_HYPERVISOR,	/* another hypervisor, named by its CPUID leaf */
};

extern enum kmaplab_engine kmaplab_engine;

/* At boot, after dmi_setup(): decide, and print the evidence. */
void engine_detect(void);
/* "QEMU TCG", "QEMU with KVM", "Bochs", "bare metal", ... */
const char *cpu_engine_name(void);
/* Port 0xe9 reads back 0xe9: Bochs' port_e9_hack (or QEMU -debugcon). */
bool e9_console_present(void);

#endif /* _KMAPLAB_ENGINE_H */
