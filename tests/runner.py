#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# runner.py - boot kmaplab under QEMU, parse its KTAP output, judge each run.
#
# Every run boots the kernel with kunit_shutdown=poweroff; the kernel leaves
# through isa-debug-exit (33 all passed, 35 some failed, 37 panic).  The
# exit code alone is not trusted: the KTAP on COM1 is parsed too, so a run
# that exits 33 after losing half its suites, or that printed an Oops on
# the way, still fails.  The last line is always "N passed, N failed, N
# skipped", counting test cases over all runs.

import argparse
import os
import re
import shlex
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, 'build')
LOGDIR = os.path.join(BUILD, 'test-logs')
FIXTURES = os.path.join(ROOT, 'tests', 'runner-fixtures')

EXIT_PASS, EXIT_FAIL, EXIT_PANIC = 33, 35, 37	# (V << 1) | 1


class Run:
	"""One boot of the kernel.

	boot	'kernel' (QEMU's Multiboot loader) or 'iso' (GRUB)
	mem	QEMU -m;  qemu: extra QEMU arguments
	cmdline	extra kernel parameters (lowmem=32M ...)
	filter	kunit.filter_glob; None runs every suite
	timeout	seconds before the boot is killed and counted as hung
	panic	REGEX: an "expected crash" run, passing only if the kernel
		panics (exit 37) and some log line matches REGEX
	allow	REGEX: Oops/BUG:/panic lines this run expects (a test that
		provokes a fault on purpose); any other one fails the run
	alone	boot with no other run in parallel (a multi-threaded TCG
		guest uses every host core; sharing them would skew the
		timing tests of both boots)
	expect	REGEXes (multiline) the log must match, e.g. a line each
		case of an in-kernel tool must print
	xcheck	also parse the log with Linux's kunit.py
	kvm	make a kvm- copy of this run when the KVM probe passes
	"""

	def __init__(self, name, boot='kernel', mem='128M', qemu=(), cmdline='',
		     filter=None, timeout=300, panic=None, allow=None,
		     xcheck=False, kvm=True, engine='tcg', expect=(), alone=False):
		self.name, self.boot, self.mem = name, boot, mem
		self.qemu, self.cmdline, self.filter = list(qemu), cmdline, filter
		self.timeout, self.panic, self.allow = timeout, panic, allow
		self.xcheck, self.kvm, self.engine = xcheck, kvm, engine
		self.expect = list(expect)
		self.alone = alone

	def kvm_copy(self):
		r = Run(**{k: v for k, v in vars(self).items()})
		r.name = re.sub(r'^tcg-', '', self.name)
		r.name = 'kvm-' + r.name
		r.engine, r.xcheck = 'kvm', False
		return r


# The run table.  Add RAM sizes, force-map and expected-crash runs here.
# Reports that tests provoke on purpose are bracketed in the log (by
# kunit_catch_oops and printk_capture_start/stop, see CATCH_RE), so no
# run needs an allow list today.
#
# The full suite runs with highmem (lowmem=64M of 256M): most highmem
# tests skip on a boot without it.
FULL = 'lowmem=64M'

# make bench's cases: the smoke run must see every one print its result
# (the same list as EXPECTED in scripts/bench.py).
BENCH_CASES = ('floor', 'invlpg', 'mov_cr3', 'pge_toggle', 'kmap_local',
	       'kmap_local_many', 'kmap_atomic', 'kmap', 'kmap_wrap', 'memcpy',
	       'copy_highpage', 'threads_kmap_local', 'threads_kmap',
	       'switch_0_maps', 'switch_1_map', 'switch_4_maps', 'smp_kmap_local',
	       'smp_kmap', 'smp_kmap_wrap', 'smp_pool_wrap', 'ramdisk_kmap',
	       'ramdisk_local')

RUNS = [
	Run('tcg-kernel', boot='kernel', mem='256M', cmdline=FULL, xcheck=True),
	# Under GRUB the torture runs ~30x slower on TCG (measured: 43 s vs
	# 1.3 s for 10^6 ops, same kernel and memory map) -- most likely
	# TCG's self-modifying-code tracking on pages GRUB ran code from,
	# which become our highmem pages. The -kernel run does the full 10^6.
	Run('tcg-iso', boot='iso', mem='256M',
	    cmdline=FULL + ' kmap_torture.ops=100000'),
	# The debug force-map mode: lowmem pages through the fixmap slots too
	Run('tcg-forcemap', mem='256M', cmdline=FULL + ' kmap_local.force_map=1',
	    filter='kmap*'),
	# RAM-size matrix (mm/): the memory suites at each size
	Run('tcg-16M', mem='16M', filter='mm_*'),
	Run('tcg-128M-lowmem32M', mem='128M', cmdline='lowmem=32M', filter='mm_*'),
	Run('tcg-1G', mem='1G', filter='mm_*'),
	Run('tcg-6G', mem='6G', filter='mm_*'),
	# Pages above 4 GiB through every mapping API
	Run('tcg-6G-kmap', mem='6G', filter='kmap_local'),
	# Expected crash: a kernel stack overflow is named, with the thread
	Run('crash-stack-overflow', mem='128M', cmdline='sched_test_overflow',
	    filter='sched_kthread.kthread_stack_overflow',
	    panic=r"BUG: kernel stack overflow in thread 'overflow'"),
	# make bench's in-kernel benchmarks, quick: that they run to the end
	# without a crash, never how fast (docs/performance.md)
	Run('tcg-bench-smoke', mem='256M', filter='kmap_helpers', kvm=False,
	    cmdline=FULL + ' bench bench.iters=310 bench.engine=tcg',
	    expect=[r'# BENCH \{"case":"%s",' % c for c in BENCH_CASES] +
		   [r'# bench: done, \d+ cases, \d+ results, 0 failed\s*$']),
	# SMP: the whole suite on 4 CPUs, multi-threaded TCG (one host thread
	# per vCPU, so they really run at once); lowmem= gives it highmem
	Run('tcg-smp4', mem='256M', qemu=['-smp', '4'], cmdline=FULL,
	    engine='tcg-mt', kvm=False, alone=True),
]

# Host-driven checks, run after the boots (not when --runs or --filter
# narrows the run): each script boots the kernel its own way and ends with
# the "N passed, N failed, N skipped" line, which is added to the totals.
HOST_CHECKS = [
	('monitor', ['tests/monitor_test.py', '--elf', '{elf}']),	# COM1 dialogue
	('monitor-smp4', ['tests/monitor_test.py', '--elf', '{elf}', '--smp', '4',
			  '--log', 'build/test-logs/monitor-smp4.log']),	# + cpu_down/up
	('labs', ['scripts/labs.py', 'check']),		# reset fails, solution passes
]


def host_check(name, argv, elf):
	"""Run one host check, echoing its lines; (passed, failed, skipped)."""
	cmd = [sys.executable, os.path.join(ROOT, argv[0])] + \
	      [a.format(elf=elf) for a in argv[1:]]
	p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE,
			     stderr=subprocess.STDOUT, universal_newlines=True)
	last = ''
	for line in p.stdout:
		last = line.rstrip('\n')
		print('  [%s] %s' % (name, last), flush=True)
	rc = p.wait()
	m = re.match(r'^(\d+) passed, (\d+) failed, (\d+) skipped$', last)
	if not m:
		return 0, 1, 0
	counts = tuple(int(x) for x in m.groups())
	# a non-zero exit with nothing counted failed is still a failure
	return counts if rc == 0 or counts[1] else (counts[0], 1, counts[2])


ACCEL = {
	'tcg': ['-accel', 'tcg', '-cpu', 'max'],
	'tcg-mt': ['-accel', 'tcg,thread=multi', '-cpu', 'max'],
	# arch-capabilities: some hosts' KVM refuses the MSR for 32-bit guests
	'kvm': ['-enable-kvm', '-cpu', 'host,-arch-capabilities'],
}

# ---------------------------------------------------------------- KTAP --

TS_RE = re.compile(r'^\[\s*\d+\.\d+\] ')
ANSI_RE = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|[\x00-\x08\x0b-\x1f\x7f]')
HDR_RE = re.compile(r'^K?TAP version \d+\s*$')
SUB_RE = re.compile(r'^# Subtest: (.*?)\s*$')
PLAN_RE = re.compile(r'^1\.\.(\d+)\s*$')
RES_RE = re.compile(r'^(not ok|ok) (\d+)(?: -)?(?: (.*?))?(?:\s+#\s*(.*?))?\s*$')
BAD_RE = re.compile(r'Kernel panic|^\s*Oops\b|^\s*BUG: ')
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

	def feed(self, raw):
		line = clean(raw.rstrip('\r\n'))
		body = line.lstrip(' ')
		if body:
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
		depth = (len(line) - len(body)) // 4

		if HDR_RE.match(body):
			if depth == 0 and self.roots:
				self.problems.append('KTAP output started again (second boot?)')
				self._close_above(0)
				self.stack = []
			top = self._open(depth)
			if top.header or top.plan is not None or top.children:
				self._close_above(depth - 1)
				top = self._open(depth)
			top.header = True
			return
		m = SUB_RE.match(body)
		if m and depth > 0:
			top = self._open(depth)
			if top.name or top.plan is not None or top.children:
				self._close_above(depth - 1)
				top = self._open(depth)
			top.name = m.group(1)
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
		if not m:
			return
		ok, num, name, directive = m.groups()
		name = name or ''
		self.catching = False
		# the line reports on a test at depth + 1, child of depth
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


def judge(run, rc, timed_out, elapsed, k, log_text, qemu_text, stderr=''):
	"""Turn one boot into (passed, failed, skipped, reasons); empty reasons
	means the run passed.  qemu_text is the -D log, stderr QEMU's own
	complaints.  Shared by real runs and --self-test."""
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
	for rx in run.expect:
		if not re.search(rx, log_text, re.M):
			reasons.append('no log line matches /%s/' % rx)
	if not reasons:
		# an otherwise passing log must still be clean
		bad = [b for b in k.bad if not (run.allow and re.search(run.allow, b))]
		if bad:
			reasons.append('unexpected: %s' % bad[0])
		if k.banners > 1:
			reasons.append('boot banner seen %d times (kernel restarted)'
				       % k.banners)
	if reasons and not f:
		f = 1
	return p, f, s, reasons

# ---------------------------------------------------------------- runs --


class Runner:
	def __init__(self, args):
		self.args = args
		self.lock = threading.Lock()
		self.results = {}
		self.stop = False

	def say(self, run, msg):
		with self.lock:
			print('  [%s] %s' % (run.name, msg), flush=True)

	def qemu_argv(self, run, log, qlog):
		argv = ['qemu-system-i386'] + ACCEL[run.engine] + [
			'-display', 'none', '-no-reboot', '-serial', 'file:' + log,
			'-device', 'isa-debug-exit,iobase=0xf4,iosize=4',
			'-m', run.mem, '-d', 'cpu_reset,guest_errors', '-D', qlog]
		return argv + run.qemu

	def kernel_cmdline(self, run):
		words = ['kunit_shutdown=poweroff', 'panic=-1']
		# an expected-crash run keeps the filter that makes it crash
		glob = run.filter if run.panic else self.args.filter or run.filter
		if glob:
			words.append('kunit.filter_glob=' + glob)
		return ' '.join(words + ([run.cmdline] if run.cmdline else []))

	def boot(self, run):
		log = os.path.join(LOGDIR, run.name + '.log')
		qlog = os.path.join(LOGDIR, run.name + '.qemu.log')
		for f in (log, qlog):
			if os.path.exists(f):
				os.unlink(f)
		argv = self.qemu_argv(run, log, qlog)
		cmdline = self.kernel_cmdline(run)
		if run.boot == 'iso':
			iso = os.path.join(BUILD, 'test-iso', run.name + '.iso')
			os.makedirs(os.path.dirname(iso), exist_ok=True)
			mk = subprocess.run([os.path.join(ROOT, 'scripts', 'mkiso.sh'),
					     self.args.elf, iso, cmdline],
					    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
					    universal_newlines=True)
			if mk.returncode:
				return None, log, ['mkiso.sh failed: ' + mk.stdout.strip()]
			argv += ['-cdrom', iso, '-boot', 'd']
		else:
			argv += ['-kernel', self.args.elf, '-append', cmdline]
		with open(os.path.join(LOGDIR, run.name + '.cmd'), 'w') as f:
			f.write(' '.join(shlex.quote(a) for a in argv) + '\n')

		k = Ktap(lambda t: self.say(run, suite_line(t, k.cut)))
		timeout = self.args.timeout or run.timeout
		err = open(qlog + '.stderr', 'w+')
		start = time.monotonic()
		p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=err,
				     stderr=subprocess.STDOUT)
		timed_out, buf, pos, grub_err = False, b'', 0, None
		while True:
			rc = p.poll()
			if rc is None and time.monotonic() - start > timeout:
				p.kill()	# our own QEMU, by its Popen handle
				p.wait()
				timed_out = True
			over = rc is not None or timed_out
			try:
				with open(log, 'rb') as f:
					f.seek(pos)
					data = f.read()
					pos += len(data)
			except FileNotFoundError:
				data = b''
			*lines, buf = (buf + data).split(b'\n')
			if over and buf:
				lines, buf = lines + [buf], b''
			for raw in lines:
				raw = raw.decode('utf-8', 'replace')
				if self.args.verbose:
					self.say(run, '| ' + raw.rstrip('\r'))
				k.feed(raw)
				if not k.banners and clean(raw).startswith('error: '):
					grub_err = grub_err or clean(raw).strip()
			# GRUB fell back to its prompt: no kernel is coming
			if not over and not k.banners and b'grub> ' in buf:
				p.kill()
				p.wait()
				k.problems.append('GRUB failed: %s' % (
					grub_err or 'dropped to the grub> prompt'))
				over = True
			if over:
				break
			time.sleep(0.1)
		elapsed = time.monotonic() - start
		if timed_out:
			k.cut = 'hung'
		k.done()
		err.seek(0)
		stderr = err.read()
		err.close()
		os.unlink(qlog + '.stderr')
		qemu_text = ''
		if os.path.exists(qlog):
			qemu_text = open(qlog, errors='replace').read()
		if stderr.strip():
			with open(qlog, 'a') as f:
				f.write('--- qemu stdout/stderr ---\n' + stderr)
		log_text = ''
		if os.path.exists(log):
			log_text = '\n'.join(clean(l) for l in open(
				log, errors='replace').read().splitlines())
		res = judge(run, rc, timed_out, elapsed, k, log_text, qemu_text,
			    stderr)
		return res + (elapsed, rc), log, None

	def worker(self, queue):
		while True:
			with self.lock:
				if not queue or (self.stop and not self.args.keep_going):
					return
				run = queue.pop(0)
			self.begin(run)
			self.say(run, 'boot: %s, -m %s, %s' % (
				'GRUB ISO' if run.boot == 'iso' else '-kernel', run.mem,
				self.kernel_cmdline(run)))
			try:
				res, log, err = self.boot(run)
			finally:
				self.end(run)
			if err:
				res = (0, 1, 0, err, 0, None)
			p, f, s, reasons, elapsed, rc = res
			self.results[run.name] = (run, p, f, s, reasons, log)
			if reasons:
				self.stop = True
				self.say(run, 'FAIL    %s' % reasons[0])
			else:
				self.say(run, 'PASS    %d passed, %d skipped (exit %s, %.1fs)'
					 % (p, s, rc, elapsed))

	def begin(self, run):
		"""Wait for a slot: an 'alone' run waits until nothing else runs,
		and nothing starts while one does."""
		with self.cv:
			while self.exclusive or (run.alone and self.running):
				self.cv.wait()
			self.running += 1
			self.exclusive = run.alone

	def end(self, run):
		with self.cv:
			self.running -= 1
			if run.alone:
				self.exclusive = False
			self.cv.notify_all()

	def run_all(self, runs):
		self.cv = threading.Condition()
		self.running, self.exclusive = 0, False
		queue = list(runs)
		jobs = max(1, min(self.args.jobs, len(queue)))
		threads = [threading.Thread(target=self.worker, args=(queue,))
			   for _ in range(jobs)]
		for t in threads:
			t.start()
		for t in threads:
			t.join()
		return [r.name for r in queue]	# never started

# ------------------------------------------------- kunit.py cross-check --

KUNIT_TAR = '/usr/src/linux-source-6.1.tar.xz'
KUNIT_DIR = os.path.join(BUILD, 'kunit-tool')


def kunit_tool():
	"""Linux 6.1's tools/testing/kunit, extracted once into build/.  None
	(after saying why in one line) when it cannot be had."""
	kpy = os.path.join(KUNIT_DIR, 'kunit.py')
	if os.path.exists(kpy):
		return kpy
	t0 = time.monotonic()
	if not os.path.exists(KUNIT_TAR):
		if os.geteuid() != 0:
			print('kunit.py cross-check skipped: %s missing '
			      '(apt-get install linux-source-6.1)' % KUNIT_TAR)
			return None
		env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
		inst = ['apt-get', 'install', '-y', '-q', '--no-install-recommends', 'linux-source-6.1']
		q = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
		if subprocess.call(inst, **q):
			subprocess.call(['apt-get', 'update', '-q'], **q)
			subprocess.call(inst, **q)
		if not os.path.exists(KUNIT_TAR):
			print('kunit.py cross-check skipped: '
			      'could not install linux-source-6.1')
			return None
	t1 = time.monotonic()
	tmp = KUNIT_DIR + '.tmp'
	subprocess.call(['rm', '-rf', tmp, KUNIT_DIR])
	os.makedirs(tmp)
	# xz cannot seek: this decompresses the whole tarball (~7 s) once.
	# kunit.py insists on living in tools/testing/kunit, so keep that path
	# and point build/kunit-tool/kunit.py at it.
	if subprocess.call(['tar', '-xJf', KUNIT_TAR, '-C', tmp,
			    '--strip-components=1',
			    'linux-source-6.1/tools/testing/kunit/']):
		print('kunit.py cross-check skipped: extraction failed')
		return None
	os.symlink('tools/testing/kunit/kunit.py', os.path.join(tmp, 'kunit.py'))
	os.rename(tmp, KUNIT_DIR)
	print('kunit.py cross-check: fetched Linux 6.1 kunit tool '
	      '(install %.1fs, extract %.1fs)' % (t1 - t0, time.monotonic() - t1))
	return kpy


COUNT_RE = re.compile(r'(passed|failed|crashed|skipped|errors): (\d+)')


def kunit_xcheck(log, ours):
	"""Parse log with Linux's kunit.py; return reasons (empty: agreed)."""
	kpy = kunit_tool()
	if not kpy:
		return []
	kp = subprocess.run([sys.executable, kpy, 'parse', os.path.abspath(log)],
			    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
			    universal_newlines=True)
	done = [l for l in kp.stdout.splitlines() if 'Testing complete' in l]
	if not done:
		return ['kunit.py parse gave no summary (exit %d)' % kp.returncode]
	c = {k: int(v) for k, v in COUNT_RE.findall(done[-1])}
	theirs_bad = kp.returncode or any(c.get(k) for k in
					   ('failed', 'crashed', 'errors'))
	summary = done[-1].split('Testing complete. ')[-1]
	print('kunit.py cross-check (%s): %s' % (os.path.basename(log), summary))
	p, f, s, reasons = ours
	out = []
	if theirs_bad and not reasons:
		out.append('kunit.py found problems our parser missed: ' + summary)
	elif not reasons and (c.get('passed', 0), c.get('skipped', 0)) != (p, s):
		out.append('kunit.py counted %d passed/%d skipped, we counted '
			   '%d/%d' % (c.get('passed', 0), c.get('skipped', 0), p, s))
	if out:
		for l in kp.stdout.splitlines():
			if re.search(r'\[(FAILED|CRASHED|ERROR)\]', l):
				print('    ' + l)
	return out

# ----------------------------------------------------------- self-test --


def self_test(quiet=False):
	"""Judge every fixture in tests/runner-fixtures/; each starts with a
	'#! key=value ...' line giving the boot result and the verdict.
	Returns the fixtures judged wrongly."""
	bad = []
	names = sorted(f for f in os.listdir(FIXTURES) if f.endswith('.log'))
	for name in names:
		text = open(os.path.join(FIXTURES, name)).read()
		head, _, log = text.partition('\n')
		want = dict(w.split('=', 1) for w in shlex.split(head[2:]))
		run = Run(name, panic=want.get('panic'), allow=want.get('allow'))
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

# ---------------------------------------------------------------- main --


def main():
	ap = argparse.ArgumentParser(description='Boot kmaplab under QEMU and '
				     'check its KUnit (KTAP) results.')
	ap.add_argument('--filter', metavar='GLOB',
			help='kunit.filter_glob for all runs ("suite" or "suite.case")')
	ap.add_argument('--runs', help='comma-separated run names (default: all)')
	ap.add_argument('--timeout', type=int, help='seconds per run')
	ap.add_argument('-v', '--verbose', action='store_true',
			help='echo the serial log live')
	ap.add_argument('--keep-going', action='store_true',
			help='start the remaining runs after a failure')
	ap.add_argument('-j', '--jobs', type=int, default=2,
			help='runs at a time (default 2)')
	ap.add_argument('--elf', default=os.path.join(BUILD, 'kmaplab.elf'))
	ap.add_argument('--no-kvm', action='store_true', help='skip the KVM probe')
	ap.add_argument('--list', action='store_true', help='list runs and exit')
	ap.add_argument('--self-test', action='store_true',
			help='check the parser against tests/runner-fixtures/')
	args = ap.parse_args()
	sys.stdout.reconfigure(line_buffering=True)	# CI pipes us through tee
	if args.self_test:
		return 1 if self_test() else 0

	runs = list(RUNS)
	if args.list:
		for r in runs:
			print('%-20s %-6s -m %-5s %s' % (r.name, r.boot, r.mem,
			      'panic /%s/' % r.panic if r.panic else r.filter or 'all'))
		return 0
	wanted = args.runs.split(',') if args.runs else None
	if not os.path.exists(args.elf):
		print('runner: %s missing (run make)' % args.elf)
		print('0 passed, 1 failed, 0 skipped')
		return 2
	args.elf = os.path.abspath(args.elf)
	os.makedirs(LOGDIR, exist_ok=True)
	start = time.monotonic()
	# A parser that misjudges its own fixtures cannot judge the kernel.
	broken = self_test(quiet=True)
	for l in broken:
		print('runner self-test: ' + l)

	if any(r.kvm for r in runs) and not args.no_kvm and (
			not wanted or any(w.startswith('kvm-') for w in wanted)):
		probe = subprocess.run([os.path.join(ROOT, 'scripts', 'kvm-probe.sh'),
					args.elf], stdout=subprocess.PIPE,
				       stderr=subprocess.STDOUT, universal_newlines=True)
		if probe.returncode == 0:
			print('KVM probe passed: adding KVM runs')
			runs += [r.kvm_copy() for r in RUNS if r.kvm]
		else:
			why = probe.stdout.strip().splitlines() or ['?']
			print('KVM probe failed (%s): KVM runs skipped' % why[-1])
	if wanted:
		unknown = [w for w in wanted if w not in [r.name for r in runs]]
		runs = [r for r in runs if r.name in wanted]
		for w in unknown:
			print('runner: no run named %s (or it was skipped)' % w)
		if unknown and not runs:
			print('0 passed, 1 failed, 0 skipped')
			return 2
	elif args.filter:
		# an expected-crash run needs its own filter to crash at all
		runs = [r for r in runs if not r.panic]

	runner = Runner(args)
	never = runner.run_all(runs)

	P, F, S = 0, len(broken), 0
	failed = ['runner self-test'] if broken else []
	for name in [r.name for r in runs]:
		if name not in runner.results:
			continue
		run, p, f, s, reasons, log = runner.results[name]
		P, F, S = P + p, F + f, S + s
		if reasons:
			failed.append(name)
			print('\n--- %s failed:' % name)
			for r in reasons:
				print('      ' + r)
			if os.path.exists(log):
				tail = open(log, errors='replace').read().splitlines()[-30:]
				print('--- last %d lines of %s:' % (len(tail),
				      os.path.relpath(log, ROOT)))
				for l in tail:
					print('    ' + ANSI_RE.sub('', l))
		elif run.xcheck and os.environ.get('KUNIT_XCHECK', '1') != '0':
			x = kunit_xcheck(log, (p, f, s, reasons))
			for r in x:
				print('--- %s cross-check failed: %s' % (name, r))
			if x:
				failed.append(name + ' (kunit.py)')
				F += 1
	if not wanted and not args.filter:
		for name, argv in HOST_CHECKS:
			p, f, s = host_check(name, argv, args.elf)
			P, F, S = P + p, F + f, S + s
			if f:
				failed.append(name)
	if never:
		print('not run after the first failure (use --keep-going): '
		      + ', '.join(never))
	print('runs: %d, failed: %s; logs in %s; %.0fs' % (
		len(runner.results), ', '.join(failed) or 'none',
		os.path.relpath(LOGDIR, ROOT), time.monotonic() - start))
	print('%d passed, %d failed, %d skipped' % (P, F, S))
	return 1 if F or failed else 0


if __name__ == '__main__':
	sys.exit(main())
