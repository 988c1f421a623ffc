#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# host_checks.py - run one of the runner's host-driven checks.
#
# The checks themselves (the monitor dialogue, the labs) are listed in
# HOST_CHECKS in scripts/test/runner.py; each is a script that boots the kernel its
# own way and ends with the "N passed, N failed, N skipped" line, which
# host_check() reads back for the totals.

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


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
