/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>
#include <linux/limits.h>
#include <linux/prandom.h>

/*
 * get_random_*(): random numbers for the kernel. Linux serves them from
 * a ChaCha20 CRNG fed by interrupt timing (drivers/char/random.c);
 * kmaplab has no entropy pool and serves them from one prandom state
 * seeded from the TSC at first use (lib/random32.c). Good for tests and
 * hashing, NOT for anything needing unpredictability
 * (docs/linux-compat.md).
 */
void get_random_bytes(void *buf, size_t len);
u8 get_random_u8(void);
u16 get_random_u16(void);
u64 get_random_u64(void);

static inline unsigned long get_random_long(void)
{
	return get_random_u32();
}

/* Uniform in [0, ceil), no modulo bias; ceil == 0: any u32. */
u32 get_random_u32_below(u32 ceil);

/* Uniform in (floor, U32_MAX]. */
static inline u32 get_random_u32_above(u32 floor)
{
	return floor + 1 + get_random_u32_below(U32_MAX - floor);
}

/* Uniform in [floor, ceil]. */
static inline u32 get_random_u32_inclusive(u32 floor, u32 ceil)
{
	return floor + get_random_u32_below(ceil - floor + 1);
}

#endif /* _LINUX_RANDOM_H */
