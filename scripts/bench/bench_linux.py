#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# bench_linux.py - kmaplab against Linux 6.1, side by side (make bench-linux).
#
# Boots, each twice under QEMU -icount shift=0,sleep=off (the TSC counts
# guest instructions, so both boots must print the same figures):
#   linux-smp, linux-up  Linux 6.1 i386 with scripts/bench/linux/
#                        kmaplab_bench.c built in (scripts/bench/linux/
#                        build.sh made them: tinyconfig + the fragments)
#   kmaplab              the release kernel (make DEBUG=0 O=build/release)
# and writes build/bench/linux.{json,md} and the table between the
# bench-linux markers of docs/performance.md.

import argparse
import datetime
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ICOUNT = ['-accel', 'tcg', '-cpu', 'max', '-icount', 'shift=0,sleep=off']
BENCH_RE = re.compile(r'# BENCH (\{.*\})\s*$')
EXIT_PASS = 33
ITERS = 5000		# as kmaplab_bench.c's ITERS
ROWS = [('kmap_local', 'highmem', 'kmap_local highmem (map + read + unmap)'),
	('kmap_local', 'lowmem', 'kmap_local lowmem'),
	('kmap_atomic', 'highmem', 'kmap_atomic highmem'),
	('kmap_atomic', 'lowmem', 'kmap_atomic lowmem'),
	('kmap', 'highmem', 'kmap highmem, pool hit'),
	('kmap', 'lowmem', 'kmap lowmem')]
BEGIN = '<!-- bench-linux: begin (scripts/bench/bench_linux.py writes this) -->'
END = '<!-- bench-linux: end -->'


def kernels(build):
	lb = os.path.join(build, 'linux-bench')
	return [('linux-smp', os.path.join(lb, 'smp/arch/x86/boot/bzImage'),
		 'console=ttyS0 highmem=128M panic=-1'),
		('linux-up', os.path.join(lb, 'up/arch/x86/boot/bzImage'),
		 'console=ttyS0 highmem=128M panic=-1'),
		('kmaplab', os.path.join(build, 'release/kmaplab.elf'),
		 'kunit_shutdown=poweroff panic=-1 lowmem=64M kunit.filter_glob=NONE '
		 'hz=1000 bench bench.iters=%d bench.engine=icount bench.filter=kmap*'
		 % ITERS)]


def boot(name, image, cmdline, log):
	"""One boot: {(case, mem): median} and the problems seen."""
	argv = (['qemu-system-i386'] + ICOUNT +
		['-m', '256M', '-display', 'none', '-no-reboot',
		 '-serial', 'file:' + log, '-device', 'isa-debug-exit,iobase=0xf4,iosize=4',
		 '-kernel', image, '-append', cmdline])
	problems = []
	try:
		rc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
				    stderr=subprocess.DEVNULL, timeout=600).returncode
		if rc != EXIT_PASS:
			problems.append('%s: QEMU exit %d (see %s)' % (name, rc, log))
	except subprocess.TimeoutExpired:
		problems.append('%s: timeout (see %s)' % (name, log))
	res = {}
	for line in open(log, errors='replace'):
		m = BENCH_RE.search(line)
		if m:
			r = json.loads(m.group(1))
			if r['pages'] == 1:
				res[(r['case'], r['mem'])] = r['median']
	for case, mem, _ in ROWS:
		if (case, mem) not in res:
			problems.append('%s: no %s %s result' % (name, case, mem))
	return res, problems


def measure(build, out):
	"""Every kernel booted twice; the results of the first, and problems."""
	results, problems = {}, []
	for name, image, cmdline in kernels(build):
		if not os.path.exists(image):
			problems.append('%s: %s missing' % (name, image))
			continue
		runs = []
		for n in (1, 2):
			print('  BOOT    %s (%d of 2, -icount)' % (name, n), flush=True)
			res, p = boot(name, image, cmdline,
				      os.path.join(out, 'linux-%s-%d.log' % (name, n)))
			runs.append(res)
			problems += p
		if runs[0] != runs[1]:
			problems.append('%s: the two boots differ: %s vs %s' % (name, runs[0], runs[1]))
		results[name] = runs[0]
	return results, problems


def ratio(a, b):
	return '%.2f' % (a / b) if a is not None and b else '-'


def table(results):
	k, s, u = (results.get(n, {}) for n in ('kmaplab', 'linux-smp', 'linux-up'))
	lines = ['| case | Linux 6.1 SMP | Linux 6.1 UP | kmaplab release | '
		 'kmaplab / SMP | kmaplab / UP |', '|---|---|---|---|---|---|']
	for case, mem, label in ROWS:
		key = (case, mem)
		cell = [('%g' % d[key]) if key in d else '-' for d in (s, u, k)]
		lines.append('| %s | %s | %s | %s | %s | %s |' % (
			label, cell[0], cell[1], cell[2], ratio(k.get(key), s.get(key)),
			ratio(k.get(key), u.get(key))))
	return lines


def write(build, out, results, problems, docs):
	lines = table(results)
	stamp = datetime.date.today().isoformat()
	head = ['Instructions per operation (QEMU -icount shift=0,sleep=off, each '
		'kernel booted twice with identical figures; empty op subtracted), '
		'`make bench-linux`, %s:' % stamp, '']
	with open(os.path.join(out, 'linux.json'), 'w') as f:
		json.dump({'date': stamp, 'problems': problems,
			   'results': {n: {'%s %s' % k: v for k, v in r.items()}
				       for n, r in results.items()}}, f, indent=1)
	with open(os.path.join(out, 'linux.md'), 'w') as f:
		f.write('\n'.join(head + lines) + '\n')
	print('\n'.join(lines))
	if not docs or problems:
		return
	path = os.path.join(ROOT, 'docs/performance.md')
	text = open(path).read()
	if BEGIN not in text or END not in text:
		print('bench-linux: no bench-linux markers in %s: not updated' % path)
		return
	a, b = text.index(BEGIN) + len(BEGIN), text.index(END)
	text = text[:a] + '\n' + '\n'.join(head + lines) + '\n' + text[b:]
	open(path, 'w').write(text)
	print('  wrote the table into docs/performance.md')


def main():
	ap = argparse.ArgumentParser(description=__doc__)
	ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
	ap.add_argument('--no-docs', action='store_true',
			help='leave docs/performance.md alone')
	args = ap.parse_args()
	out = os.path.join(args.build, 'bench')
	os.makedirs(out, exist_ok=True)
	results, problems = measure(args.build, out)
	write(args.build, out, results, problems, not args.no_docs)
	for p in problems:
		print('bench-linux: ' + p, file=sys.stderr)
	return 1 if problems else 0


if __name__ == '__main__':
	sys.exit(main())
