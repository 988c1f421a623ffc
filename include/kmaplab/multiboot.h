/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_MULTIBOOT_H
#define _KMAPLAB_MULTIBOOT_H

#include <linux/types.h>

/* The header boot/head.asm puts in the image, for the loader to find. */
#define MULTIBOOT_HEADER_MAGIC 0x1BADB002
#define MULTIBOOT_PAGE_ALIGN (1U << 0)	/* modules on page boundaries */
#define MULTIBOOT_MEMORY_INFO (1U << 1)	/* please pass a memory map */

/* Multiboot v1 information, as the loader hands it over (spec 0.6.96). */
#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002
#define MULTIBOOT_INFO_MEMORY (1U << 0)
#define MULTIBOOT_INFO_CMDLINE (1U << 2)
#define MULTIBOOT_INFO_MODS (1U << 3)
#define MULTIBOOT_INFO_MEM_MAP (1U << 6)
#define MULTIBOOT_INFO_BOOT_LOADER_NAME (1U << 9)

#define MULTIBOOT_MEMORY_AVAILABLE 1
#define MULTIBOOT_MEMORY_RESERVED 2
#define MULTIBOOT_MEMORY_ACPI_RECLAIMABLE 3
#define MULTIBOOT_MEMORY_NVS 4
#define MULTIBOOT_MEMORY_BADRAM 5

struct multiboot_info {
	u32 flags;
	u32 mem_lower, mem_upper;	/* KiB below 1 MiB, above 1 MiB */
	u32 boot_device;
	u32 cmdline;
	u32 mods_count, mods_addr;
	u32 syms[4];
	u32 mmap_length, mmap_addr;
	u32 drives_length, drives_addr;
	u32 config_table;
	u32 boot_loader_name;
	u32 apm_table;
	u32 vbe_control_info, vbe_mode_info;
	u16 vbe_mode, vbe_interface_seg, vbe_interface_off, vbe_interface_len;
	u64 framebuffer_addr;
	u32 framebuffer_pitch, framebuffer_width, framebuffer_height;
	u8 framebuffer_bpp, framebuffer_type;
	u8 color_info[6];
} __packed;

/* One memory map entry; 'size' does not count itself. */
struct multiboot_mmap_entry {
	u32 size;
	u64 addr;
	u64 len;
	u32 type;
} __packed;

struct multiboot_mod_list {
	u32 mod_start, mod_end;
	u32 cmdline;
	u32 pad;
} __packed;

/*
 * boot/head.asm copies these out of wherever the loader put them before
 * paging is switched on (boot/multiboot.c holds the storage), so no
 * code after it reads loader memory. It gets the limits, like the
 * structure offsets above, from arch/x86/kernel/asm-offsets.c.
 */
#define BOOT_CMDLINE_MAX 1024
#define BOOT_MMAP_MAX 4096
#define BOOT_MODS_MAX 32
extern struct multiboot_info boot_mbi;
extern char boot_cmdline[BOOT_CMDLINE_MAX];
/* Set by boot/head.asm when the loader's line did not fit boot_cmdline. */
extern u8 boot_cmdline_cut;
extern u8 boot_mmap[BOOT_MMAP_MAX];
extern struct multiboot_mod_list boot_mods[BOOT_MODS_MAX];
extern u32 boot_magic;

/* Walk the copied memory map: for (e = NULL; (e = mb_next_mmap(e)); ) */
const struct multiboot_mmap_entry *mb_next_mmap(const struct multiboot_mmap_entry *e);
const char *mb_mmap_type_name(u32 type);

/* init/initramfs.c: pages of the boot's archives freed after unpacking. */
extern unsigned long initrd_freed_pages;

#endif /* _KMAPLAB_MULTIBOOT_H */
