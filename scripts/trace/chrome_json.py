# SPDX-License-Identifier: GPL-2.0
"""chrome_json.py - a Timeline as Chrome Trace Event JSON.

The JSON object format of the Trace Event Format (the one Perfetto's UI
and chrome://tracing open): complete events ("X") for spans, instant
events ("i") for flushes and IPIs raised, flow events ("s" on the
sender, "f" with "bp": "e" on each receiver, one id) for the arrows,
metadata ("M") for the names. Timestamps are microseconds, as the
format wants and as ftrace prints them.

Processes (the format's pid) are the lane groups, threads (tid) the
lanes: 1 CPUs (a lane per CPU: the running task; interrupts and IPIs
nested in it), 2 kmap_local slots (a lane per CPU and slot), 3 kmap()
pool (a lane per pool slot used), 4 tasks (a lane per task: its system
calls and page faults).
"""

PID_CPUS, PID_SLOTS, PID_POOL, PID_TASKS = 1, 2, 3, 4
GROUPS = {PID_CPUS: 'CPUs', PID_SLOTS: 'kmap_local slots',
	  PID_POOL: 'kmap() pool', PID_TASKS: 'tasks'}


def _meta(pid, tid, name, sort):
	m = [{'ph': 'M', 'name': 'thread_name', 'pid': pid, 'tid': tid, 'ts': 0,
	      'args': {'name': name}},
	     {'ph': 'M', 'name': 'thread_sort_index', 'pid': pid, 'tid': tid, 'ts': 0,
	      'args': {'sort_index': sort}}]
	return m


def _span(pid, tid, span, cat):
	start, end, label, who = span
	ev = {'ph': 'X', 'name': label, 'cat': cat, 'pid': pid, 'tid': tid,
	      'ts': start, 'dur': max(end - start, 0)}
	if isinstance(who, int):
		ev['args'] = {'pid': who}
	return ev


def _lanes(tl):
	"""Metadata and spans of every lane."""
	out = []
	for pid, name in GROUPS.items():
		out.append({'ph': 'M', 'name': 'process_name', 'pid': pid, 'tid': 0,
			    'ts': 0, 'args': {'name': name}})
		out.append({'ph': 'M', 'name': 'process_sort_index', 'pid': pid,
			    'tid': 0, 'ts': 0, 'args': {'sort_index': pid}})
	for cpu in range(tl.ncpus):
		out += _meta(PID_CPUS, cpu, 'CPU %d' % cpu, cpu)
		for start, end, comm, pid in tl.cpu_tasks[cpu]:
			out.append(_span(PID_CPUS, cpu, (start, end, '%s-%d' % (comm, pid),
							 pid), 'sched'))
		out += [_span(PID_CPUS, cpu, s, s[3]) for s in tl.cpu_spans[cpu]]
	for n, (cpu, slot) in enumerate(sorted(tl.slots)):
		tid = cpu * 1000 + slot
		out += _meta(PID_SLOTS, tid, 'CPU %d slot %d' % (cpu, slot), n)
		out += [_span(PID_SLOTS, tid, s, 'kmap_local') for s in tl.slots[(cpu, slot)]]
	for slot in sorted(tl.pool):
		out += _meta(PID_POOL, slot, 'pool slot %d' % slot, slot)
		out += [_span(PID_POOL, slot, s, 'kmap') for s in tl.pool[slot]]
	for pid in sorted(tl.task_spans):
		out += _meta(PID_TASKS, pid, '%s-%d' % (tl.comms.get(pid, '?'), pid), pid)
		out += [_span(PID_TASKS, pid, s, s[3]) for s in tl.task_spans[pid]]
	return out


def _points(tl):
	"""Instants, and a flow per IPI raised that some CPU took."""
	out = []
	for ts, cpu, label, kind in tl.instants:
		out.append({'ph': 'i', 's': 't', 'name': label, 'cat': kind,
			    'pid': PID_CPUS, 'tid': cpu, 'ts': ts})
	for fid, ((cpu, ts), dests) in sorted(tl.flows.items()):
		for n, (dcpu, dts) in enumerate(dests):
			ident = '%s.%d' % (fid, n)	# one arrow per receiver
			out.append({'ph': 's', 'id': ident, 'name': 'ipi', 'cat': 'ipi',
				    'pid': PID_CPUS, 'tid': cpu, 'ts': ts})
			out.append({'ph': 'f', 'bp': 'e', 'id': ident, 'name': 'ipi',
				    'cat': 'ipi', 'pid': PID_CPUS, 'tid': dcpu, 'ts': dts})
	return out


def to_chrome(tl):
	"""The JSON object: {"traceEvents": [...], ...}."""
	evs = _lanes(tl) + _points(tl)
	evs.sort(key=lambda e: (e['ph'] != 'M', e['ts']))
	other = {'scenario': tl.name, 'lost': {str(c): n for c, n in tl.lost.items()}}
	return {'traceEvents': evs, 'displayTimeUnit': 'ns', 'otherData': other}
