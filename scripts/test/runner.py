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
#
# This file holds the run table, the QEMU boots and the command line; the
# KTAP parser and verdict are in ktap.py, the kunit.py cross-check in
# kunit_xcheck.py, the host-driven checks' driver in host_checks.py.

import argparse
import os
import re
import shlex
import subprocess
import sys
import threading
import time

# The modules next to this file, however it is started; and no __pycache__
# left in tests/.
sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
	sys.path.insert(0, HERE)

from host_checks import host_check					# noqa: E402
from ktap import ANSI_RE, Ktap, clean, judge, self_test, suite_line	# noqa: E402
from kunit_xcheck import kunit_xcheck					# noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, 'build')
LOGDIR = os.path.join(BUILD, 'test-logs')


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
	elf	the kernel to boot, relative to the tree (default: --elf)
	"""

	def __init__(self, name, boot='kernel', mem='128M', qemu=(), cmdline='',
		     filter=None, timeout=300, panic=None, allow=None,
		     xcheck=False, kvm=True, engine='tcg', expect=(), alone=False,
		     elf=None):
		self.name, self.boot, self.mem = name, boot, mem
		self.qemu, self.cmdline, self.filter = list(qemu), cmdline, filter
		self.timeout, self.panic, self.allow = timeout, panic, allow
		self.xcheck, self.kvm, self.engine = xcheck, kvm, engine
		self.expect = list(expect)
		self.alone = alone
		self.elf = elf

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
# (the same list as EXPECTED in scripts/bench/bench.py).
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
	# (on 2 CPUs: the panic must also stop the other one, by NMI)
	Run('crash-stack-overflow', mem='128M', cmdline='sched_test_overflow',
	    qemu=['-smp', '2'], filter='sched_kthread.kthread_stack_overflow',
	    panic=r"BUG: kernel stack overflow in thread 'overflow'",
	    expect=[r'panic: stopping 1 other CPU\(s\) with an NMI']),
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
	# Linux 6.1's own KUnit suites, built unchanged into a kernel of their
	# own (make linux-suites; docs/linux-compat.md)
	Run('tcg-linux-suites', mem='128M', qemu=['-smp', '2'], xcheck=True,
	    elf='build/linux-suites/kmaplab.elf'),
]

# Host-driven checks, run after the boots (not when --runs or --filter
# narrows the run): each script boots the kernel its own way and ends with
# the "N passed, N failed, N skipped" line, which is added to the totals.
HOST_CHECKS = [
	('monitor', ['scripts/test/monitor_test.py', '--elf', '{elf}']),	# COM1 dialogue
	('monitor-smp4', ['scripts/test/monitor_test.py', '--elf', '{elf}', '--smp', '4',
			  '--log', 'build/test-logs/monitor-smp4.log']),	# + cpu_down/up
	('labs', ['scripts/labs/labs.py', 'check']),		# reset fails, solution passes
	('lint', ['scripts/test/lint_check.py']),		# no new kmap()/kmap_atomic() users
]


ACCEL = {
	'tcg': ['-accel', 'tcg', '-cpu', 'max'],
	'tcg-mt': ['-accel', 'tcg,thread=multi', '-cpu', 'max'],
	# arch-capabilities: some hosts' KVM refuses the MSR for 32-bit guests
	'kvm': ['-enable-kvm', '-cpu', 'host,-arch-capabilities'],
}

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
			elf = os.path.join(ROOT, run.elf) if run.elf else self.args.elf
			argv += ['-kernel', elf, '-append', cmdline]
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
			help='check the parser against scripts/test/fixtures/')
	args = ap.parse_args()
	sys.stdout.reconfigure(line_buffering=True)	# CI pipes us through tee
	if args.self_test:
		return 1 if self_test(Run) else 0

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
	broken = self_test(Run, quiet=True)
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
		# an expected-crash run needs its own filter to crash at all; a
		# kernel of its own holds other suites (name it with --runs)
		runs = [r for r in runs if not r.panic and not r.elf]

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
