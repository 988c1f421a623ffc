# SPDX-License-Identifier: GPL-2.0
"""grade.py - boot a lab's suites and score what the student's code does.

One boot per lab (a crash in one lab costs that lab only), under QEMU
TCG, with kunit.filter_glob naming the lab's suites and lowmem=32M so
that there is highmem to map. The KTAP output is read case by case; a
failing case keeps the diagnostic lines KUnit printed before it
("Expected ... but ..."), so the terminal says what was expected and
what was seen.
"""

import os
import re
import subprocess

CMDLINE = 'kunit_shutdown=poweroff panic=-1 lowmem=32M'
EXIT_PASS, EXIT_FAIL = 33, 35
STAMP = r'^(?:\[[ \d.]+\] )?'
RES_RE = re.compile(STAMP + r'(\s*)(not ok|ok) \d+ (\S+)(.*)$')
PLAN_RE = re.compile(STAMP + r'(\s+)1\.\.(\d+)\s*$')
DIAG_RE = re.compile(STAMP + r'\s+# (.*)$')


class Result:
	def __init__(self, lab):
		self.lab = lab
		self.rc = None
		self.cases = {}		# case -> True/False, in order
		self.diags = {}		# case -> [lines] for failures
		self.suites = {}	# suite -> ok
		self.planned = 0
		self.timeout = False

	@property
	def total(self):
		return max(self.planned, len(self.cases))

	@property
	def passed(self):
		return sum(self.cases.values())

	@property
	def ok(self):
		return (not self.timeout and self.total > 0 and
			self.passed == self.total and
			all(self.suites.get(s) for s in self.lab.suites))

	def status(self):
		if self.timeout:
			return 'timed out'
		if not self.suites:
			return 'no result (crash? exit %s)' % self.rc
		return '%d/%d cases' % (self.passed, self.total)

	def score(self):
		if not self.total:
			return 0
		return round(self.lab.points * self.passed / self.total)


def parse(result, log):
	pending = []
	for line in open(log, errors='replace'):
		line = re.sub(STAMP, '', line.rstrip('\r\n'))
		m = PLAN_RE.match(line)
		if m and len(m.group(1)) >= 4:
			result.planned += int(m.group(2))
			continue
		m = RES_RE.match(line)
		if m:
			ok = m.group(2) == 'ok' and '# SKIP' not in m.group(4)
			if m.group(1):
				result.cases[m.group(3)] = ok
				if not ok:
					result.diags[m.group(3)] = pending + (
						[m.group(4).strip(' #')] if m.group(4).strip() else [])
			elif m.group(3) in result.lab.suites:
				result.suites[m.group(3)] = ok
			pending = []
			continue
		m = DIAG_RE.match(line)
		if m:
			if 'FAILED at' in m.group(1) or pending:
				pending.append(m.group(1))
		elif pending and line.strip():
			# the rest of a failure: "Expected ...", values, message
			pending.append(line.strip())


def boot(elf, lab, log, timeout=180):
	argv = ['qemu-system-i386', '-accel', 'tcg', '-cpu', 'max', '-m', '128M',
		'-smp', str(lab.smp), '-display', 'none', '-no-reboot',
		'-serial', 'file:' + log,
		'-device', 'isa-debug-exit,iobase=0xf4,iosize=4', '-kernel', elf,
		'-append', 'kunit.filter_glob=lab_%s_* %s' % (lab.num, CMDLINE)]
	result = Result(lab)
	try:
		result.rc = subprocess.run(argv, stdin=subprocess.DEVNULL,
					   stdout=subprocess.DEVNULL,
					   stderr=subprocess.DEVNULL,
					   timeout=timeout).returncode
	except subprocess.TimeoutExpired:
		result.timeout = True
	if os.path.exists(log):
		parse(result, log)
	return result


def show(result, out):
	"""Every case, and for each failure what KUnit said about it."""
	for case, ok in result.cases.items():
		out('  %-6s %s' % ('ok' if ok else 'FAIL', case))
		for line in result.diags.get(case, [])[:40]:
			out('           ' + line)
