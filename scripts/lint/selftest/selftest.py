#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Self-test of scripts/lint/lint-deprecated.py (make lint-selftest).

Runs the lint over the fixtures in scripts/lint/selftest/ and compares the whole
transcript -- each command, its output and its exit status -- with
scripts/lint/selftest/expected.txt, line for line. After a deliberate change to the
lint or a fixture, check the diff, then rewrite the file with --update.

Then, when Linux 6.1's checkpatch.pl can be had (as for make lint), runs
it over the fixtures: it must flag exactly the lines listed in
CHECKPATCH_SEES below, and the lint must have seen every one of them.

Exit status 0 when every check passed.
"""

import argparse
import difflib
import importlib.util
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
LINT = os.path.join(ROOT, 'scripts', 'lint', 'lint-deprecated.py')
EXPECTED = os.path.join(HERE, 'expected.txt')

NOCP = ['--no-checkpatch', '--allow-file', '/dev/null']
CASES = [
	# violations of every kind, look-alikes that are not, a marker without reason
	NOCP + ['scripts/lint/selftest/bad.c'],
	# kmap_local only, with mentions of the old API in comments and strings
	NOCP + ['scripts/lint/selftest/clean.c'],
	# a marker allows kmap (and so its pair kunmap) only: kmap_atomic stays a violation
	NOCP + ['scripts/lint/selftest/allowed.c'],
	# the same with -v: allowed uses listed too
	NOCP + ['-v', 'scripts/lint/selftest/allowed.c'],
	# no marker: every use is a violation ...
	NOCP + ['scripts/lint/selftest/unmarked.c'],
	# ... unless the fallback list has the file; a marker in the file wins
	['--no-checkpatch', '--allow-file', 'scripts/lint/selftest/allow.txt',
	 'scripts/lint/selftest/unmarked.c'],
	['--no-checkpatch', '--allow-file', 'scripts/lint/selftest/allow.txt',
	 'scripts/lint/selftest/unmarked.c', 'scripts/lint/selftest/allowed.c'],
	# fallback lines without a reason or with an unknown API are errors
	['--no-checkpatch', '--allow-file', 'scripts/lint/selftest/allow-bad.txt',
	 'scripts/lint/selftest/unmarked.c'],
	# a checkpatch finding the lint did not see fails the run ...
	['--allow-file', '/dev/null', '--checkpatch', 'scripts/lint/selftest/checkpatch-miss.pl',
	 'scripts/lint/selftest/clean.c'],
	# ... and so does a checkpatch.pl that does not run
	['--allow-file', '/dev/null', '--checkpatch', 'scripts/lint/selftest/checkpatch-broken.pl',
	 'scripts/lint/selftest/clean.c'],
]

# What Linux 6.1's checkpatch.pl --types DEPRECATED_API reports on the
# fixtures. It has no kunmap*, kmap_atomic_prot or kmap_atomic_pfn in its
# table and matches a line at a time, so it misses the call split over
# lines (bad.c:27); it does count calls through a field named kmap
# (bad.c:50, clean.c:27), which this lint sees but does not count.
CHECKPATCH_SEES = [
	('scripts/lint/selftest/allowed.c', 12, 'kmap'),
	('scripts/lint/selftest/allowed.c', 16, 'kmap_atomic'),
	('scripts/lint/selftest/bad.c', 18, 'kmap'),
	('scripts/lint/selftest/bad.c', 38, 'kmap_atomic'),
	('scripts/lint/selftest/bad.c', 50, 'kmap'),
	('scripts/lint/selftest/clean.c', 27, 'kmap'),
	('scripts/lint/selftest/unmarked.c', 7, 'kmap'),
]


def transcript():
	out = []
	env = {k: v for k, v in os.environ.items() if k != 'LINT_CHECKPATCH'}
	for args in CASES:
		p = subprocess.run([sys.executable, LINT] + args, cwd=ROOT, env=env,
				   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
				   universal_newlines=True)
		out.append('$ scripts/lint/lint-deprecated.py ' + ' '.join(args))
		out += p.stdout.splitlines()
		out.append('[exit %d]' % p.returncode)
		out.append('')
	return out


def load_lint():
	sys.dont_write_bytecode = True		# no __pycache__ in scripts/
	spec = importlib.util.spec_from_file_location('lint_deprecated', LINT)
	mod = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(mod)
	return mod


def split(lines):
	"""A transcript's cases: the runs of lines between blank lines."""
	cases, cur = [], []
	for l in lines:
		if l == '' and cur:
			cases.append(cur)
			cur = []
		elif l != '':
			cur.append(l)
	return cases + ([cur] if cur else [])


def compare(got, want):
	"""One check per case of the transcript; (checks, failed)."""
	gc, wc = split(got), split(want)
	checks = failed = 0
	for i in range(max(len(gc), len(wc))):
		g = gc[i] if i < len(gc) else []
		w = wc[i] if i < len(wc) else []
		checks += 1
		if g != w:
			failed += 1
			print('lint self-test: case %d differs from scripts/lint/selftest/expected.txt:' % (i + 1))
			for l in difflib.unified_diff(w, g, 'expected', 'got', lineterm='', n=1):
				print('  ' + l)
	return checks, failed


def checkpatch_checks(build):
	"""Linux's checkpatch.pl on the fixtures: it must flag exactly
	CHECKPATCH_SEES, and the lint must have seen each. (checks, failed)."""
	lint = load_lint()
	cp, why = lint.fetch_checkpatch(os.path.join(ROOT, build))
	if not cp:
		print('lint self-test: real checkpatch.pl checks skipped: ' + why)
		return 0, 0
	files = lint.collect(ROOT, ['scripts/lint/selftest'])
	theirs, other = lint.run_checkpatch(cp, ROOT, files)
	failed = 0
	if sorted(theirs) != CHECKPATCH_SEES or other:
		failed += 1
		print('lint self-test: checkpatch.pl on the fixtures found %s%s, expected %s'
		      % (sorted(theirs), ' and said %s' % other if other else '',
			 CHECKPATCH_SEES))
	hits = []
	for f in files:
		with open(os.path.join(ROOT, f)) as fh:
			hits += lint.scan_source(f, fh.read())[1]
	missed = lint.disagreements(theirs, hits)
	if missed:
		failed += 1
		print('lint self-test: the lint missed what checkpatch.pl found: %s'
		      % missed)
	return 2, failed


def main():
	ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
	ap.add_argument('--build', default='build',
			help='build directory (checkpatch cache), relative to the tree')
	ap.add_argument('--update', action='store_true',
			help='rewrite scripts/lint/selftest/expected.txt from this run')
	ap.add_argument('--no-checkpatch', action='store_true',
			help='skip the real checkpatch.pl checks (also LINT_CHECKPATCH=0)')
	args = ap.parse_args()

	got = transcript()
	if args.update:
		with open(EXPECTED, 'w') as f:
			f.write('\n'.join(got) + '\n')
		print('lint self-test: wrote %s (%d cases)' % (os.path.relpath(EXPECTED, ROOT),
								  len(CASES)))
		return 0
	with open(EXPECTED) as f:
		want = f.read().splitlines()
	checks, failed = compare(got, want)
	if args.no_checkpatch or os.environ.get('LINT_CHECKPATCH') == '0':
		print('lint self-test: real checkpatch.pl checks skipped (asked to)')
	else:
		c, f = checkpatch_checks(args.build)
		checks, failed = checks + c, failed + f
	if failed:
		print('lint self-test: %d of %d checks FAILED' % (failed, checks))
		return 1
	print('lint self-test: all %d checks passed' % checks)
	return 0


if __name__ == '__main__':
	sys.exit(main())
