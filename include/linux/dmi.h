/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __DMI_H__
#define __DMI_H__

#include <linux/types.h>
#include <linux/mod_devicetable.h>

/*
 * The firmware's SMBIOS ("DMI") identification strings, as Linux reads
 * them at boot (drivers/firmware/dmi_scan.c). kmaplab keeps the BIOS
 * (type 0) and system (type 1) strings only.
 */
extern int dmi_available;
void dmi_setup(void);
/* The string for one field, or NULL if the firmware gave none. */
const char *dmi_get_system_info(int field);
/* The field is present and equal to str. */
bool dmi_match(enum dmi_field f, const char *str);

#endif /* __DMI_H__ */
