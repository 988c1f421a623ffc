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
# This file holds the run table and the command line; the QEMU boots are
# in qemu_boot.py, the KTAP parser and verdict in ktap.py, the kunit.py
# cross-check in kunit_xcheck.py, the host-driven checks' driver in
# host_checks.py.
# Runs with engine='bochs' boot under Bochs instead (bochs.py).

import argparse
import os
import re
import subprocess
import sys
import time

# The modules next to this file, however it is started; and no __pycache__
# left in tests/.
sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
	sys.path.insert(0, HERE)

from host_checks import host_check					# noqa: E402
from ktap import ANSI_RE, self_test					# noqa: E402
from kunit_xcheck import kunit_xcheck					# noqa: E402
from edge_runs import big_memory_runs, edge_runs			# noqa: E402
from qemu_boot import BUILD, LOGDIR, ROOT, Runner			# noqa: E402


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
	shutdown	False: no kunit_shutdown=poweroff; the boot goes on to
		/init (PID 1), which must end the run itself (reboot())
	initrd	pass build/initramfs.cpio (the user programs, user/) as a
		Multiboot module: -initrd, or GRUB's `module`; or a path
		under the tree to pass instead
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
		     elf=None, initrd=True, shutdown=True):
		self.name, self.boot, self.mem = name, boot, mem
		self.qemu, self.cmdline, self.filter = list(qemu), cmdline, filter
		self.timeout, self.panic, self.allow = timeout, panic, allow
		self.xcheck, self.kvm, self.engine = xcheck, kvm, engine
		self.expect = list(expect)
		self.alone = alone
		self.elf = elf
		self.initrd = initrd
		self.shutdown = shutdown

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
	       'ramdisk_local', 'read_local_present', 'read_atomic_present',
	       'read_local_fresh', 'read_atomic_fresh')

RUNS = [
	Run('tcg-kernel', boot='kernel', mem='256M', cmdline=FULL, xcheck=True),
	# Bochs, the second emulator (scripts/test/bochs.py): every suite
	# through GRUB on 1 CPU, the SMP suite on 2. Its TLB keeps global
	# entries across mov cr3 as real CPUs do; the tlbdemo suite expects so.
	# The torture is cut as in tcg-iso: at 10^6 ops it was 63% of the run.
	# Early in the table: the longest boots, they overlap the TCG ones.
	Run('bochs', boot='iso', engine='bochs', mem='256M',
	    cmdline=FULL + ' kmap_torture.ops=100000', kvm=False),
	Run('bochs-smp2', boot='iso', engine='bochs', mem='256M',
	    qemu=['-smp', '2'], cmdline=FULL, filter='smp*', kvm=False),
	# Under GRUB the torture runs ~30x slower on TCG (measured: 43 s vs
	# 1.3 s for 10^6 ops, same kernel and memory map) -- most likely
	# TCG's self-modifying-code tracking on pages GRUB ran code from,
	# which become our highmem pages. The -kernel run does the full 10^6.
	Run('tcg-iso', boot='iso', mem='256M',
	    cmdline=FULL + ' kmap_torture.ops=100000'),
	# The debug force-map mode: lowmem pages through the fixmap slots too
	Run('tcg-forcemap', mem='256M', cmdline=FULL + ' kmap_local.force_map=1',
	    filter='kmap*'),
	# Every trace event on (docs/trace.md), a small buffer that wraps: the
	# hooks fire inside the pool lock, the switch and the shootdown IPIs
	Run('tcg-trace-all', mem='256M', qemu=('-smp', '2'),
	    cmdline=FULL + ' trace_event=* trace_buf_size=8K', filter='kmap*'),
	# The lecture scenarios of docs/trace.md (make trace draws them from
	# this run's log; the trace-tool host check draws them too)
	Run('tcg-trace-scenarios', mem='256M', qemu=('-smp', '4'), kvm=False,
	    cmdline=FULL + ' trace_buf_size=64K', filter='trace_scenarios'),
	# RAM-size matrix (mm/): the memory suites at each size
	Run('tcg-16M', mem='16M', filter='mm_*'),
	Run('tcg-128M-lowmem32M', mem='128M', cmdline='lowmem=32M', filter='mm_*'),
	Run('tcg-1G', mem='1G', filter='mm_*'),
	Run('tcg-6G', mem='6G', filter='mm_*'),
	# User page tables above 4 GiB: qemu-system-x86_64 walks them, the
	# i386 one above does not (mm_highpte, arch/x86/mm/highpte.c)
	Run('tcg64-6G', mem='6G', engine='tcg64', kvm=False,
	    filter='mm_[hu]*'),	# mm_highpte, mm_user, mm_user_programs
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
	# read()/write() by Linux's old kmap_atomic copy path, every anonymous
	# fault sleeping 1 ms: the user programs and the fault suites
	# (docs/faults-in-local-maps.md)
	Run('tcg-filemap-atomic', mem='256M', filter='mm_user*',
	    cmdline=FULL + ' filemap_copy=kmap_atomic fault_sleep_ms=1'),
	# User space: after its suite the kernel runs /init as PID 1, which
	# runs what follows "--" and powers off with reboot() (exit 33)
	Run('tcg-init-pid1', mem='64M', filter='initramfs', shutdown=False,
	    cmdline='-- /bin/hello as-pid-1',
	    expect=[r'Freeing initrd memory: \d+K',
		    r'Run /init as init process',
		    r'init: pid 1, starting /bin/hello',
		    r'Hello from user space: pid \d+, parent 1, 2 arg\(s\): /bin/hello as-pid-1',
		    r'init: /bin/hello exited \(status 0\), powering off']),
	# A plain nolibc program from outside user/ (its own recipe and
	# archive: `make outside-init`) runs unchanged as /init
	Run('tcg-outside-init', mem='64M', filter='cmdline', shutdown=False,
	    initrd='build/outside-init.cpio', kvm=False,
	    expect=[r'Run /init as init process',
		    r'outside-init: pid 1, parent 0, argv\[0\] /init',
		    r"outside-init: read back 'written'",
		    r'outside-init: child \d+ exited with 7',
		    r'outside-init: done, powering off']),
	# Orphans go to init: /bin/orphan's child exits, leaving a grandchild
	# that finds its parent is 1; init reaps it and says so
	Run('tcg-init-orphan', mem='64M', filter='initramfs', shutdown=False,
	    cmdline='-- /bin/orphan', kvm=False,
	    expect=[r'orphan: grandchild (\d+) has parent 1$(.|\n)*'
		    r'init: reaped orphan pid \1 \(status 0\)',
		    r'orphan: grandchild \d+ has exited',
		    r'init: /bin/orphan exited \(status 0\), powering off']),
	# Expected crash: PID 1 exits, and the kernel stops as Linux does
	Run('crash-init-exits', mem='64M', filter='initramfs', shutdown=False,
	    cmdline='rdinit=/bin/hello', kvm=False,
	    panic=r'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000000'),
	# Linux 6.1's own KUnit suites, built unchanged into a kernel of their
	# own (make linux-suites; docs/linux-compat.md)
	Run('tcg-linux-suites', mem='128M', qemu=['-smp', '2'], xcheck=True,
	    elf='build/linux-suites/kmaplab.elf'),
] + edge_runs(Run)	# bad command lines, tiny RAM, twice in one boot

# Only when named with --runs: RAM at PAE's limits (edge_runs.py)
ON_DEMAND = big_memory_runs(Run) + [
	# The system-call fuzzer at length (make fuzz-syscalls CALLS= SEED=);
	# make test's 10^5 calls run inside tcg-kernel (1 CPU) and tcg-smp4
	Run('fuzz-syscalls', mem='256M', qemu=['-smp', '4'], engine='tcg-mt',
	    kvm=False, filter='syscall_fuzz', timeout=4 * 3600,
	    cmdline=FULL + ' syscall_fuzz.calls=%s syscall_fuzz.seed=%s' % (
		os.environ.get('FUZZ_CALLS', '10000000'),
		os.environ.get('FUZZ_SEED', '1'))),
]

# Host-driven checks, run after the boots (not when --runs or --filter
# narrows the run): each script boots the kernel its own way and ends with
# the "N passed, N failed, N skipped" line, which is added to the totals.
HOST_CHECKS = [
	('monitor', ['scripts/test/monitor_test.py', '--elf', '{elf}']),	# COM1 dialogue
	('monitor-smp4', ['scripts/test/monitor_test.py', '--elf', '{elf}', '--smp', '4',
			  '--log', 'build/test-logs/monitor-smp4.log']),	# + cpu_down/up
	('monitor-proc', ['scripts/test/monitor_proc_test.py', '--elf', '{elf}']),	# ps, vm, run
	('bochs-monitor', ['scripts/test/bochs_monitor_test.py']),	# ./run-qemu.sh --bochs
	('run-qemu', ['scripts/test/run_qemu_test.py']),	# what ./run-qemu.sh shows
	('gdb', ['scripts/test/gdb_test.py']),			# scripts/gdb/ on a live kernel
	('labs', ['scripts/labs/labs.py', 'check', '--quick']),	# starts fail, references pass
	('lint', ['scripts/test/lint_check.py']),		# no new kmap()/kmap_atomic() users
	('build-flags', ['scripts/test/build_flags_check.py']),	# DEBUG=0 rebuilds
	('docs', ['scripts/test/doc_check.py']),		# docs/ against the logs above
	('bench-disasm', ['scripts/bench/disasm.py', 'check']),	# performance.md's listings
	('trace-tool', ['scripts/trace/trace_check.py']),	# make trace's JSON/SVG/HTML
	('fuzz-cmdline', ['scripts/test/fuzz_cmdline.py', '--elf', '{elf}',
			  '--count', '64']),		# fixed seed; fuzz_cmdline.py
]


# ---------------------------------------------------------------- main --


def parse_args():
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
	return ap.parse_args()


def kvm_runs(args, wanted):
	"""The kvm- copies of the runs, when the KVM probe passes and they
	are wanted at all; [] otherwise (saying why)."""
	if args.no_kvm or not any(r.kvm for r in RUNS) or (
			wanted and not any(w.startswith('kvm-') for w in wanted)):
		return []
	probe = subprocess.run([os.path.join(ROOT, 'scripts', 'kvm-probe.sh'),
				args.elf], stdout=subprocess.PIPE,
			       stderr=subprocess.STDOUT, universal_newlines=True)
	if probe.returncode == 0:
		print('KVM probe passed: adding KVM runs')
		return [r.kvm_copy() for r in RUNS if r.kvm]
	why = probe.stdout.strip().splitlines() or ['?']
	print('KVM probe failed (%s): KVM runs skipped' % why[-1])
	return []


def select_runs(args, wanted):
	"""The runs to boot; None when --runs names none that exist."""
	runs = list(RUNS) + kvm_runs(args, wanted)
	if wanted:	# RAM at PAE's limits runs only when named
		runs += [r for r in ON_DEMAND if r.name in wanted]
		unknown = [w for w in wanted if w not in [r.name for r in runs]]
		runs = [r for r in runs if r.name in wanted]
		for w in unknown:
			print('runner: no run named %s (or it was skipped)' % w)
		if unknown and not runs:
			return None
	elif args.filter:
		# an expected-crash run needs its own filter to crash at all; a
		# kernel of its own holds other suites (name it with --runs)
		runs = [r for r in runs if not r.panic and not r.elf]
	return runs


def report_failure(name, reasons, log):
	"""The reasons a run failed, and the end of its serial log."""
	print('\n--- %s failed:' % name)
	for r in reasons:
		print('      ' + r)
	if os.path.exists(log):
		tail = open(log, errors='replace').read().splitlines()[-30:]
		print('--- last %d lines of %s:' % (len(tail), os.path.relpath(log, ROOT)))
		for l in tail:
			print('    ' + ANSI_RE.sub('', l))


def tally(runs, results, failed):
	"""Sum the runs' counts, reporting each failure and running the
	kunit.py cross-check on the runs that ask for it; appends the
	names that failed to failed. (passed, failed, skipped)."""
	P = F = S = 0
	for name in [r.name for r in runs]:
		if name not in results:
			continue
		run, p, f, s, reasons, log = results[name]
		P, F, S = P + p, F + f, S + s
		if reasons:
			failed.append(name)
			report_failure(name, reasons, log)
		elif run.xcheck and os.environ.get('KUNIT_XCHECK', '1') != '0':
			x = kunit_xcheck(log, (p, f, s, reasons))
			for r in x:
				print('--- %s cross-check failed: %s' % (name, r))
			if x:
				failed.append(name + ' (kunit.py)')
				F += 1
	return P, F, S


def main():
	args = parse_args()
	sys.stdout.reconfigure(line_buffering=True)	# CI pipes us through tee
	if args.self_test:
		return 1 if self_test(Run) else 0
	if args.list:
		for r in RUNS + ON_DEMAND:
			print('%-20s %-6s -m %-5s %s%s' % (r.name, r.boot, r.mem,
			      'panic /%s/' % r.panic if r.panic else r.filter or 'all',
			      ' (on demand: --runs)' if r in ON_DEMAND else ''))
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
	runs = select_runs(args, wanted)
	if runs is None:
		print('0 passed, 1 failed, 0 skipped')
		return 2

	runner = Runner(args)
	never = runner.run_all(runs)
	failed = ['runner self-test'] if broken else []
	P, F, S = tally(runs, runner.results, failed)
	F += len(broken)
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
