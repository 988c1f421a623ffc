#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# build_flags_check.py - make test's host check that the Makefile tracks
# its flags (issue 19, defect 12): right after a build, `make -q` finds
# nothing to do, and the same with the other DEBUG= value finds the
# objects out of date (make -q runs no recipe and writes nothing, so the
# build is left as it was). Ends with "N passed, N failed, N skipped".

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def make_q(*args):
	return subprocess.run(['make', '--no-print-directory', '-q'] + list(args) +
			      ['all'], cwd=ROOT, stdout=subprocess.DEVNULL,
			      stderr=subprocess.DEVNULL).returncode


def main():
	build = os.environ.get('O', 'build')
	try:
		flags = open(os.path.join(ROOT, build, '.flags')).read()
	except OSError:
		print('not ok  %s/.flags missing (run make)' % build)
		print('0 passed, 1 failed, 0 skipped')
		return 1
	debug = '1' if '-DCONFIG_DEBUG_VM' in flags else '0'
	other = '0' if debug == '1' else '1'
	checks = [
		('make -q DEBUG=%s after a build: up to date' % debug,
		 make_q('DEBUG=' + debug) == 0),
		('make -q DEBUG=%s after a DEBUG=%s build: out of date' % (other, debug),
		 make_q('DEBUG=' + other) == 1),
	]
	for name, ok in checks:
		print('%-7s %s' % ('ok' if ok else 'not ok', name))
	failed = sum(not ok for _, ok in checks)
	print('%d passed, %d failed, 0 skipped' % (len(checks) - failed, failed))
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main())
