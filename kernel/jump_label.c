// SPDX-License-Identifier: GPL-2.0
/*
 * Static keys (<linux/jump_label.h>): turning a key on or off rewrites
 * every branch on it, found through the __jump_table section that the
 * branches' asm fills in (linker.ld gathers it). The rewriting itself
 * is arch/x86/kernel/jump_label.c's; here is the bookkeeping, under one
 * mutex so that two changes never interleave.
 */
#include <linux/kernel.h>
#include <linux/jump_label.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <asm/sections.h>

static DEFINE_MUTEX(jump_label_mutex);

static void jump_label_update(struct static_key *key, bool on)
{
	const struct jump_entry *e;

	for (e = __start___jump_table; e < __stop___jump_table; e++)
		if (e->key == (u32)(unsigned long)key)
			arch_jump_label_transform(e, on);
	arch_jump_label_transform_apply();
}

static void static_key_set(struct static_key *key, bool on)
{
	/* Before the scheduler runs (trace_event= on the command line): one CPU. */
	bool early = !scheduler_running;

	if (!early) {
		might_sleep();
		mutex_lock(&jump_label_mutex);
	}
	if (static_key_enabled(key) != on) {
		jump_label_update(key, on);
		atomic_set(&key->enabled, on);
	}
	if (!early)
		mutex_unlock(&jump_label_mutex);
}

void static_key_enable(struct static_key *key)
{
	static_key_set(key, true);
}

void static_key_disable(struct static_key *key)
{
	static_key_set(key, false);
}
