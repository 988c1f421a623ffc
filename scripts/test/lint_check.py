#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# lint_check.py - the deprecated-API lint as one of make test's host
# checks: its self-test (the lint finds exactly what it should in
# scripts/lint/selftest/) and the scan of the tree (no kmap()/kmap_atomic() outside
# the files that say why they may). The checkpatch cross-check is left to
# `make lint`, which .ci/run also runs; here it would only cost time.
# Ends with "N passed, N failed, N skipped" like the runner.

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHECKS = [
	('lint self-test', ['scripts/lint/selftest/selftest.py', '--no-checkpatch']),
	('no deprecated kmap API outside the allowed files',
	 ['scripts/lint/lint-deprecated.py', '--no-checkpatch']),
]


def main():
	passed = failed = 0
	for name, argv in CHECKS:
		p = subprocess.run([sys.executable] + argv, cwd=ROOT,
				   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
				   universal_newlines=True)
		if p.returncode == 0:
			passed += 1
			print('ok      %s' % name)
		else:
			failed += 1
			print('not ok  %s' % name)
			sys.stdout.write(p.stdout)
	print('%d passed, %d failed, 0 skipped' % (passed, failed))
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main())
