// SPDX-License-Identifier: GPL-2.0
/*
 * The trace events' static keys (<kmaplab/trace.h>): each follows its
 * bit of trace_events_enabled, so that a hook whose event is off is a
 * nop in the text (docs/performance.md measures it).
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <kmaplab/trace.h>

struct static_key_false trace_event_keys[TRACE_NR_EVENTS] = {
	[0 ... TRACE_NR_EVENTS - 1] = STATIC_KEY_FALSE_INIT
};

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

	if (trace_event_keys_on() == READ_ONCE(trace_events_enabled))
		return;
	if (!early)
		mutex_lock(&trace_keys_mutex);
	mask = READ_ONCE(trace_events_enabled);
	for (id = 0; id < TRACE_NR_EVENTS; id++) {
		if (mask & (1u << id))
			static_branch_enable(&trace_event_keys[id]);
		else
			static_branch_disable(&trace_event_keys[id]);
	}
	if (!early)
		mutex_unlock(&trace_keys_mutex);
}
