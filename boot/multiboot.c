// SPDX-License-Identifier: GPL-2.0
/*
 * Storage for the multiboot information that boot/head.asm copies out
 * of loader memory, and a walker for its memory map. (mm/ turns the map
 * into zones; this file only knows the format.)
 */
#include <linux/kernel.h>
#include <kmaplab/multiboot.h>

struct multiboot_info boot_mbi;
char boot_cmdline[BOOT_CMDLINE_MAX];
u8 boot_cmdline_cut;
u8 boot_mmap[BOOT_MMAP_MAX] __aligned(8);
struct multiboot_mod_list boot_mods[BOOT_MODS_MAX];
u32 boot_magic;

const struct multiboot_mmap_entry *mb_next_mmap(const struct multiboot_mmap_entry *e)
{
	unsigned long len, off;

	if (!(boot_mbi.flags & MULTIBOOT_INFO_MEM_MAP))
		return NULL;
	len = min_t(unsigned long, boot_mbi.mmap_length, BOOT_MMAP_MAX);
	off = e ? (unsigned long)((const u8 *)e - boot_mmap) + e->size + 4 : 0;
	/* An entry must fit whole; a bogus 'size' ends the walk. */
	if (off + sizeof(*e) > len)
		return NULL;
	e = (const void *)(boot_mmap + off);
	if (e->size < 20)
		return NULL;
	return e;
}

const char *mb_mmap_type_name(u32 type)
{
	switch (type) {
	case MULTIBOOT_MEMORY_AVAILABLE:
		return "usable";
	case MULTIBOOT_MEMORY_ACPI_RECLAIMABLE:
		return "ACPI data";
	case MULTIBOOT_MEMORY_NVS:
		return "ACPI NVS";
	case MULTIBOOT_MEMORY_BADRAM:
		return "unusable";
	default:
		return "reserved";
	}
}
