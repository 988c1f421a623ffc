#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# ktap.py - the runner's KTAP parser and its verdict on one boot.
#
# Ktap takes the serial log a line at a time (KTAP v1 interleaved with any
# other kernel output) and builds the tree of suites and cases; judge()
# weighs that tree against QEMU's exit code and logs.  self_test() checks
# both against scripts/test/fixtures/.  Used by scripts/test/runner.py.

import os
import re
import shlex

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, 'scripts', 'test', 'fixtures')

EXIT_PASS, EXIT_FAIL, EXIT_PANIC = 33, 35, 37	# (V << 1) | 1


# ---------------------------------------------------------------- KTAP --

TS_RE = re.compile(r'^\[\s*\d+\.\d+\] ')
ANSI_RE = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|[\x00-\x08\x0b-\x1f\x7f]')
HDR_RE = re.compile(r'^K?TAP version \d+\s*$')
SUB_RE = re.compile(r'^# Subtest: (.*?)\s*$')
PLAN_RE = re.compile(r'^1\.\.(\d+)\s*$')
RES_RE = re.compile(r'^(not ok|ok) (\d+)(?: -)?(?: (.*?))?(?:\s+#\s*(.*?))?\s*$')
# Every report the kernel can print: a line starting one of these fails
# the run unless a test brackets it (CATCH_RE below).
BAD_RE = re.compile(r'Kernel panic|^\s*(Oops\b|BUG: |WARNING: |Call Trace:|panic: )')
PANIC_RE = re.compile(r'Kernel panic - not syncing.*')
# kunit_catch_oops() brackets an oops a test provokes on purpose:
#     # <case>: expecting an oops from <fn>  ...  # <case>: oops caught: <what>
# A printk capture may do the same with "expecting reports" ... "reports
# done".  The case's result line closes any bracket left open.
CATCH_RE = re.compile(r'^\s*# \S+: expecting (an oops from|reports)\b')
CAUGHT_RE = re.compile(r'^\s*# \S+: (oops caught|no oops from|reports done)')
# First line of a boot.  Seen twice, the kernel restarted under us.
BANNER_RE = re.compile(r'^\s*(kmaplab|Linux) version ')


def clean(raw):
	"""Serial bytes -> the line as printk meant it (no timestamp, no CR,
	no GRUB terminal escapes)."""
	s = ANSI_RE.sub('', raw.replace('\t', '    '))
	return TS_RE.sub('', s, count=1)


class Test:
	def __init__(self, depth, name=None, leaf=False):
		self.depth, self.name, self.leaf = depth, name, leaf
		self.header = False
		self.plan = None
		self.children = []
		self.ok = None		# None: no result line seen
		self.skip = False
		self.number = None
		self.crashed = False

	def missing(self):
		"""Results this test promised but never printed."""
		if self.leaf:
			return 0
		n = 0
		if self.plan is not None:
			n = max(self.plan - len(self.children), 0)
		# lost its own result line: at least that one is missing
		return max(n, 1) if self.crashed else n

	def counts(self):
		"""(passed, failed, skipped, failed case names) of the leaves."""
		if self.leaf:
			if self.ok is False:
				return 0, 1, 0, [self.name]
			return (0, 0, 1, []) if self.skip else (1, 0, 0, [])
		p = f = s = 0
		names = []
		for c in self.children:
			cp, cf, cs, cn = c.counts()
			p, f, s = p + cp, f + cf, s + cs
			names += [c.name + '.' + n if not c.leaf else n for n in cn]
		if self.missing():
			f += self.missing()
		if not self.children and not self.missing() and self.depth:
			# a suite with no cases counts as one, as kunit.py does
			if self.ok is False:
				f += 1
			elif self.skip:
				s += 1
			elif self.ok:
				p += 1
		elif self.ok is False and f == 0:
			f += 1		# "not ok" suite, e.g. suite_init failed
			names.append('(suite result)')
		return p, f, s, names

	def last_case(self):
		if not self.children:
			return 'before its first case'
		c = self.children[-1]
		return 'after case %s (%s)' % (c.number, c.name)


class Ktap:
	"""Streaming KTAP v1 parser: lines go in one at a time, interleaved with
	any other kernel output; on_suite(test) is called as each top-level
	subtest (a KUnit suite) completes."""

	def __init__(self, on_suite=None):
		self.on_suite = on_suite or (lambda t: None)
		self.roots = []
		self.stack = []
		self.problems = []	# parse-level failures, in words
		self.bad = []		# panic/Oops/BUG lines
		self.caught = 0		# the same, provoked by a test on purpose
		self.catching = False	# inside a kunit_catch_oops() bracket
		self.banners = 0
		self.last = ''		# last non-empty log line
		self.end_suite = None	# suite running when the log ended
		self.cut = 'crashed'	# what ended it early, if it did

	def suite(self):
		"""The suite currently running, if any."""
		return self.stack[1] if len(self.stack) > 1 else None

	def _close_above(self, depth):
		"""Tests deeper than depth lost their result line: crashed."""
		while self.stack and self.stack[-1].depth > depth:
			t = self.stack.pop()
			t.crashed = True
			if t.depth == 1:
				self.on_suite(t)

	def _root(self):
		if not self.stack:
			t = Test(0)
			self.roots.append(t)
			self.stack.append(t)
		return self.stack[0]

	def _open(self, depth):
		"""Top of stack at depth, opening a subtest if needed."""
		self._close_above(depth)
		self._root()
		while self.stack[-1].depth < depth:
			t = Test(self.stack[-1].depth + 1)
			# listed now, so a crash inside it is still counted
			self.stack[-1].children.append(t)
			self.stack.append(t)
		return self.stack[-1]

	def _scan(self, line):
		"""Note what any line may be: an Oops (caught by a test or not),
		a catch bracket, the boot banner."""
		if line.lstrip(' '):
			self.last = line.strip()
		if CATCH_RE.match(line):
			self.catching = True
		elif CAUGHT_RE.match(line):
			self.catching = False
		if BAD_RE.search(line):
			if self.catching and 'Kernel panic' not in line:
				self.caught += 1
			else:
				self.bad.append(line.strip())
		if BANNER_RE.match(line):
			self.banners += 1

	def _fresh(self, depth, field):
		"""The test at depth for a new header ("KTAP version") or name
		("# Subtest:") line: the open one, unless it already has that
		field, a plan or results (then a sibling)."""
		top = self._open(depth)
		if getattr(top, field) or top.plan is not None or top.children:
			self._close_above(depth - 1)
			top = self._open(depth)
		return top

	def _result(self, depth, ok, num, name, directive):
		"""An ok/not ok line at depth: the result of a test at depth + 1."""
		name = name or ''
		self.catching = False
		self._root()
		self._close_above(depth + 1)
		if self.stack[-1].depth == depth + 1:
			t = self.stack.pop()	# a subtest that printed its own cases
			if t.name and name and t.name != name:
				self.problems.append('result "%s" closes subtest "%s"'
						     % (name, t.name))
			self._open(depth)
		else:
			t = Test(depth + 1, leaf=True)
			self._open(depth).children.append(t)
		t.name = t.name or name
		t.ok = ok == 'ok'
		t.number = int(num)
		t.skip = bool(directive and directive.upper().startswith('SKIP'))
		if t.depth == 1:
			self.on_suite(t)

	def feed(self, raw):
		line = clean(raw.rstrip('\r\n'))
		body = line.lstrip(' ')
		self._scan(line)
		depth = (len(line) - len(body)) // 4
		if HDR_RE.match(body):
			if depth == 0 and self.roots:
				self.problems.append('KTAP output started again (second boot?)')
				self._close_above(0)
				self.stack = []
			self._fresh(depth, 'header').header = True
			return
		m = SUB_RE.match(body)
		if m and depth > 0:
			self._fresh(depth, 'name').name = m.group(1)
			return
		m = PLAN_RE.match(body)
		if m:
			top = self._open(depth)
			if top.plan is not None:
				self.problems.append('second plan for %s'
						     % (top.name or 'the top level'))
			top.plan = int(m.group(1))
			return
		m = RES_RE.match(body)
		if m:
			self._result(depth, *m.groups())

	def done(self):
		"""End of log: whatever is still open crashed."""
		self.end_suite = self.suite()
		self._close_above(0)
		if not self.roots:
			self.problems.append('no KTAP output')
			return
		for r in self.roots:
			if r.plan is None:
				self.problems.append('no top-level plan (1..N)')
			elif len(r.children) > r.plan:
				self.problems.append('plan says 1..%d but %d results'
						     % (r.plan, len(r.children)))
			elif len(r.children) < r.plan:
				self.problems.append('%d of %d suites never started'
						     % (r.plan - len(r.children), r.plan))
		self._walk(self.roots, [])

	def _walk(self, tests, path):
		for t in tests:
			where = path + ([t.name or '?'] if t.depth else [])
			if t.crashed:
				self.problems.append('%s during %s %s %s' % (
					self.cut, 'suite' if t.depth == 1 else 'test',
					'.'.join(where), t.last_case()))
			elif not t.depth:
				pass	# the top-level plan is checked in done()
			elif t.plan is not None and len(t.children) > t.plan:
				self.problems.append('%s: plan says 1..%d but %d results'
						     % ('.'.join(where), t.plan, len(t.children)))
			elif t.plan is not None and len(t.children) < t.plan:
				self.problems.append('%s: %d of %d results missing' % (
					'.'.join(where), t.plan - len(t.children), t.plan))
			self._walk(t.children, where)

	def counts(self):
		"""(passed, failed, skipped, failed names as suite.case)."""
		p = f = s = 0
		names = []
		for r in self.roots:
			cp, cf, cs, cn = r.counts()
			p, f, s, names = p + cp, f + cf, s + cs, names + cn
		return p, f, s, names


def suite_line(t, cut='crashed'):
	"""One line for a finished (or crashed) suite."""
	p, f, s, names = t.counts()
	extra = ', '.join(x for x in (p and '%d passed' % p,
				      s and '%d skipped' % s) if x)
	if t.crashed:
		return '%-7s %s %s' % (cut.upper(), t.name, t.last_case())
	if f:
		shown = ', '.join(names[:5]) + (', ...' if len(names) > 5 else '')
		return 'not ok  %s: %d failed: %s%s' % (
			t.name, f, shown or 'missing results',
			' (%s)' % extra if extra else '')
	return 'ok      %s (%s)' % (t.name, extra or 'no cases')

# ------------------------------------------------------------- verdict --


def unexpected(bad, allow):
	"""The report lines not allowed by the REGEX allow; a Call Trace
	belongs to the report before it, and is allowed with it."""
	out, allowed = [], False
	for b in bad:
		if b.startswith('Call Trace:') and allowed:
			continue
		allowed = bool(allow and re.search(allow, b))
		if not allowed:
			out.append(b)
	return out


def exit_reasons(run, rc, timed_out, elapsed, k, log_text, qemu_text, stderr):
	"""What the way the boot ended says is wrong (a hang, a reset, a
	panic, an exit code) and the log lines run.expect misses."""
	reasons = []
	panic = PANIC_RE.search(log_text)
	panic = panic.group(0).strip() if panic else None

	if timed_out:
		s = k.end_suite
		where = ' in suite %s %s' % (s.name, s.last_case()) if s else ''
		reasons.append('timeout after %ds%s; last line: %s'
			       % (elapsed, where, k.last or '(no output)'))
	elif rc is None:
		pass		# we stopped it; k.problems says why
	elif rc == 0:
		# -d cpu_reset logs "Triple fault" before -no-reboot exits
		if 'Triple fault' in qemu_text:
			why = 'triple fault'
		elif run.engine == 'kvm':	# KVM logs a triple fault as a reset
			why = 'triple fault or guest reset'
		else:
			why = 'guest reset or shutdown'
		reasons.append('no exit device write (%s)' % why)
	elif run.panic:
		if rc != EXIT_PANIC:
			reasons.append('expected a panic matching /%s/, got exit %d'
				       % (run.panic, rc))
		elif not re.search(run.panic, log_text, re.M):
			reasons.append('panicked, but no line matches /%s/: %s'
				       % (run.panic, panic or 'no panic line'))
	elif rc == EXIT_PANIC:
		reasons.append('kernel panic: %s' % (panic or 'exit 37 but no '
						      '"Kernel panic" line'))
	elif rc not in (EXIT_PASS, EXIT_FAIL):
		err = stderr.strip().splitlines()
		reasons.append('QEMU exit %d%s' % (rc, ': ' + err[-1] if err else ''))
	for rx in run.expect:
		if not re.search(rx, log_text, re.M):
			reasons.append('no log line matches /%s/' % rx)
	return reasons


def judge(run, rc, timed_out, elapsed, k, log_text, qemu_text, stderr=''):
	"""Turn one boot into (passed, failed, skipped, reasons); empty reasons
	means the run passed.  qemu_text is the -D log, stderr QEMU's own
	complaints.  Shared by real runs and --self-test."""
	reasons = exit_reasons(run, rc, timed_out, elapsed, k, log_text,
			       qemu_text, stderr)
	if run.panic:	# one case: did it die the way it should?
		return (0, 1, 0, reasons) if reasons else (1, 0, 0, [])

	p, f, s, names = k.counts()
	reasons += k.problems
	if not timed_out and rc == EXIT_FAIL and not f and not k.problems:
		reasons.append('exit 35 (tests failed) but KTAP shows no failure')
	if rc == EXIT_PASS and f and not k.problems:
		reasons.append('exit 33 (all passed) but KTAP has %d failed' % f)
	if f:
		reasons.append('%d test case%s failed%s' % (
			f, 's' if f > 1 else '', ': ' + ', '.join(names[:8]) +
			(', ...' if len(names) > 8 else '') if names else ''))
	if not reasons:
		# an otherwise passing log must still be clean
		bad = unexpected(k.bad, run.allow)
		if bad:
			reasons.append('unexpected: %s' % bad[0])
		if k.banners > 1:
			reasons.append('boot banner seen %d times (kernel restarted)'
				       % k.banners)
	if reasons and not f:
		f = 1
	return p, f, s, reasons

# ----------------------------------------------------------- self-test --


def self_test(new_run, quiet=False):
	"""Judge every fixture in scripts/test/fixtures/; each starts with a
	'#! key=value ...' line giving the boot result and the verdict.
	new_run(name, panic=, allow=) makes the run to judge them as (the
	runner's Run).  Returns the fixtures judged wrongly."""
	bad = []
	names = sorted(f for f in os.listdir(FIXTURES) if f.endswith('.log'))
	for name in names:
		text = open(os.path.join(FIXTURES, name)).read()
		head, _, log = text.partition('\n')
		want = dict(w.split('=', 1) for w in shlex.split(head[2:]))
		run = new_run(name, panic=want.get('panic'), allow=want.get('allow'))
		k = Ktap()
		for l in log.splitlines():
			k.feed(l)
		k.done()
		rc = int(want.get('rc', EXIT_PASS))
		timed_out = 'timeout' in want
		log_text = '\n'.join(clean(l) for l in log.splitlines())
		p, f, s, reasons = judge(run, rc, timed_out, 300, k, log_text,
					 want.get('qemu', ''), want.get('stderr', ''))
		got = '%d/%d/%d' % (p, f, s)
		errs = []
		if got != want['counts']:
			errs.append('counts %s, want %s' % (got, want['counts']))
		if bool(reasons) != (want['verdict'] == 'fail'):
			errs.append('verdict %s' % ('fail' if reasons else 'pass'))
		for r in want.get('reason', '').split('|'):
			if r and not any(r in x for x in reasons):
				errs.append('no reason containing "%s"' % r)
		line = '%-7s %s  %s %s' % ('ok' if not errs else 'not ok', name,
					   got, '; '.join(errs or reasons))
		if errs:
			bad.append(line)
		if not quiet:
			print(line)
	if not quiet:
		print('%d passed, %d failed, 0 skipped'
		      % (len(names) - len(bad), len(bad)))
	return bad
