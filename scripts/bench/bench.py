#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# bench.py - boot kmaplab's in-kernel benchmarks under QEMU and report.
#
# Boots the release (DEBUG=0) and the debug kernel with `bench` on the
# command line, under three engines, each labelled in the output:
#
#   icount  TCG with -icount shift=0,sleep=off: the TSC counts guest
#           instructions, so every figure is an instruction count and two
#           runs print the same numbers (checked: the release kernel is
#           booted twice and the BENCH lines compared).
#   tcg     plain TCG: TSC ticks of emulated time.  Emulated TLB flushes
#           cost far more than their instruction count, so the balance
#           differs from icount's; shown, not hidden.
#   kvm     hardware cycles, only when scripts/kvm-probe.sh passes.
#
# and, for the SMP cases (smp_*: 1, 2, 4 threads bound one per CPU, the
# cost of a kmap() pool wrap), the release kernel with -smp 4 twice more:
#
#   icount  -icount forces single-threaded TCG (the vCPUs take turns on
#           one host thread): instruction counts, summed over the CPUs.
#   mttcg   -accel tcg,thread=multi: one host thread per vCPU, so the
#           threads really run at once -- on as many host cores as there
#           are (4 vCPUs on a 2-core host share them); emulated time.
#
# Writes build/bench/results.json, results.md (tables with ratios to the
# floor, the targets) and bench.svg (gnuplot).  The format of the
# kernel's lines and of these files: docs/performance.md.

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True		# no scripts/__pycache__ in the tree
from bench_report import (key, targets, determinism, write_markdown,	# noqa: E402
			  write_plot_data, plot)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXIT_PASS = 33

ENGINES = {
	'icount': ['-accel', 'tcg', '-cpu', 'max', '-icount', 'shift=0,sleep=off'],
	'tcg': ['-accel', 'tcg', '-cpu', 'max'],
	'mttcg': ['-accel', 'tcg,thread=multi', '-cpu', 'max'],
	# as scripts/test/runner.py: some hosts' KVM refuses this MSR to 32-bit guests
	'kvm': ['-enable-kvm', '-cpu', 'host,-arch-capabilities'],
}

# Every case the kernel has, and the results each must print; a boot
# missing any of them failed (docs/performance.md lists them).
EXPECTED = {
	'floor': 2, 'invlpg': 1, 'mov_cr3': 1, 'pge_toggle': 1,
	'kmap_local': 2, 'kmap_local_many': 2, 'kmap_atomic': 2, 'kmap': 2,
	'kmap_wrap': 2, 'memcpy': 1, 'copy_highpage': 2,
	'threads_kmap_local': 4, 'threads_kmap': 4,
	'switch_0_maps': 1, 'switch_1_map': 1, 'switch_4_maps': 1,
	'smp_kmap_local': None, 'smp_kmap': None, 'smp_kmap_wrap': None,
	'smp_pool_wrap': 1, 'ramdisk_kmap': 1, 'ramdisk_local': 1,
}
# None: one result per CPU count of 1, 2, 4 that the boot has.
SMP_CPUS = (1, 2, 4)
SMP_FILTER = 'smp_*'

BENCH_RE = re.compile(r'# BENCH (\{.*\})\s*$')
START_RE = re.compile(r'# bench: start (.*)$')
DONE_RE = re.compile(r'# bench: done, (\d+) cases, (\d+) results, (\d+) failed')
FAILED_RE = re.compile(r'# bench: (\S+): failed \((-?\d+)\)')
KV_RE = re.compile(r'(\w+)=("[^"]*"|\S+)')


def say(msg):
	print('  ' + msg, flush=True)

# ------------------------------------------------------------- booting --


class Boot:
	def __init__(self, name, engine, build, elf, cpus=1, filt=None, iters=None):
		self.name, self.engine, self.build, self.elf = name, engine, build, elf
		self.cpus, self.filter, self.iters = cpus, filt, iters
		self.results, self.meta, self.problems = [], {}, []
		self.rc, self.seconds, self.log = None, 0.0, None
		self.logs = []


def boot(b, out, iters, timeout):
	b.log = os.path.join(out, b.name + '.log')
	b.logs = [b.log]
	if os.path.exists(b.log):
		os.unlink(b.log)
	cmdline = ('kunit_shutdown=poweroff panic=-1 lowmem=64M kunit.filter_glob=NONE '
		   'hz=1000 bench bench.iters=%d bench.engine=%s' % (b.iters or iters, b.engine))
	if b.filter:
		cmdline += ' bench.filter=' + b.filter
	argv = (['qemu-system-i386'] + ENGINES[b.engine] +
		(['-smp', str(b.cpus)] if b.cpus > 1 else []) +
		['-m', '256M', '-display', 'none', '-no-reboot',
		 '-serial', 'file:' + b.log,
		 '-device', 'isa-debug-exit,iobase=0xf4,iosize=4',
		 '-kernel', b.elf, '-append', cmdline])
	with open(os.path.join(out, b.name + '.cmd'), 'w') as f:
		f.write(' '.join("'%s'" % a if ' ' in a else a for a in argv) + '\n')
	t0 = time.monotonic()
	try:
		p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
				   stderr=subprocess.STDOUT, timeout=timeout,
				   universal_newlines=True)
		b.rc = p.returncode
		if b.rc != EXIT_PASS:
			err = p.stdout.strip().splitlines()
			b.problems.append('QEMU exit %d%s' % (b.rc, ': ' + err[-1] if err else ''))
	except subprocess.TimeoutExpired:
		b.problems.append('timeout after %ds' % timeout)
	b.seconds = time.monotonic() - t0
	parse(b)


def parse(b):
	done = None
	try:
		lines = open(b.log, errors='replace').read().splitlines()
	except OSError:
		lines = []
	for line in lines:
		m = BENCH_RE.search(line)
		if m:
			try:
				b.results.append(json.loads(m.group(1)))
			except ValueError:
				b.problems.append('unparsable BENCH line: ' + m.group(1))
			continue
		m = START_RE.search(line)
		if m:
			b.meta = {k: v.strip('"') for k, v in KV_RE.findall(m.group(1))}
			continue
		m = FAILED_RE.search(line)
		if m:
			b.problems.append('case %s failed (%s)' % m.groups())
		m = DONE_RE.search(line)
		if m:
			done = m
	if not done:
		b.problems.append('no "# bench: done" line')
	seen = {}
	for r in b.results:
		seen[r['case']] = seen.get(r['case'], 0) + 1
		if r.get('build') != b.build:
			b.problems.append('%s reports build %s: rebuild it (make clean bench)'
					  % (b.elf, r.get('build')))
			break
	for case, n in EXPECTED.items():
		if b.filter and not case.startswith('smp_'):
			continue
		if n is None:
			n = len([c for c in SMP_CPUS if c <= b.cpus])
		if seen.get(case, 0) != n:
			b.problems.append('%d results for %s, expected %d'
					  % (seen.get(case, 0), case, n))


def combine(group):
	"""One Boot from several of the same kernel and engine: per result the
	median of the medians, the least min and the greatest max; the
	counters of the first boot. Each boot's median is kept in "boots"."""
	g = group[0]
	c = Boot(g.name.rsplit('-', 1)[0], g.engine, g.build, g.elf, g.cpus, g.filter,
		 g.iters)
	c.meta, c.rc = group[0].meta, group[0].rc
	c.logs = [b.log for b in group]
	c.seconds = sum(b.seconds for b in group)
	c.problems = [p for b in group for p in b.problems]
	by_key = {}
	for b in group:
		for r in b.results:
			by_key.setdefault(key(r), []).append(r)
	for r in group[0].results:
		rs = by_key[key(r)]
		meds = sorted(x['median'] for x in rs)
		m = dict(r)
		m['median'] = meds[len(meds) // 2]
		m['min'] = min(x['min'] for x in rs)
		m['max'] = max(x['max'] for x in rs)
		m['boots'] = [x['median'] for x in rs]
		c.results.append(m)
	return c


def run_boots(boots, out, iters, timeout, jobs):
	"""Boot in parallel, jobs at a time."""
	queue = list(boots)
	lock = threading.Lock()

	def worker():
		while True:
			with lock:
				if not queue:
					return
				b = queue.pop(0)
			boot(b, out, iters, timeout)
			with lock:
				say('[%s] %s, %d results, %.1fs' % (
					b.name, 'FAIL: ' + b.problems[0] if b.problems else 'ok',
					len(b.results), b.seconds))
	threads = [threading.Thread(target=worker) for _ in range(max(1, jobs))]
	for t in threads:
		t.start()
	for t in threads:
		t.join()

def qemu_version():
	try:
		return subprocess.run(['qemu-system-i386', '--version'], stdout=subprocess.PIPE,
				      universal_newlines=True).stdout.splitlines()[0]
	except (OSError, IndexError):
		return '?'


def host_cpu():
	try:
		for line in open('/proc/cpuinfo'):
			if line.startswith('model name'):
				return line.split(':', 1)[1].strip()
	except OSError:
		pass
	return platform.processor() or '?'


def git_rev():
	try:
		rev = subprocess.run(['git', '-C', ROOT, 'describe', '--always', '--dirty'],
				     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
				     universal_newlines=True).stdout.strip()
		return rev or '?'
	except OSError:
		return '?'


def ensure_gnuplot():
	"""Like scripts/deps.sh: install what is missing when root, else say how."""
	if shutil.which('gnuplot'):
		return
	if os.geteuid() != 0:
		say('gnuplot missing: sudo apt-get install gnuplot-nox (no plot without it)')
		return
	say('installing gnuplot-nox')
	env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
	q = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
	inst = ['apt-get', 'install', '-y', '-q', 'gnuplot-nox']
	if subprocess.call(inst, **q):
		subprocess.call(['apt-get', 'update', '-q'], **q)
		subprocess.call(inst, **q)

# ----------------------------------------------------------------- main --


def parse_args():
	ap = argparse.ArgumentParser(description="Boot kmaplab's benchmarks and report.")
	ap.add_argument('--build', default=os.path.join(ROOT, 'build'),
			help='build dir: debug kernel in it, release in <build>/release')
	ap.add_argument('--out', help='output dir (default <build>/bench)')
	ap.add_argument('--iters', type=int, default=20000,
			help='bench.iters: operations per case (default 20000)')
	ap.add_argument('--smp-iters', type=int, default=1000,
			help='bench.iters of the mttcg -smp 4 boots (default 1000: '
			'kmap() on 4 vCPUs sharing 2 host cores is slow)')
	ap.add_argument('--engines', default='icount,tcg,kvm,smp',
			help='smp: the -smp 4 boots (icount if listed, and mttcg)')
	ap.add_argument('--repeat', type=int, default=3,
			help='boots per TCG/KVM figure, median taken (default 3)')
	ap.add_argument('--timeout', type=int, default=240, help='seconds per boot')
	ap.add_argument('-j', '--jobs', type=int, default=2,
			help='icount boots at a time (TCG and KVM boot alone)')
	return ap.parse_args()


def probe_kvm(engines, elf):
	"""What became of KVM, for the report; drops it from engines when
	the probe fails."""
	if 'kvm' not in engines:
		return 'skipped: not requested'
	probe = subprocess.run([os.path.join(ROOT, 'scripts', 'kvm-probe.sh'), elf],
			       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
			       universal_newlines=True)
	if probe.returncode:
		engines.remove('kvm')
		return 'skipped: %s' % (probe.stdout.strip().splitlines() or ['?'])[-1]
	return 'ran'


def plan(args, engines, elf):
	"""The boots: (icount ones, run side by side; timed ones, alone)."""
	icount = []
	if 'icount' in engines:
		icount = [Boot('icount-release', 'icount', 'release', elf['release']),
			  Boot('icount-release-2', 'icount', 'release', elf['release']),
			  Boot('icount-debug', 'icount', 'debug', elf['debug'])]
		if 'smp' in engines:
			icount.append(Boot('icount-smp4', 'icount', 'release', elf['release'],
					   4, SMP_FILTER))
	timed = [Boot('%s-%s-%d' % (e, b, k), e, b, elf[b]) for e in ('tcg', 'kvm')
		 if e in engines for b in ('release', 'debug')
		 for k in range(1, args.repeat + 1)]
	if 'smp' in engines:
		timed += [Boot('mttcg-smp4-%d' % k, 'mttcg', 'release', elf['release'], 4,
			       SMP_FILTER, args.smp_iters) for k in range(1, args.repeat + 1)]
	return icount, timed


def figures(icount, timed):
	"""{run name: Boot}: the icount boots but the determinism twin, and
	each timed group's median (combine())."""
	runs = {b.name: b for b in icount if b.name != 'icount-release-2'}
	for e in ('tcg', 'kvm'):
		for build in ('release', 'debug'):
			group = [b for b in timed if b.engine == e and b.build == build]
			if group:
				runs['%s-%s' % (e, build)] = combine(group)
	group = [b for b in timed if b.engine == 'mttcg']
	if group:
		runs['mttcg-smp4'] = combine(group)
	return runs


def write_results(out, args, runs, det, kvm_note):
	"""results.json, results.md and the plot; the plot's error or None."""
	tgts = targets(runs)
	env = {'date': datetime.date.today().isoformat(), 'cpu': host_cpu(),
	       'cpus': os.cpu_count() or 0, 'qemu': qemu_version(), 'git': git_rev(),
	       'iters': args.iters, 'host': platform.platform()}
	doc = {'env': env, 'kvm': kvm_note, 'determinism': det, 'targets': tgts,
	       'runs': {n: {'engine': b.engine, 'build': b.build, 'exit': b.rc,
			    'cpus': b.cpus, 'filter': b.filter,
			    'iters': b.iters or args.iters,
			    'seconds': round(b.seconds, 1), 'problems': b.problems,
			    'kernel': b.meta, 'logs': [os.path.relpath(l, out) for l in b.logs],
			    'results': b.results} for n, b in runs.items()}}
	with open(os.path.join(out, 'results.json'), 'w') as f:
		json.dump(doc, f, indent=1)
	write_markdown(os.path.join(out, 'results.md'), env, runs, det, tgts, kvm_note)
	return plot(out, write_plot_data(out, runs))


def main():
	args = parse_args()
	out = args.out or os.path.join(args.build, 'bench')
	os.makedirs(out, exist_ok=True)
	for f in os.listdir(out):	# a previous run's boots, by other names
		if f.endswith(('.log', '.cmd', '.dat')):
			os.unlink(os.path.join(out, f))
	elf = {'release': os.path.join(args.build, 'release', 'kmaplab.elf'),
	       'debug': os.path.join(args.build, 'kmaplab.elf')}
	for b, e in elf.items():
		if not os.path.exists(e):
			print('bench: %s kernel %s missing (make bench builds it)' % (b, e))
			return 2
	engines = args.engines.split(',')
	start = time.monotonic()
	ensure_gnuplot()
	kvm_note = probe_kvm(engines, elf['release'])
	say('kvm: %s' % kvm_note)

	icount, timed = plan(args, engines, elf)
	# icount figures do not depend on host load: boot them side by side.
	run_boots(icount, out, args.iters, args.timeout, args.jobs)
	# Emulated time and cycles do: one boot at a time, nothing beside it,
	# and each figure is the median over --repeat boots (a shared host
	# makes whole boots faster or slower, not just single batches).
	run_boots(timed, out, args.iters, args.timeout, 1)
	runs = figures(icount, timed)
	det = determinism(icount)
	perr = write_results(out, args, runs, det, kvm_note)

	failed = [b.name for b in icount + timed if b.problems]
	print(open(os.path.join(out, 'results.md')).read())
	for b in icount + timed:
		for p in b.problems:
			print('bench: %s: %s (log %s)' % (b.name, p, os.path.relpath(b.log, ROOT)))
	if perr:
		print('bench: ' + perr)
	rel = os.path.relpath(out, os.getcwd())
	print('bench: %s/results.json, results.md%s; %s; %.0fs' % (
		rel, '' if perr else ', bench.svg', det['summary'].split(' (')[0].rstrip('.'),
		time.monotonic() - start))
	return 1 if failed or perr or det['identical'] is False else 0


if __name__ == '__main__':
	sys.exit(main())
