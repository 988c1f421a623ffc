/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/spinlock_types.h>
#include <linux/bug.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <asm/cmpxchg.h>
#include <asm/processor.h>

/*
 * Spinlocks. Taking one disables preemption (and, in the _irq and
 * _irqsave variants, interrupts on this CPU) for as long as it is held,
 * so the holder can neither be switched out nor interrupted by code that
 * wants the same lock; the ticket lock word below keeps the other CPUs
 * out, in the order they came (<linux/spinlock_types.h>). Lock
 * operations are out of line in sched/spinlock.c, where the debug build
 * checks them.
 */

/* sched/spinlock.c: spin until head reaches ticket me. */
void arch_spin_lock_wait(arch_spinlock_t *lock, u16 me);

/* Take a ticket (tail++, atomically) and wait until it is served. */
static __always_inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 inc = 1U << 16;		/* tail is the upper half of slock */
	u16 me;

	__asm__ __volatile__("lock; xaddl %0, %1"
			     : "+r"(inc), "+m"(lock->slock) : : "memory");
	me = inc >> 16;
	if ((u16)inc != me)		/* head was not ours yet: wait, out of line */
		arch_spin_lock_wait(lock, me);
}

/* Only when free (head == tail): take the next ticket, or fail. */
static __always_inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 old = READ_ONCE(lock->slock);

	if ((u16)old != (u16)(old >> 16))
		return false;
	return cmpxchg(&lock->slock, old, old + (1U << 16)) == old;
}

/*
 * Serve the next ticket. Only the holder writes head, so no lock prefix:
 * one `incw` in memory (Linux's ticket locks did the same), which x86
 * orders after the critical section's stores -- a release.
 */
static __always_inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__asm__ __volatile__("incw %0" : "+m"(lock->tickets.head) : : "memory");
}

static __always_inline bool arch_spin_is_locked(arch_spinlock_t *lock)
{
	u32 v = READ_ONCE(lock->slock);

	return (u16)v != (u16)(v >> 16);
}

void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name);
#define raw_spin_lock_init(lock) __raw_spin_lock_init((lock), #lock)
#define spin_lock_init(lock) __raw_spin_lock_init(&(lock)->rlock, #lock)

/* sched/spinlock.c: lock word plus the debug checks. */
void do_raw_spin_lock(raw_spinlock_t *lock);
int do_raw_spin_trylock(raw_spinlock_t *lock);
void do_raw_spin_unlock(raw_spinlock_t *lock);

void _raw_spin_lock(raw_spinlock_t *lock) __acquires(lock);
void _raw_spin_lock_irq(raw_spinlock_t *lock) __acquires(lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock) __acquires(lock);
int _raw_spin_trylock(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock) __releases(lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock) __releases(lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
	__releases(lock);

#ifdef CONFIG_DEBUG_SPINLOCK
#define raw_spin_lock(lock) _raw_spin_lock(lock)
#define raw_spin_unlock(lock) _raw_spin_unlock(lock)
#else
/*
 * Without the debug checks, the plain lock and unlock are inline: the
 * uncontended lock is preempt_disable() and one `lock xadd`, the unlock
 * one `incw` and preempt_enable() (a call each saved; docs/performance.md).
 */
static __always_inline void raw_spin_lock(raw_spinlock_t *lock) __acquires(lock)
{
	preempt_disable();
	arch_spin_lock(&lock->raw_lock);
}

static __always_inline void raw_spin_unlock(raw_spinlock_t *lock) __releases(lock)
{
	arch_spin_unlock(&lock->raw_lock);
	preempt_enable();
}
#endif
#define raw_spin_lock_irq(lock) _raw_spin_lock_irq(lock)
#define raw_spin_lock_irqsave(lock, flags) \
	do { (flags) = _raw_spin_lock_irqsave(lock); } while (0)
#define raw_spin_trylock(lock) _raw_spin_trylock(lock)
#define raw_spin_unlock_irq(lock) _raw_spin_unlock_irq(lock)
#define raw_spin_unlock_irqrestore(lock, flags) \
	_raw_spin_unlock_irqrestore(lock, flags)
#define raw_spin_is_locked(lock) arch_spin_is_locked(&(lock)->raw_lock)

#define spin_lock(lock) raw_spin_lock(&(lock)->rlock)
#define spin_lock_irq(lock) raw_spin_lock_irq(&(lock)->rlock)
#define spin_lock_irqsave(lock, flags) raw_spin_lock_irqsave(&(lock)->rlock, flags)
#define spin_trylock(lock) raw_spin_trylock(&(lock)->rlock)
#define spin_unlock(lock) raw_spin_unlock(&(lock)->rlock)
#define spin_unlock_irq(lock) raw_spin_unlock_irq(&(lock)->rlock)
#define spin_unlock_irqrestore(lock, flags) \
	raw_spin_unlock_irqrestore(&(lock)->rlock, flags)
#define spin_is_locked(lock) raw_spin_is_locked(&(lock)->rlock)
/* No softirqs in kmaplab: the _bh variants only disable preemption. */
#define spin_lock_bh(lock) spin_lock(lock)
#define spin_unlock_bh(lock) spin_unlock(lock)

#ifdef CONFIG_DEBUG_SPINLOCK
/* Complain (WARN) unless the current task holds the lock. */
void raw_spin_assert_held(raw_spinlock_t *lock);
/*
 * The scheduler hands its run-queue lock from the task that took it to
 * the one it switches to, which releases it: say so to the owner check.
 */
static inline void raw_spin_lock_set_owner(raw_spinlock_t *lock,
					   struct task_struct *owner)
{
	lock->owner = owner;
}
#else
static inline void raw_spin_assert_held(raw_spinlock_t *lock)
{
}
static inline void raw_spin_lock_set_owner(raw_spinlock_t *lock,
					   struct task_struct *owner)
{
}
#endif
#define assert_spin_locked(lock) WARN_ON(!spin_is_locked(lock))

#endif /* _LINUX_SPINLOCK_H */
