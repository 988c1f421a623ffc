# SPDX-License-Identifier: GPL-2.0
"""timeline_svg.py - a Timeline as one SVG picture, and an HTML page
around it: no script, no font or style from the network, so it opens
offline, on a projector (large type, strong colours) and on paper.

Lanes, top to bottom: one per CPU (the running task; interrupts and
IPIs taken as a dark strip in its lower part; flushes, IPIs raised and
pool wraps as marks on top; an arrow from each IPI raised to each CPU
that took it), one per kmap_local slot used (whose page is in it), one
per kmap() pool slot used, one per task with system calls or faults.
Every shape has a <title>: hover to read the event.
"""

from xml.sax.saxutils import escape, quoteattr

W, LEFT, RIGHT, TOP, LANE, GAP = 1600, 230, 20, 70, 34, 6
PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b',
	   '#e377c2', '#17becf', '#bcbd22', '#7f7f7f', '#393b79', '#637939']
KIND_COLOUR = {'irq': '#444444', 'ipi': '#6a00a8', 'syscall': '#4e79a7',
	       'fault': '#e15759', 'flush': '#000000', 'wrap': '#ff7f0e',
	       'sleep': '#555555', 'wake': '#2ca02c'}
POOL_LANES_MAX = 24


def colour(pid):
	return '#cccccc' if pid == 0 else PALETTE[pid % len(PALETTE)]


class Svg:
	def __init__(self, tl):
		self.tl, self.parts, self.y = tl, [], TOP
		self.lane_y = {}
		span = max(tl.t1 - tl.t0, 1)
		self.x = lambda ts: LEFT + (ts - tl.t0) * (W - LEFT - RIGHT) / span

	def add(self, s):
		self.parts.append(s)

	def rect(self, x0, x1, y, h, fill, tip, label=None, fg='#ffffff'):
		w = max(x1 - x0, 1.5)
		self.add('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s">'
			 '<title>%s</title></rect>' % (x0, y, w, h, fill, escape(tip)))
		if label and w > 9 * len(label):
			self.add('<text x="%.1f" y="%.1f" class="in" fill="%s">%s</text>'
				 % (x0 + 4, y + h - 10, fg, escape(label)))

	def lane(self, group, key, name, draw):
		"""A lane: its name on the left, a band, then draw(y)."""
		y = self.y
		self.lane_y[key] = y
		self.add('<g class="lane" data-group=%s data-lane=%s>' %
			 (quoteattr(group), quoteattr(name)))
		self.add('<rect x="%d" y="%d" width="%d" height="%d" class="band" fill="#f2f2f2"/>'
			 % (LEFT, y, W - LEFT - RIGHT, LANE))
		self.add('<text x="%d" y="%d" class="name">%s</text>'
			 % (LEFT - 8, y + LANE - 11, escape(name)))
		draw(y)
		self.add('</g>')
		self.y += LANE + GAP

	def heading(self, text):
		self.y += 8
		self.add('<text x="10" y="%d" class="group">%s</text>' % (self.y + 16, escape(text)))
		self.y += 26


def _us(t):
	return '%d.%06d s' % (t // 1000000, t % 1000000)


def _cpu_lane(svg, cpu):
	tl = svg.tl

	def draw(y):
		for start, end, comm, pid in tl.cpu_tasks[cpu]:
			svg.rect(svg.x(start), svg.x(end), y, LANE, colour(pid),
				 '%s-%d on CPU %d, %s .. %s' % (comm, pid, cpu, _us(start), _us(end)),
				 '%s-%d' % (comm, pid), '#000000' if pid == 0 else '#ffffff')
		for start, end, label, kind in tl.cpu_spans[cpu]:
			svg.rect(svg.x(start), svg.x(end), y + LANE - 9, 9,
				 KIND_COLOUR.get(kind, '#000'), '%s, %s .. %s' % (label, _us(start), _us(end)))
		for ts, c, label, kind in tl.instants:
			if c == cpu:
				x = svg.x(ts)
				svg.add('<path d="M%.1f %d l-7 -11 h14 z" fill="%s" stroke="#000000">'
					'<title>%s at %s'
					'</title></path>' % (x, y + 10, KIND_COLOUR.get(kind, '#000'),
							    escape(label), _us(ts)))
	svg.lane('cpu', ('cpu', cpu), 'CPU %d' % cpu, draw)


def _span_lane(svg, group, key, name, spans, fill):
	def draw(y):
		for start, end, label, who in spans:
			svg.rect(svg.x(start), svg.x(end), y + 3, LANE - 6, fill(who, label),
				 '%s: %s, %s .. %s' % (name, label, _us(start), _us(end)), label)
	svg.lane(group, key, name, draw)


def _flows(svg):
	for fid, ((cpu, ts), dests) in sorted(svg.tl.flows.items()):
		y0 = svg.lane_y[('cpu', cpu)] + 4
		for dcpu, dts in dests:
			y1 = svg.lane_y[('cpu', dcpu)] + LANE / 2
			# the <title> beside the line, in a group: some renderers
			# (ImageMagick) drop a <line> that has children
			svg.add('<g><title>IPI flow %s: CPU %d -> CPU %d</title>'
				'<line class="flow" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" '
				'stroke="#6a00a8" stroke-width="2" marker-end="url(#arrow)"/></g>'
				% (fid, cpu, dcpu, svg.x(ts), y0, svg.x(dts), y1))


def _axis(svg):
	tl = svg.tl
	span = tl.t1 - tl.t0
	steps = [m * 10 ** k for k in range(12) for m in (1, 2, 5)]
	step = next(st for st in steps if span / st <= 10)
	t = 0
	while t <= span:
		x = svg.x(tl.t0 + t)
		svg.add('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="tick" stroke="#dddddd"/>'
			% (x, TOP - 8, x, svg.y))
		svg.add('<text x="%.1f" y="%d" class="axis">+%s</text>'
			% (x + 3, TOP - 12, _dur(t)))
		t += step


def _dur(us):
	return '%g ms' % (us / 1000) if us >= 1000 else '%d µs' % us


def _legend(svg):
	y = svg.y + 20
	x = LEFT
	for kind in ('flush', 'ipi', 'wrap', 'irq', 'syscall', 'fault'):
		svg.add('<rect x="%d" y="%d" width="16" height="16" fill="%s"/>'
			'<text x="%d" y="%d" class="legend">%s</text>'
			% (x, y, KIND_COLOUR[kind], x + 22, y + 14, kind))
		x += 150
	svg.add('<text x="%d" y="%d" class="legend">triangles: marks at one instant; '
		'arrows: an IPI from its sender to each CPU that took it; bars: '
		'coloured by task (grey: idle)</text>' % (LEFT, y + 42))
	svg.y = y + 56


def _lanes(svg):
	tl = svg.tl
	svg.heading('CPUs: the running task')
	for cpu in range(tl.ncpus):
		_cpu_lane(svg, cpu)
	if tl.slots:
		svg.heading('kmap_local slots: whose page is in each')
	for cpu, slot in sorted(tl.slots):
		_span_lane(svg, 'slot', ('slot', cpu, slot), 'CPU %d slot %d' % (cpu, slot),
			   tl.slots[(cpu, slot)], lambda who, l: colour(who))
	pool = sorted(tl.pool)
	if pool:
		svg.heading('kmap() pool slots in use' + (
			' (first %d of %d)' % (POOL_LANES_MAX, len(pool))
			if len(pool) > POOL_LANES_MAX else ''))
	for slot in pool[:POOL_LANES_MAX]:
		_span_lane(svg, 'pool', ('pool', slot), 'pool slot %d' % slot,
			   tl.pool[slot], lambda who, l: colour(who))
	if tl.task_spans:
		svg.heading('tasks: system calls and page faults')
	for pid in sorted(tl.task_spans):
		_span_lane(svg, 'task', ('task', pid), '%s-%d' % (tl.comms.get(pid, '?'), pid),
			   tl.task_spans[pid], lambda who, l: KIND_COLOUR.get(who, '#777'))


STYLE = ('text{font-family:DejaVu Sans,Arial,sans-serif}'
	 '.name{font-size:16px;text-anchor:end;fill:#000}'
	 '.in{font-size:14px}.group{font-size:18px;font-weight:bold}'
	 '.axis,.legend{font-size:14px;fill:#333}.band{fill:#f2f2f2}'
	 '.tick{stroke:#ddd;stroke-width:1}.title{font-size:22px;font-weight:bold}'
	 '.flow{stroke:#6a00a8;stroke-width:2}')


def to_svg(tl):
	"""The picture, as one standalone SVG document."""
	svg = Svg(tl)
	_lanes(svg)
	body, svg.parts = svg.parts, []
	_axis(svg)			# behind the lanes, as tall as they are
	axis, svg.parts = svg.parts, []
	_flows(svg)			# over them
	_legend(svg)
	lost = ', '.join('CPU %d lost %d' % c for c in sorted(tl.lost.items()))
	title = 'kmaplab trace: %s (%d CPUs, %s)%s' % (
		tl.name, tl.ncpus, _dur(tl.t1 - tl.t0), '; ' + lost if lost else '')
	head = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
		'viewBox="0 0 %d %d">' % (W, svg.y, W, svg.y),
		'<style>%s</style>' % STYLE,
		'<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" '
		'markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 '
		'L0 10 z" fill="#6a00a8"/></marker></defs>',
		'<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>' % (W, svg.y),
		'<text x="10" y="26" class="title">%s</text>' % escape(title)]
	return '\n'.join(head + axis + body + svg.parts + ['</svg>']) + '\n'


def to_html(tl, svg_text, ftrace_text):
	"""A page: the picture, then the ftrace text it was drawn from."""
	return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
		'<title>kmaplab trace: %s</title><style>body{margin:12px;'
		'font-family:DejaVu Sans,Arial,sans-serif}svg{max-width:100%%;height:auto}'
		'pre{font-size:12px}@media print{pre{display:none}'
		'@page{size:landscape}}</style></head><body>\n%s'
		'<details><summary>the ftrace text (%d lines)</summary><pre>%s</pre>'
		'</details>\n</body></html>\n' % (escape(tl.name), svg_text,
						  len(ftrace_text), escape('\n'.join(ftrace_text))))
