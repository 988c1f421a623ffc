/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PRANDOM_H
#define _LINUX_PRANDOM_H

#include <linux/types.h>
#include <linux/math.h>

/*
 * A seeded pseudo-random generator (lib/random32.c): L'Ecuyer's
 * four-component Tausworthe generator, as Linux's prandom. Repeatable
 * from its seed, fast, statistically good, and NOT cryptographic.
 */
struct rnd_state {
	__u32 s1, s2, s3, s4;
};

u32 prandom_u32_state(struct rnd_state *state);
void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes);
void prandom_seed_state(struct rnd_state *state, u64 seed);

/* A value in [0, ep_ro), from get_random_u32() (<linux/random.h>). */
u32 get_random_u32(void);
static inline u32 prandom_u32_max(u32 ep_ro)
{
	return reciprocal_scale(get_random_u32(), ep_ro);
}

/* Linear congruential step, for callers wanting a cheap repeatable sequence. */
static inline u32 next_pseudo_random32(u32 seed)
{
	return seed * 1664525 + 1013904223;
}

#endif /* _LINUX_PRANDOM_H */
