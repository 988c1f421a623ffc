/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STRINGHASH_H
#define _LINUX_STRINGHASH_H

#include <linux/compiler.h>
#include <linux/hash.h>
#include <linux/types.h>

/*
 * Hashing strings, as Linux hashes file names: byte at a time here (no
 * word-at-a-time, CONFIG_DCACHE_WORD_ACCESS is not set). A "hashlen"
 * packs the 32-bit hash and the length into one u64. salt keeps tables
 * of different owners from colliding the same way.
 */
#define init_name_hash(salt) ((unsigned long)(salt))

static inline unsigned long partial_name_hash(unsigned long c,
					      unsigned long prevhash)
{
	return (prevhash + (c << 4) + (c >> 4)) * 11;
}

static inline unsigned int end_name_hash(unsigned long hash)
{
	return hash_long(hash, 32);
}

#define hashlen_hash(hashlen) ((u32)(hashlen))
#define hashlen_len(hashlen)  ((u32)((hashlen) >> 32))
#define hashlen_create(hash, len) ((u64)(len)<<32 | (u32)(hash))

/* lib/stringhash.c (Linux: fs/namei.c) */
unsigned int full_name_hash(const void *salt, const char *name, unsigned int len);
u64 hashlen_string(const void *salt, const char *name);

#endif /* _LINUX_STRINGHASH_H */
