// SPDX-License-Identifier: GPL-2.0
/*
 * full_name_hash() and hashlen_string(): Linux keeps them with the
 * dcache in fs/namei.c; kmaplab has no VFS, so they live here. Byte at
 * a time, the generic version of Linux's.
 */
#include <linux/export.h>
#include <linux/stringhash.h>

/* The hash of the len bytes at name. */
unsigned int full_name_hash(const void *salt, const char *name, unsigned int len)
{
	unsigned long hash = init_name_hash(salt);

	while (len--)
		hash = partial_name_hash((unsigned char)*name++, hash);
	return end_name_hash(hash);
}
EXPORT_SYMBOL(full_name_hash);

/* The hash and the length of the NUL-terminated string name. */
u64 hashlen_string(const void *salt, const char *name)
{
	unsigned long hash = init_name_hash(salt);
	unsigned long len = 0, c;

	for (c = (unsigned char)*name; c; c = (unsigned char)name[++len])
		hash = partial_name_hash(c, hash);
	return hashlen_create(end_name_hash(hash), len);
}
EXPORT_SYMBOL(hashlen_string);
