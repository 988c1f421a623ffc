/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H
/*
 * Static keys, as Linux's: a branch that costs one nop while it is off,
 * for code that is almost always off -- trace events (include/trace/
 * events/). The branch is rewritten in the kernel's text when the key
 * changes (arch/x86/kernel/jump_label.c), which is slow and may sleep:
 * only from process context, never with IRQs off.
 *
 *	DEFINE_STATIC_KEY_FALSE(key);
 *	if (static_branch_unlikely(&key))
 *		do_the_rare_thing();
 *	static_branch_enable(&key);	// every such branch now jumps
 *
 * The key must be a link-time constant at every branch (the __jump_table
 * entry names it): a global, or an element of a global array with a
 * constant index. Only the false-by-default, unlikely flavour is here.
 */
#include <linux/types.h>
#include <linux/atomic.h>
#include <asm/jump_label.h>

struct static_key {
	atomic_t enabled;	/* 0 or 1: how the branches are patched */
};

struct static_key_false {
	struct static_key key;
};

#define STATIC_KEY_FALSE_INIT { .key = { .enabled = ATOMIC_INIT(0) } }
#define DEFINE_STATIC_KEY_FALSE(name) \
	struct static_key_false name = STATIC_KEY_FALSE_INIT
#define DECLARE_STATIC_KEY_FALSE(name) extern struct static_key_false name

#define static_branch_unlikely(x) unlikely(arch_static_branch(&(x)->key))

static inline bool static_key_enabled(struct static_key *key)
{
	return atomic_read(&key->enabled) > 0;
}

/* kernel/jump_label.c; may sleep (the text is patched with CPUs parked) */
void static_key_enable(struct static_key *key);
void static_key_disable(struct static_key *key);
#define static_branch_enable(x) static_key_enable(&(x)->key)
#define static_branch_disable(x) static_key_disable(&(x)->key)

/* arch/x86/kernel/jump_label.c: set one branch to jmp (on) or nop (off) */
void arch_jump_label_transform(const struct jump_entry *entry, bool on);
void arch_jump_label_transform_apply(void);

#endif /* _LINUX_JUMP_LABEL_H */
