// SPDX-License-Identifier: GPL-2.0
/*
 * The trace events' static keys (<kmaplab/trace.h>): each follows its
 * bit of trace_events_enabled, so that a hook whose event is off is a
 * nop in the text (docs/performance.md measures it). The context
 * switch's key follows two bits, sched_switch and kmap_local_sched_out.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <kmaplab/trace.h>

struct static_key_false trace_event_keys[TRACE_NR_EVENTS] = {
	[0 ... TRACE_NR_EVENTS - 1] = STATIC_KEY_FALSE_INIT
};

struct static_key_false trace_switch_key = STATIC_KEY_FALSE_INIT;

static DEFINE_MUTEX(trace_keys_mutex);

static u32 trace_event_keys_on(void)
{
	u32 on = 0;
	int id;

	for (id = 0; id < TRACE_NR_EVENTS; id++)
		if (static_key_enabled(&trace_event_keys[id].key))
			on |= 1u << id;
	return on;
}

static bool trace_keys_in_step(u32 mask)
{
	return trace_event_keys_on() == mask &&
	       static_key_enabled(&trace_switch_key.key) ==
	       !!(mask & TRACE_SWITCH_EVENTS);
}

static void trace_key_set(struct static_key_false *key, bool on)
{
	if (on)
		static_branch_enable(key);
	else
		static_branch_disable(key);
}

/*
 * Under a mutex: two callers must not leave a key out of step with its
 * bit. Keys already in step return at once, without sleeping: that is
 * trace_resume() after a trace_pause() that nothing changed in between.
 */
void trace_event_keys_sync(void)
{
	bool early = !scheduler_running;	/* command line: one CPU */
	u32 mask;
	int id;

	if (trace_keys_in_step(READ_ONCE(trace_events_enabled)))
		return;
	if (!early)
		mutex_lock(&trace_keys_mutex);
	mask = READ_ONCE(trace_events_enabled);
	for (id = 0; id < TRACE_NR_EVENTS; id++)
		trace_key_set(&trace_event_keys[id], mask & (1u << id));
	trace_key_set(&trace_switch_key, mask & TRACE_SWITCH_EVENTS);
	if (!early)
		mutex_unlock(&trace_keys_mutex);
}
