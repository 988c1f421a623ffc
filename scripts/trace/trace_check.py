#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""trace_check.py - the trace pictures are well formed (a make test host
check; docs/trace.md).

Draws every dump of the fixture log (scripts/trace/fixtures/
scenarios.log, from a real tcg-trace-scenarios boot) and, when make
test booted it, of build/test-logs/tcg-trace-scenarios.log, and checks:

  JSON  it parses; every event has ph, ts, pid and tid of the right
	types; spans have dur >= 0; each CPU's task spans are in time
	order and never overlap; every flow id has one start ("s") and
	one end ("f"), the end no earlier in the list than its start
  SVG   it parses as XML; one CPU lane per CPU of the dump (#P), a slot
	lane when kmap_local events are there; an arrow per IPI taken
  HTML  no <script>, nothing fetched from the network
  the scenarios: each one the boot ran is there, and shows its story

Ends with "N passed, N failed, N skipped", as the runner's host checks do.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from ftrace_log import read_dumps		# noqa: E402
from timeline import Timeline			# noqa: E402
from chrome_json import PID_CPUS, to_chrome	# noqa: E402
from timeline_svg import to_html, to_svg	# noqa: E402
import browser_smoke				# noqa: E402

FIXTURE = os.path.join(HERE, 'fixtures/scenarios.log')
BOOT_LOG = os.path.join(ROOT, 'build/test-logs/tcg-trace-scenarios.log')
SCENARIOS = ('preempt_local', 'irq_on_task', 'pool_wrap', 'wrong_order_unmap',
	     'fault_in_local', 'fault_sleeps_in_local')
SVG_NS = '{http://www.w3.org/2000/svg}'


class Counter:
	def __init__(self):
		self.n = [0, 0, 0]

	def check(self, what, problems):
		"""problems: a list of strings, empty when all is well."""
		print('%-7s %s' % ('not ok' if problems else 'ok', what))
		for p in problems[:5]:
			print('        | %s' % p)
		self.n[1 if problems else 0] += 1

	def skip(self, what, why):
		print('skip    %s: %s' % (what, why))
		self.n[2] += 1


def event_problems(ev):
	"""Fields every event must have, of the types the format says."""
	out = []
	for k, e in enumerate(ev):
		if e.get('ph') not in ('X', 'i', 's', 'f', 'M'):
			out.append('event %d: ph %r' % (k, e.get('ph')))
		for f in ('ts', 'pid', 'tid'):
			if not isinstance(e.get(f), (int, float)):
				out.append('event %d (%s): no numeric %s' % (k, e.get('name'), f))
		if e.get('ph') == 'X' and not (isinstance(e.get('dur'), (int, float))
					       and e['dur'] >= 0):
			out.append('event %d (%s): dur %r' % (k, e.get('name'), e.get('dur')))
		if e.get('ph') != 'M' and not e.get('name'):
			out.append('event %d: no name' % k)
	return out


def order_problems(ev):
	"""Each CPU's task spans: in time order, not overlapping."""
	out, last = [], {}
	for e in ev:
		if e['ph'] != 'X' or e['pid'] != PID_CPUS or e.get('cat') != 'sched':
			continue
		prev = last.get(e['tid'])
		if prev and e['ts'] < prev['ts'] + prev['dur']:
			out.append('CPU %d: %s at %s starts before %s ends' % (
				e['tid'], e['name'], e['ts'], prev['name']))
		last[e['tid']] = e
	return out


def flow_problems(ev):
	"""Every flow id: exactly one start and one end, the start first."""
	ends = {}
	for k, e in enumerate(ev):
		if e['ph'] in ('s', 'f'):
			ends.setdefault(e.get('id'), []).append((e['ph'], k, e.get('bp')))
	out = []
	for ident, got in ends.items():
		phs = [g[0] for g in got]
		if sorted(phs) != ['f', 's']:
			out.append('flow %s: %s' % (ident, ''.join(phs)))
		elif got[0][0] != 's' or got[1][2] != 'e':
			out.append('flow %s: the end before the start, or no "bp": "e"' % ident)
	return out


def svg_problems(svg_text, dump, tl):
	try:
		root = ET.fromstring(svg_text)
	except ET.ParseError as e:
		return ['not well-formed XML: %s' % e]
	lanes = {}
	for g in root.iter(SVG_NS + 'g'):
		if g.get('class') == 'lane':
			lanes.setdefault(g.get('data-group'), []).append(g.get('data-lane'))
	out = []
	if len(lanes.get('cpu', [])) != dump.ncpus:
		out.append('%d CPU lanes for #P:%d' % (len(lanes.get('cpu', [])), dump.ncpus))
	if any(e['event'].startswith('kmap_local') for e in dump.events) and \
	   not lanes.get('slot'):
		out.append('kmap_local events but no slot lane')
	arrows = [l for l in root.iter(SVG_NS + 'line') if l.get('class') == 'flow']
	taken = sum(len(d) for _, d in tl.flows.values())
	if len(arrows) != taken:
		out.append('%d arrows for %d IPIs taken' % (len(arrows), taken))
	return out


def html_problems(html):
	out = []
	if re.search(r'<script', html, re.I):
		out.append('a <script>')
	for url in re.findall(r'(?:src|href)\s*=\s*["\']?([^"\' >]+)', html, re.I):
		out.append('fetches %s' % url)
	if re.search(r'url\((?!#)', html):
		out.append('a CSS url()')
	return out


def story_problems(name, tl):
	"""What each scenario's picture must show (the KUnit case checks the
	events themselves)."""
	if name == 'preempt_local':
		owners = [s[3] for spans in tl.slots.values() for s in spans]
		changes = sum(1 for a, b in zip(owners, owners[1:]) if a != b)
		return [] if changes >= 3 else ['slot owners change %d times, not >= 3' % changes]
	if name == 'pool_wrap':
		taken = sum(len(d) for _, d in tl.flows.values())
		return [] if taken == tl.ncpus - 1 else \
			['%d IPIs taken on %d CPUs' % (taken, tl.ncpus)]
	if name == 'irq_on_task':
		return [] if len(tl.slots) >= 2 else ['one slot lane: no mapping on top']
	if name in ('fault_in_local', 'fault_sleeps_in_local'):
		faults = [s for spans in tl.task_spans.values() for s in spans
			  if s[3] == 'fault' and 'resolved' in s[2]]
		return [] if faults else ['no resolved fault span']
	return []


KTAP_RESULT_RE = re.compile(r'\bok \d+ (\w+)')


def check_log(c, path, label):
	"""Every scenario case the log ran (KTAP result) dumped; each dump."""
	with open(path, encoding='utf-8', errors='replace') as f:
		lines = f.readlines()
	dumps = read_dumps(lines)
	names = [d.name for d in dumps]
	ran = [s for s in SCENARIOS if s in KTAP_RESULT_RE.findall(''.join(lines))]
	if not ran:
		c.check('%s: scenario cases ran' % label, ['no KTAP result for any of %s'
							      % ', '.join(SCENARIOS)])
	c.check('%s: every scenario case that ran dumped its trace (%d)' % (label, len(ran)),
		['%s missing' % s for s in ran if s not in names])
	for d in dumps:
		try:
			check_dump(c, d, '%s: %s' % (label, d.name))
		except Exception as e:		# a crash in the tool is a failure too
			c.check('%s: %s: drawn' % (label, d.name), ['%s: %s' % (type(e).__name__, e)])


def check_dump(c, d, what):
	tl = Timeline(d)
	text = json.dumps(to_chrome(tl))
	ev = json.loads(text)['traceEvents']
	c.check(what + ': JSON events well formed',
		event_problems(ev) + order_problems(ev))
	c.check(what + ': JSON flows paired', flow_problems(ev))
	svg = to_svg(tl)
	c.check(what + ': SVG well formed, its lanes there', svg_problems(svg, d, tl))
	c.check(what + ': HTML self-contained', html_problems(to_html(tl, svg, d.text)))
	c.check(what + ': the picture tells the story', story_problems(d.name, tl))


def check_browser(c):
	"""Each fixture page opened in headless chromium, if there is one."""
	if not browser_smoke.browser():
		c.skip('fixture pages in a browser', 'no chromium (apt-get install chromium)')
		return
	with open(FIXTURE, encoding='utf-8') as f:
		dumps = read_dumps(f)
	out = tempfile.mkdtemp(prefix='trace-check-')
	for d in dumps:
		tl = Timeline(d)
		svg = to_svg(tl)
		html = os.path.join(out, d.name + '.html')
		with open(html, 'w', encoding='utf-8') as f:
			f.write(to_html(tl, svg, d.text))
		nlanes = svg.count('<g class="lane"')
		try:
			problems = browser_smoke.smoke(html, nlanes)
		except (OSError, RuntimeError, ValueError, subprocess.SubprocessError) as e:
			problems = ['%s: %s' % (type(e).__name__, e)]
		c.check('fixture: %s: chromium shows its %d lanes (%d CPUs)' % (
			d.name, nlanes, d.ncpus), problems)


def main():
	c = Counter()
	check_log(c, FIXTURE, 'fixture')
	check_browser(c)
	if os.path.exists(BOOT_LOG):
		check_log(c, BOOT_LOG, 'tcg-trace-scenarios')
	else:
		c.skip('tcg-trace-scenarios', 'no log (make test boots it first)')
	print('%d passed, %d failed, %d skipped' % tuple(c.n))
	return 1 if c.n[1] else 0


if __name__ == '__main__':
	sys.exit(main())
