// SPDX-License-Identifier: GPL-2.0
/*
 * Spinlock operations, out of line, and their debug checks.
 *
 * Order matters: a lock is taken after preemption (and IRQs) are
 * disabled, and released before they are enabled again, so that the
 * holder cannot be switched out or interrupted while it holds the lock.
 *
 * The debug build records the holder and names what goes wrong, in the
 * words of Linux's lib/spinlock_debug.c:
 *   "BUG: spinlock recursion"      the holder takes it again
 *   "BUG: spinlock already unlocked"
 *   "BUG: spinlock wrong owner"    released by a task that does not hold it
 *   "BUG: spinlock bad magic"      not initialised, or overwritten
 * and then carries on (a recursion does not spin: on the holder's CPU the
 * lock could never come free).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <kmaplab/locking.h>

unsigned long spin_bug_count;

/* arch_spin_lock()'s contended half: wait for our ticket to be served. */
void arch_spin_lock_wait(arch_spinlock_t *lock, u16 me)
{
	while (READ_ONCE(lock->tickets.head) != me)
		cpu_relax();
	barrier();
}

void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name)
{
	lock->raw_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
#ifdef CONFIG_DEBUG_SPINLOCK
	lock->magic = SPINLOCK_MAGIC;
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	lock->name = name;
#endif
}

#ifdef CONFIG_DEBUG_SPINLOCK
static void spin_bug(raw_spinlock_t *lock, const char *msg)
{
	struct task_struct *owner = NULL;

	spin_bug_count++;
	if (lock->owner && lock->owner != SPINLOCK_OWNER_INIT)
		owner = lock->owner;
	printk(KERN_EMERG "BUG: spinlock %s on CPU#%d, %s/%d\n", msg,
	       raw_smp_processor_id(), current->comm, current->pid);
	printk(KERN_EMERG " lock: %s (%p), .magic: %08x, .owner: %s/%d, .owner_cpu: %d\n",
	       lock->name ? lock->name : "?", lock, lock->magic,
	       owner ? owner->comm : "<none>", owner ? owner->pid : -1,
	       lock->owner_cpu);
	dump_stack();
}

/* Returns false when the lock must not be spun on. */
static bool debug_spin_lock_before(raw_spinlock_t *lock)
{
	if (unlikely(lock->magic != SPINLOCK_MAGIC))
		spin_bug(lock, "bad magic");
	if (unlikely(lock->owner == current)) {
		spin_bug(lock, "recursion");
		return false;
	}
	return true;
}

static void debug_spin_lock_after(raw_spinlock_t *lock)
{
	lock->owner_cpu = raw_smp_processor_id();
	lock->owner = current;
}

/* Returns false when there is nothing to release. */
static bool debug_spin_unlock(raw_spinlock_t *lock)
{
	if (unlikely(lock->magic != SPINLOCK_MAGIC))
		spin_bug(lock, "bad magic");
	if (unlikely(!arch_spin_is_locked(&lock->raw_lock))) {
		spin_bug(lock, "already unlocked");
		return false;
	}
	if (unlikely(lock->owner != current))
		spin_bug(lock, "wrong owner");
	else if (unlikely(lock->owner_cpu != raw_smp_processor_id()))
		spin_bug(lock, "wrong CPU");
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	return true;
}

void raw_spin_assert_held(raw_spinlock_t *lock)
{
	WARN(lock->owner != current, "lock %s not held by %s/%d",
	     lock->name, current->comm, current->pid);
}

void do_raw_spin_lock(raw_spinlock_t *lock)
{
	if (!debug_spin_lock_before(lock))
		return;
	arch_spin_lock(&lock->raw_lock);
	debug_spin_lock_after(lock);
}

int do_raw_spin_trylock(raw_spinlock_t *lock)
{
	if (!arch_spin_trylock(&lock->raw_lock))
		return 0;
	debug_spin_lock_after(lock);
	return 1;
}

void do_raw_spin_unlock(raw_spinlock_t *lock)
{
	if (debug_spin_unlock(lock))
		arch_spin_unlock(&lock->raw_lock);
}
#else
void do_raw_spin_lock(raw_spinlock_t *lock)
{
	arch_spin_lock(&lock->raw_lock);
}

int do_raw_spin_trylock(raw_spinlock_t *lock)
{
	return arch_spin_trylock(&lock->raw_lock);
}

void do_raw_spin_unlock(raw_spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
}
#endif

void _raw_spin_lock(raw_spinlock_t *lock)
{
	preempt_disable();
	do_raw_spin_lock(lock);
}

void _raw_spin_lock_irq(raw_spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	do_raw_spin_lock(lock);
}

unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	preempt_disable();
	do_raw_spin_lock(lock);
	return flags;
}

int _raw_spin_trylock(raw_spinlock_t *lock)
{
	preempt_disable();
	if (do_raw_spin_trylock(lock))
		return 1;
	preempt_enable();
	return 0;
}

void _raw_spin_unlock(raw_spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	preempt_enable();
}

void _raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
{
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}
