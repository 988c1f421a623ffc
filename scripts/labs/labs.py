#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""labs.py - the course labs in docs/labs/: reset, solve, test, check.

Each lab NN has docs/labs/NN-name.md (the exercise), a KUnit suite
tests/lab_NN_*_test.c that passes only with the solution in the tree, and
docs/labs/NN-name.reset.patch, which takes the solution out.

    labs.py list                 the labs and whether each is reset here
    labs.py reset NN             apply the reset patch to this tree
    labs.py solve NN             reverse it (the solution is back)
    labs.py test NN              build this tree, boot the lab's suite
    labs.py check [NN ...]       for every lab (or those named), on a copy
                                 of this tree under build/labs-check/:
                                 reset -> the suite must fail;
                                 solution -> the suite must pass

`check` is what a teacher (and `make labs-check`, and CI) runs to see
that every lab still works. It leaves this tree alone. Its last line is
"N passed, N failed, 0 skipped", counting one check per lab and state.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LABDIR = os.path.join(ROOT, 'docs', 'labs')
WORK = os.path.join(ROOT, 'build', 'labs-check')
# Two highmem pages at least: the suites skip without highmem.
CMDLINE = 'kunit_shutdown=poweroff panic=-1 lowmem=32M'
EXIT_PASS, EXIT_FAIL = 33, 35
RES_RE = re.compile(r'^\[[ \d.]+\] (\s*)(not ok|ok) \d+ (\S+)(.*)$')


def labs():
	"""[(number, name, patch path)], sorted."""
	out = []
	for p in sorted(glob.glob(os.path.join(LABDIR, '[0-9][0-9]-*.reset.patch'))):
		name = os.path.basename(p)[:-len('.reset.patch')]
		out.append((name[:2], name, p))
	return out


def find(num):
	for lab in labs():
		if lab[0] == num.zfill(2):
			return lab
	sys.exit('labs.py: no lab %s (have: %s)' % (
		num, ' '.join(l[0] for l in labs())))


def git_apply(tree, patch, reverse=False, check=False):
	argv = ['git', 'apply'] + (['-R'] if reverse else []) + \
	       (['--check'] if check else []) + [patch]
	env = dict(os.environ)
	if tree != ROOT:
		# The copy sits inside this repository (build/ is ignored), and
		# git apply run inside a repository skips paths outside its
		# current directory -- silently. Keep git from finding it.
		env['GIT_CEILING_DIRECTORIES'] = os.path.dirname(tree)
	return subprocess.run(argv, cwd=tree, stdout=subprocess.PIPE, env=env,
			      stderr=subprocess.STDOUT, universal_newlines=True)


def state(tree, patch):
	"""'solved', 'reset', or 'unknown' (the patch fits neither way)."""
	if git_apply(tree, patch, check=True).returncode == 0:
		return 'solved'
	if git_apply(tree, patch, reverse=True, check=True).returncode == 0:
		return 'reset'
	return 'unknown'


def make(tree, quiet=True):
	p = subprocess.run(['make', '-C', tree, '-j%d' % (os.cpu_count() or 2)],
			   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
			   universal_newlines=True)
	if p.returncode and quiet:
		print(p.stdout[-3000:])
	return p.returncode == 0


def boot(elf, num, log, timeout=120):
	"""Boot the lab's suite. Returns (exit code, {case: ok}, suite ok or None)."""
	argv = ['qemu-system-i386', '-accel', 'tcg', '-cpu', 'max', '-m', '128M',
		'-display', 'none', '-no-reboot', '-serial', 'file:' + log,
		'-device', 'isa-debug-exit,iobase=0xf4,iosize=4', '-kernel', elf,
		'-append', 'kunit.filter_glob=lab_%s_* %s' % (num, CMDLINE)]
	try:
		rc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
				    stderr=subprocess.DEVNULL, timeout=timeout).returncode
	except subprocess.TimeoutExpired:
		rc = None
	cases, suite = {}, None
	for line in open(log, errors='replace'):
		m = RES_RE.match(line.rstrip('\r\n'))
		if not m:
			continue
		ok = m.group(2) == 'ok' and '# SKIP' not in m.group(4)
		if m.group(1):
			cases[m.group(3)] = ok
		elif m.group(3).startswith('lab_%s' % num):
			suite = ok
	return rc, cases, suite


def describe(rc, cases, suite):
	passed = sum(cases.values())
	if rc is None:
		return 'timed out'
	if suite is None:
		return 'no result for the suite (crash? exit %s)' % rc
	return '%d of %d cases passed, exit %d' % (passed, len(cases), rc)


def cmd_list():
	for num, name, patch in labs():
		print('%s  %-22s %s' % (num, name[3:], state(ROOT, patch)))


def cmd_reset(num, reverse=False):
	_, name, patch = find(num)
	want = 'reset' if reverse else 'solved'
	now = state(ROOT, patch)
	if now != want:
		sys.exit('labs.py: lab %s is %s here already: nothing to do' % (num, now)
			 if now in ('solved', 'reset') else
			 'labs.py: the files of lab %s changed since its patch was made; '
			 'git apply says:\n%s' % (num, git_apply(ROOT, patch, reverse, True).stdout))
	p = git_apply(ROOT, patch, reverse)
	sys.stdout.write(p.stdout)
	if p.returncode:
		return 1
	print('lab %s: %s. Its suite: make lab-test LAB=%s' % (
		name, 'solution restored' if reverse else 'reset to the starting point',
		num))
	return 0


def cmd_test(num):
	_, name, _ = find(num)
	if not make(ROOT):
		return 1
	log = os.path.join(ROOT, 'build', 'lab-%s.log' % num)
	rc, cases, suite = boot(os.path.join(ROOT, 'build', 'kmaplab.elf'), num, log)
	for case, ok in cases.items():
		print('%-7s %s' % ('ok' if ok else 'not ok', case))
	print('lab %s: %s (%s); log in %s' % (name, 'PASS' if suite and rc == EXIT_PASS
		else 'FAIL', describe(rc, cases, suite), os.path.relpath(log, ROOT)))
	return 0 if suite and rc == EXIT_PASS else 1


def copy_tree(dst):
	"""This tree as it is now (committed or not), without build/ or .git."""
	if os.path.exists(dst):
		shutil.rmtree(dst)
	shutil.copytree(ROOT, dst, symlinks=True,
			ignore=lambda d, names: [n for n in names if d == ROOT and
						 n in ('build', '.git')])


def cmd_check(nums):
	start = time.monotonic()
	todo = [find(n) for n in nums] if nums else labs()
	tree = os.path.join(WORK, 'tree')
	passed = failed = 0
	copy_tree(tree)
	for num, name, patch in todo:
		if state(tree, patch) != 'solved':
			print('not ok  lab %s: the reset patch does not apply to this tree '
			      '(is the lab reset here? make lab-solve LAB=%s)' % (name, num))
			failed += 2
			continue
		for step, rev, want_pass in (('reset', False, False), ('solution', True, True)):
			if step == 'solution':
				git_apply(tree, patch, reverse=True)
			else:
				git_apply(tree, patch)
			if not make(tree):
				print('not ok  lab %s: %s: the tree does not build' % (name, step))
				failed += 1
				continue
			log = os.path.join(WORK, 'lab-%s-%s.log' % (num, step))
			rc, cases, suite = boot(os.path.join(tree, 'build', 'kmaplab.elf'), num, log)
			if want_pass:
				good = suite is True and rc == EXIT_PASS and all(cases.values())
			else:
				# a clean failure: the suite ran and said "not ok"
				good = suite is False and rc == EXIT_FAIL
			passed, failed = passed + good, failed + (not good)
			print('%-7s lab %s: %s -> %s as it should (%s)' % (
				'ok' if good else 'not ok', name, step,
				'passes' if want_pass else 'fails', describe(rc, cases, suite))
			      if good else
			      'not ok  lab %s: %s should %s, but: %s; log %s' % (
				name, step, 'pass' if want_pass else 'fail',
				describe(rc, cases, suite), os.path.relpath(log, ROOT)))
	print('labs-check: %d labs, %.0fs; logs in %s' % (
		len(todo), time.monotonic() - start, os.path.relpath(WORK, ROOT)))
	print('%d passed, %d failed, 0 skipped' % (passed, failed))
	return 1 if failed else 0


def main(argv):
	sys.stdout.reconfigure(line_buffering=True)
	if not argv or argv[0] in ('-h', '--help'):
		print(__doc__)
		return 0 if argv else 2
	cmd, args = argv[0], argv[1:]
	if cmd == 'list':
		cmd_list()
		return 0
	if cmd in ('reset', 'solve', 'test') and len(args) != 1:
		sys.exit('labs.py: %s needs a lab number (make lab-%s LAB=NN)' % (cmd, cmd))
	if cmd == 'reset':
		return cmd_reset(args[0])
	if cmd == 'solve':
		return cmd_reset(args[0], reverse=True)
	if cmd == 'test':
		return cmd_test(args[0])
	if cmd == 'check':
		return cmd_check(args)
	sys.exit('labs.py: unknown command %s (list, reset, solve, test, check)' % cmd)


if __name__ == '__main__':
	sys.exit(main(sys.argv[1:]))
