/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SPINLOCK_TYPES_H
#define _LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>

/*
 * The debug build (make test) checks every lock operation: who holds the
 * lock, that it is not taken twice by its holder and is released by it.
 */
#if defined(CONFIG_KMAPLAB_DEBUG) && !defined(CONFIG_DEBUG_SPINLOCK)
#define CONFIG_DEBUG_SPINLOCK
#endif

/*
 * The architecture's lock word: a ticket lock. tail is the next ticket
 * to hand out, head the ticket now served; free when they are equal.
 * A CPU takes a ticket (one locked xadd on tail) and waits for head to
 * reach it, so CPUs get the lock in the order they asked: fair, unlike
 * a test-and-set lock, where the CPU that last held the line wins.
 */
typedef struct {
	union {
		volatile u32 slock;
		struct {
			volatile u16 head, tail;
		} tickets;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { { 0 } }

struct task_struct;

typedef struct raw_spinlock {
	arch_spinlock_t raw_lock;
#ifdef CONFIG_DEBUG_SPINLOCK
	unsigned int magic;
	int owner_cpu;
	struct task_struct *owner;
	const char *name;
#endif
} raw_spinlock_t;

#define SPINLOCK_MAGIC 0xdead4ead
#define SPINLOCK_OWNER_INIT ((struct task_struct *)-1L)

#ifdef CONFIG_DEBUG_SPINLOCK
#define SPIN_DEBUG_INIT(lockname)					\
	.magic = SPINLOCK_MAGIC, .owner_cpu = -1,			\
	.owner = SPINLOCK_OWNER_INIT, .name = #lockname,
#else
#define SPIN_DEBUG_INIT(lockname)
#endif

/* Initialisers (brace lists, so they nest in static initialisers). */
#define __RAW_SPIN_LOCK_UNLOCKED(lockname)				\
	{ .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, SPIN_DEBUG_INIT(lockname) }

/*
 * spinlock_t is a raw_spinlock_t here: kmaplab has no PREEMPT_RT, where
 * the two differ (spinlock_t becomes a sleeping lock there).
 */
typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname)					\
	{ .rlock = __RAW_SPIN_LOCK_UNLOCKED(lockname) }

#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)

#endif /* _LINUX_SPINLOCK_TYPES_H */
