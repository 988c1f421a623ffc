# SPDX-License-Identifier: GPL-2.0
"""ftrace_log.py - read the trace dumps out of a kmaplab serial log.

`trace show` (and trace_show() in a test) prints Linux's ftrace `trace`
file between the two rulers of ftrace_dump(), each line behind the
console's "[    s.us] " prefix. A scenario names its dump on the line
before it: "trace scenario: NAME" (tests/trace_scenarios*_test.c).
"""

import re

PREFIX_RE = re.compile(r'^\s*\[\s*\d+\.\d+\]\s?')
# comm may hold '-' and spaces: the last "-PID  [CPU]" ends it
LINE_RE = re.compile(r'^\s*(?P<comm>.*)-(?P<pid>\d+)\s+\[(?P<cpu>\d+)\]\s+'
		     r'(?P<flags>\S{5})\s+(?P<ts>\d+\.\d+): (?P<event>\w+): ?(?P<fields>.*)$')
FIELD_RE = re.compile(r'(\w+)=(\S+)')
PAREN_RE = re.compile(r'\(([^()]*)\)')
SCENARIO_RE = re.compile(r'trace scenario: (\S+)')
HEADER_RE = re.compile(r'entries-in-buffer/entries-written: (\d+)/(\d+)\s+#P:(\d+)')
LOST_RE = re.compile(r'# CPU (\d+) buffer overran: (\d+) oldest events lost')
RULER = '---------------------------------'


class Dump:
	"""One dump: its events (dicts, in order), CPU count, losses, name."""

	def __init__(self, name):
		self.name = name
		self.events = []
		self.ncpus = 0
		self.lost = {}
		self.text = []		# the ftrace file's lines, prefix removed


def parse_line(line):
	"""One event line as a dict, or None."""
	m = LINE_RE.match(line)
	if not m:
		return None
	ev = m.groupdict()
	ev['comm'] = ev['comm'].strip()
	ev['pid'] = int(ev['pid'])
	ev['cpu'] = int(ev['cpu'])
	sec, usec = ev['ts'].split('.')
	ev['ts'] = int(sec) * 1000000 + int(usec)	# microseconds
	ev['args'] = dict(FIELD_RE.findall(ev['fields']))
	paren = PAREN_RE.search(ev['fields'])
	ev['paren'] = paren.group(1) if paren else ''
	return ev


def _take(dump, line):
	"""One line inside the rulers into dump."""
	dump.text.append(line)
	m = HEADER_RE.search(line)
	if m:
		dump.ncpus = int(m.group(3))
		return
	m = LOST_RE.search(line)
	if m:
		dump.lost[int(m.group(1))] = int(m.group(2))
		return
	ev = parse_line(line)
	if ev:
		dump.events.append(ev)


def read_dumps(lines):
	"""Every dump in a serial log, in order, each named by the scenario
	line before it (else dump1, dump2, ...)."""
	dumps, cur, name, rulers = [], None, None, 0
	for raw in lines:
		line = PREFIX_RE.sub('', raw.rstrip('\r\n'))
		m = SCENARIO_RE.search(line)
		if m and cur is None:
			name = m.group(1)
		if line.startswith('Dumping ftrace buffer:'):
			cur = Dump(name or 'dump%d' % (len(dumps) + 1))
			name, rulers = None, 0
			continue
		if cur is None:
			continue
		if line.strip() == RULER:
			rulers += 1
			if rulers == 2:
				dumps.append(cur)
				cur = None
			continue
		_take(cur, line)
	return dumps
