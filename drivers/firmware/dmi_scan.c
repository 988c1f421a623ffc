// SPDX-License-Identifier: GPL-2.0
/*
 * SMBIOS ("DMI"): the firmware's own description of the machine, the
 * strings `dmidecode` and /sys/class/dmi/id/ show on Linux. The BIOS puts
 * an entry point ("_SM3_", "_SM_" or the older "_DMI_") on a 16-byte
 * boundary in 0xf0000-0xfffff; it points at a table of structures, each
 * a formatted part followed by its strings (numbered from 1, ended by an
 * empty string). Type 0 names the BIOS, type 1 the system.
 *
 * kmaplab reads it for one reason: to tell which engine it runs on
 * (arch/x86/kernel/engine.c). The table itself can be anywhere in
 * physical memory -- in highmem on a big machine -- so it is copied out
 * through kmap_local_pfn(), a page at a time, as acpi.c reads ACPI.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/highmem.h>
#include <linux/dmi.h>
#include <kmaplab/mm.h>

#define DMI_STRING_LEN 64

int dmi_available;
static char dmi_ident[DMI_STRING_MAX][DMI_STRING_LEN];
static u8 dmi_buf[4096] __initdata;	/* the start of the table */

static bool __init dmi_checksum(const u8 *buf, u8 len)
{
	u8 sum = 0;
	int a;

	for (a = 0; a < len; a++)
		sum += buf[a];
	return sum == 0;
}

/* String number s (1-based) of the structure at dm, bounded by end. */
static void __init dmi_save_ident(const u8 *dm, const u8 *end, int slot,
				  int offset)
{
	const u8 *p = dm + dm[1];	/* the strings follow the formatted part */
	int s = offset < dm[1] ? dm[offset] : 0;

	if (!s)
		return;
	while (--s > 0 && p < end)
		p += strnlen((const char *)p, end - p) + 1;
	if (p >= end || !*p)
		return;
	strscpy(dmi_ident[slot], (const char *)p, DMI_STRING_LEN);
}

static void __init dmi_decode(const u8 *dm, const u8 *end)
{
	switch (dm[0]) {
	case 0:		/* BIOS Information */
		dmi_save_ident(dm, end, DMI_BIOS_VENDOR, 4);
		dmi_save_ident(dm, end, DMI_BIOS_VERSION, 5);
		dmi_save_ident(dm, end, DMI_BIOS_DATE, 8);
		break;
	case 1:		/* System Information */
		dmi_save_ident(dm, end, DMI_SYS_VENDOR, 4);
		dmi_save_ident(dm, end, DMI_PRODUCT_NAME, 5);
		dmi_save_ident(dm, end, DMI_PRODUCT_VERSION, 6);
		break;
	}
}

/* Walk the structures that fit in dmi_buf; num 0 means "until type 127". */
static void __init dmi_walk(u64 base, u32 len, u32 num)
{
	const u8 *p = dmi_buf, *end;
	u32 i;

	len = min_t(u32, len, sizeof(dmi_buf));
	copy_from_phys(dmi_buf, base, len);
	end = dmi_buf + len;
	for (i = 0; (!num || i < num) && p + 4 <= end && p[1] >= 4; i++) {
		const u8 *next = p + p[1];

		/* the strings end at the first double NUL */
		while (next + 1 < end && (next[0] || next[1]))
			next++;
		if (next + 1 >= end)
			break;		/* cut off by our buffer: stop here */
		dmi_decode(p, next);
		if (p[0] == 127)	/* End-of-Table */
			break;
		p = next + 2;
	}
}

/* An entry point at phys: walk its table and say so. */
static bool __init dmi_present(u64 phys)
{
	u8 b[32];

	copy_from_phys(b, phys, sizeof(b));
	if (!memcmp(b, "_SM3_", 5) && b[6] <= sizeof(b) && dmi_checksum(b, b[6])) {
		dmi_walk(*(u64 *)(b + 16), *(u32 *)(b + 12), 0);
		return true;
	}
	if (!memcmp(b, "_SM_", 4) && b[5] <= sizeof(b) && dmi_checksum(b, b[5]) &&
	    !memcmp(b + 16, "_DMI_", 5) && dmi_checksum(b + 16, 15)) {
		dmi_walk(*(u32 *)(b + 24), *(u16 *)(b + 22), *(u16 *)(b + 28));
		return true;
	}
	if (!memcmp(b, "_DMI_", 5) && dmi_checksum(b, 15)) {
		dmi_walk(*(u32 *)(b + 8), *(u16 *)(b + 6), *(u16 *)(b + 12));
		return true;
	}
	return false;
}

static const char *dmi_or(int field, const char *none)
{
	return dmi_ident[field][0] ? dmi_ident[field] : none;
}

void __init dmi_setup(void)
{
	u64 a;

	for (a = 0xf0000; a < 0x100000; a += 16) {
		if (dmi_present(a)) {
			dmi_available = 1;
			pr_info("DMI: %s %s, BIOS %s %s %s\n",
				dmi_or(DMI_SYS_VENDOR, "(no system vendor)"),
				dmi_or(DMI_PRODUCT_NAME, "(no product)"),
				dmi_or(DMI_BIOS_VENDOR, "(no vendor)"),
				dmi_or(DMI_BIOS_VERSION, "(no version)"),
				dmi_or(DMI_BIOS_DATE, ""));
			return;
		}
	}
	pr_info("DMI not present or invalid.\n");
}

const char *dmi_get_system_info(int field)
{
	if (field <= DMI_NONE || field >= DMI_STRING_MAX || !dmi_ident[field][0])
		return NULL;
	return dmi_ident[field];
}

bool dmi_match(enum dmi_field f, const char *str)
{
	const char *info = dmi_get_system_info(f);

	return info && str && !strcmp(info, str);
}
