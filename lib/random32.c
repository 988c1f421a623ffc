// SPDX-License-Identifier: GPL-2.0
/*
 * Pseudo-random numbers: prandom (a seeded Tausworthe generator, as
 * Linux's lib/random32.c, after P. L'Ecuyer, "Maximally Equidistributed
 * Combined Tausworthe Generators", Math. of Computation 65 (1996)) and
 * get_random_*() on one global state of it. Linux has get_random_*() in
 * drivers/char/random.c, a CRNG; here they are not cryptographic
 * (<linux/random.h> says why).
 */
#include <linux/export.h>
#include <linux/limits.h>
#include <linux/prandom.h>
#include <linux/random.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/processor.h>

u32 prandom_u32_state(struct rnd_state *state)
{
#define TAUSWORTHE(s, a, b, c, d) (((s & c) << d) ^ (((s << a) ^ s) >> b))
	state->s1 = TAUSWORTHE(state->s1,  6U, 13U, 4294967294U, 18U);
	state->s2 = TAUSWORTHE(state->s2,  2U, 27U, 4294967288U,  2U);
	state->s3 = TAUSWORTHE(state->s3, 13U, 21U, 4294967280U,  7U);
	state->s4 = TAUSWORTHE(state->s4,  3U, 12U, 4294967168U, 13U);
#undef TAUSWORTHE
	return state->s1 ^ state->s2 ^ state->s3 ^ state->s4;
}
EXPORT_SYMBOL(prandom_u32_state);

void prandom_bytes_state(struct rnd_state *state, void *buf, size_t bytes)
{
	u8 *ptr = buf;

	while (bytes >= sizeof(u32)) {
		u32 r = prandom_u32_state(state);

		memcpy(ptr, &r, sizeof(r));
		ptr += sizeof(u32);
		bytes -= sizeof(u32);
	}
	if (bytes > 0) {
		u32 rem = prandom_u32_state(state);

		do {
			*ptr++ = (u8)rem;
			rem >>= 8;
		} while (--bytes > 0);
	}
}
EXPORT_SYMBOL(prandom_bytes_state);

/* Each component needs a minimum value (2, 8, 16, 128) to be valid. */
static u32 __seed(u32 x, u32 m)
{
	return (x < m) ? x + m : x;
}

void prandom_seed_state(struct rnd_state *state, u64 seed)
{
	u32 i = ((seed >> 32) ^ (seed << 10) ^ seed) & 0xffffffffUL;

	state->s1 = __seed(i,   2U);
	state->s2 = __seed(i,   8U);
	state->s3 = __seed(i,  16U);
	state->s4 = __seed(i, 128U);
	/* warm up: the first outputs of a fresh state are correlated */
	for (i = 0; i < 10; i++)
		prandom_u32_state(state);
}
EXPORT_SYMBOL(prandom_seed_state);

/* --- get_random_*(): one shared state, seeded at first use ------------- */

static DEFINE_RAW_SPINLOCK(random_lock);
static struct rnd_state random_state;
static bool random_seeded;

void get_random_bytes(void *buf, size_t len)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&random_lock, flags);
	if (!random_seeded) {
		prandom_seed_state(&random_state, rdtsc());
		random_seeded = true;
	}
	prandom_bytes_state(&random_state, buf, len);
	raw_spin_unlock_irqrestore(&random_lock, flags);
}
EXPORT_SYMBOL(get_random_bytes);

#define DEFINE_GET_RANDOM(type)				\
type get_random_ ##type(void)				\
{							\
	type v;						\
							\
	get_random_bytes(&v, sizeof(v));		\
	return v;					\
}							\
EXPORT_SYMBOL(get_random_ ##type)

DEFINE_GET_RANDOM(u8);
DEFINE_GET_RANDOM(u16);
DEFINE_GET_RANDOM(u32);
DEFINE_GET_RANDOM(u64);

/*
 * Lemire's multiply-shift with rejection, as Linux's: the high word of
 * rand * ceil is uniform in [0, ceil) once the few low words that would
 * over-represent some values are rejected.
 */
u32 get_random_u32_below(u32 ceil)
{
	u64 mult;

	/* as Linux: 0 means the whole range, so _inclusive(0, U32_MAX) works */
	if (!ceil)
		return get_random_u32();
	mult = (u64)ceil * get_random_u32();
	if (unlikely((u32)mult < ceil)) {
		u32 bound = -ceil % ceil;

		while (unlikely((u32)mult < bound))
			mult = (u64)ceil * get_random_u32();
	}
	return mult >> 32;
}
EXPORT_SYMBOL(get_random_u32_below);
