# SPDX-License-Identifier: GPL-2.0
"""timeline.py - one trace dump as lanes of spans, instants and flows.

Both pictures (chrome_json.py, timeline_svg.py) draw this model:

  cpu_tasks[cpu]      (start, end, comm, pid): who ran, from sched_switch
  cpu_spans[cpu]      (start, end, label, kind): interrupts, IPIs taken
  slots[(cpu, slot)]  (start, end, label, pid): whose page a kmap_local
                      slot holds (map/sched_in open, unmap/sched_out close)
  pool[slot]          (start, end, label, pid): a kmap() pool slot in use
  task_spans[pid]     (start, end, label, kind): system calls, faults
  instants            (ts, cpu, label, kind): flushes, IPIs raised, wraps,
                      sleeps and wakes
  flows               (id, (cpu, ts), [(cpu, ts), ...]): IPI sender ->
                      receivers, tied by the ipi events' flow= field

A span whose start fell out of the buffer starts at t0; one still open at
the end of the dump ends at t1.
"""


class Timeline:
	def __init__(self, dump):
		ev = dump.events
		self.name = dump.name
		self.lost = dump.lost
		self.t0 = min((e['ts'] for e in ev), default=0)
		self.t1 = max((e['ts'] for e in ev), default=0) + 1
		self.ncpus = max([dump.ncpus] + [e['cpu'] + 1 for e in ev])
		self.cpu_tasks = {c: [] for c in range(self.ncpus)}
		self.cpu_spans = {c: [] for c in range(self.ncpus)}
		self.slots, self.pool, self.task_spans = {}, {}, {}
		self.instants, self.flows, self.comms = [], {}, {}
		self._open = {}
		self._running = {}
		for e in ev:
			self.comms.setdefault(e['pid'], e['comm'])
			self._event(e)
		self._close_all()

	# -- spans opened by one event, closed by a later one ----------------
	def _push(self, key, ts, label, extra):
		self._open.setdefault(key, []).append((ts, label, extra))

	def _pop(self, key, ts, label, extra):
		"""Close key's innermost span at ts (or make one from t0)."""
		stack = self._open.get(key)
		if stack:
			return self._popped(stack.pop(), ts)
		return (self.t0, ts, label, extra)

	@staticmethod
	def _popped(opened, ts):
		return (opened[0], ts, opened[1], opened[2])

	def _store(self, key, span):
		kind, k = key[0], key[1:]
		if kind == 'slot':
			self.slots.setdefault(k, []).append(span)
		elif kind == 'pool':
			self.pool.setdefault(k[0], []).append(span)
		elif kind == 'task':
			self.task_spans.setdefault(k[0], []).append(span)
		elif kind == 'cpu':
			self.cpu_spans[k[0]].append(span)

	def _close(self, key, ts, label='?', extra=None):
		self._store(key, self._pop(key, ts, label, extra))

	def _close_all(self):
		for key, stack in self._open.items():
			while stack:
				self._store(key, self._popped(stack.pop(), self.t1))
		for cpu, (start, comm, pid) in self._running.items():
			self.cpu_tasks[cpu].append((start, self.t1, comm, pid))

	# -- the events ------------------------------------------------------
	def _event(self, e):
		cpu, ts, a, name = e['cpu'], e['ts'], e['args'], e['event']
		if cpu not in self._running:
			self._running[cpu] = (self.t0, e['comm'], e['pid'])
		handler = getattr(self, '_on_' + name, None)
		if handler:
			handler(e, cpu, ts, a)
		elif name.startswith('kmap_local'):
			self._on_kmap_local(e, cpu, ts, a)

	def _on_sched_switch(self, e, cpu, ts, a):
		start, comm, pid = self._running[cpu]
		self.cpu_tasks[cpu].append((start, ts, comm, pid))
		npid = int(a.get('next_pid', 0))
		ncomm = a.get('next_comm', '?')
		self.comms.setdefault(npid, ncomm)
		self._running[cpu] = (ts, '<idle>' if npid == 0 else ncomm, npid)

	def _on_kmap_local(self, e, cpu, ts, a):
		key = ('slot', cpu, int(a.get('slot', 0)))
		label = '%s-%d pfn %s' % (e['comm'], e['pid'], a.get('pfn', '?'))
		if e['event'] in ('kmap_local_map', 'kmap_local_sched_in'):
			self._push(key, ts, label, e['pid'])
		else:
			self._close(key, ts, label, e['pid'])

	def _on_kmap_high_map(self, e, cpu, ts, a):
		key = ('pool', int(a['slot']))
		if a.get('count') == '2':		# first user
			self._push(key, ts, 'pfn %s' % a.get('pfn'), e['pid'])

	def _on_kmap_high_unmap(self, e, cpu, ts, a):
		if a.get('count') == '1':		# last user gone
			self._close(('pool', int(a['slot'])), ts, 'pfn %s' % a.get('pfn'),
				    e['pid'])

	def _instant(self, e, label, kind):
		self.instants.append((e['ts'], e['cpu'], label, kind))

	def _on_kmap_high_wrap(self, e, cpu, ts, a):
		self._instant(e, 'pool wrap', 'wrap')

	def _on_kmap_high_sleep(self, e, cpu, ts, a):
		self._instant(e, '%s-%d sleeps: pool full' % (e['comm'], e['pid']), 'sleep')

	def _on_kmap_high_wake(self, e, cpu, ts, a):
		self._instant(e, 'wake (slot %s free)' % a.get('slot'), 'wake')

	def _on_tlb_flush(self, e, cpu, ts, a):
		pages = e['fields'].split()[0].replace('pages:', '')
		what = 'full' if pages == '-1' else '%s page(s)' % pages
		self._instant(e, 'tlb flush %s (%s)' % (what, e['paren']), 'flush')

	def _on_ipi_raise(self, e, cpu, ts, a):
		self._instant(e, 'ipi_raise to %s (%s)' % (a.get('target_mask'), e['paren']),
			      'ipi')
		self.flows[a.get('flow')] = ((cpu, ts), [])

	def _on_ipi_entry(self, e, cpu, ts, a):
		self._push(('cpu', cpu), ts, 'IPI: %s' % e['paren'], 'ipi')
		flow = self.flows.get(a.get('flow'))
		if flow:
			flow[1].append((cpu, ts))

	def _on_ipi_exit(self, e, cpu, ts, a):
		self._close(('cpu', cpu), ts, 'IPI', 'ipi')

	def _on_irq_vector_entry(self, e, cpu, ts, a):
		self._push(('cpu', cpu), ts, 'irq %s' % e['paren'], 'irq')

	def _on_irq_vector_exit(self, e, cpu, ts, a):
		self._close(('cpu', cpu), ts, 'irq', 'irq')

	def _on_page_fault_user(self, e, cpu, ts, a):
		self._push(('task', e['pid']), ts, 'fault %s' % a.get('address'), 'fault')

	_on_page_fault_kernel = _on_page_fault_user

	def _on_page_fault_exit(self, e, cpu, ts, a):
		self._close(('task', e['pid']), ts, 'fault', 'fault')
		spans = self.task_spans[e['pid']]
		s = spans[-1]
		spans[-1] = (s[0], s[1], '%s %s' % (s[2], a.get('result')), s[3])

	def _on_sys_enter(self, e, cpu, ts, a):
		nr = e['fields'].split()[1] if len(e['fields'].split()) > 1 else '?'
		self._push(('task', e['pid']), ts, 'syscall %s' % nr, 'syscall')

	def _on_sys_exit(self, e, cpu, ts, a):
		self._close(('task', e['pid']), ts, 'syscall', 'syscall')
		spans = self.task_spans[e['pid']]
		s = spans[-1]
		ret = e['fields'].split('=')[-1].strip()
		spans[-1] = (s[0], s[1], '%s = %s' % (s[2], ret), s[3])
