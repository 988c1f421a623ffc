#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# kunit_xcheck.py - the runner's cross-check with Linux's own KTAP parser.
#
# A run marked xcheck=True is parsed a second time by kunit.py from Linux
# 6.1 (tools/testing/kunit, taken from the linux-source-6.1 package and
# extracted once into build/kunit-tool/); any disagreement with our own
# counts fails the run.  KUNIT_XCHECK=0 turns it off.  Used by
# scripts/test/runner.py.

import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, 'build')

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
