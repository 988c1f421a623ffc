// SPDX-License-Identifier: GPL-2.0
/*
 * refcount_t's out-of-line half (Linux's lib/refcount.c): what happens
 * when a count would wrap. The count is pinned at REFCOUNT_SATURATED, so
 * no later put can reach 0 and free the object under someone still using
 * it; the leak is the price, and the warning names the event.
 */
#include <linux/refcount.h>

#define REFCOUNT_WARN(str)	WARN_ONCE(1, "refcount_t: " str ".\n")

void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	refcount_set(r, REFCOUNT_SATURATED);

	switch (t) {
	case REFCOUNT_ADD_NOT_ZERO_OVF:
	case REFCOUNT_ADD_OVF:
		REFCOUNT_WARN("saturated; leaking memory");
		break;
	case REFCOUNT_ADD_UAF:
		REFCOUNT_WARN("addition on 0; use-after-free");
		break;
	case REFCOUNT_SUB_UAF:
		REFCOUNT_WARN("underflow; use-after-free");
		break;
	case REFCOUNT_DEC_LEAK:
		REFCOUNT_WARN("decrement hit 0; leaking memory");
		break;
	default:
		REFCOUNT_WARN("unknown saturation event!?");
	}
}

/* 1 -> 0 only if the count is exactly 1 (no one else holds it). */
bool refcount_dec_if_one(refcount_t *r)
{
	int val = 1;

	return atomic_try_cmpxchg(&r->refs, &val, 0);
}

/* Decrement unless the count is 1; false (nothing done) if it was. */
bool refcount_dec_not_one(refcount_t *r)
{
	int new, val = atomic_read(&r->refs);

	do {
		if (unlikely(val == REFCOUNT_SATURATED))
			return true;
		if (val == 1)
			return false;
		new = val - 1;
		if (new > val) {
			WARN_ONCE(new > val, "refcount_t: underflow; use-after-free.\n");
			return true;
		}
	} while (!atomic_try_cmpxchg(&r->refs, &val, new));
	return true;
}
