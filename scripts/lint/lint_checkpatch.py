# SPDX-License-Identifier: GPL-2.0
"""lint_checkpatch.py - the checkpatch cross-check of scripts/lint/lint-deprecated.py.

Runs Linux 6.1's scripts/checkpatch.pl --types DEPRECATED_API over the
files the lint scanned (fetched once from Debian's linux-source-6.1 into
the build directory, installed when missing and running as root) and
reports every line it flags that the lint did not see: a disagreement,
which fails the run.
"""

import os
import re
import shutil
import subprocess
import time

CHECKPATCH_TAR = '/usr/src/linux-source-6.1.tar.xz'
CHECKPATCH_MEMBERS = ('scripts/checkpatch.pl', 'scripts/spelling.txt',
		      'scripts/const_structs.checkpatch')


def fetch_checkpatch(build):
	"""Path of Linux 6.1's checkpatch.pl under build/checkpatch, fetching
	it once; (None, why) when it cannot be had."""
	cdir = os.path.join(build, 'checkpatch')
	cp = os.path.join(cdir, 'scripts', 'checkpatch.pl')
	if os.path.exists(cp):
		return cp, None
	if not shutil.which('perl'):
		return None, 'perl is missing'
	t0 = time.monotonic()
	if not os.path.exists(CHECKPATCH_TAR):
		if os.geteuid() != 0:
			return None, ('%s missing and not root (apt-get install linux-source-6.1)'
				      % CHECKPATCH_TAR)
		env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
		q = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
		inst = ['apt-get', 'install', '-y', '-q', '--no-install-recommends',
			'linux-source-6.1']
		if subprocess.call(inst, **q):
			subprocess.call(['apt-get', 'update', '-q'], **q)
			subprocess.call(inst, **q)
		if not os.path.exists(CHECKPATCH_TAR):
			return None, 'apt-get install linux-source-6.1 failed (no network?)'
	t1 = time.monotonic()
	tmp = cdir + '.tmp'
	shutil.rmtree(tmp, ignore_errors=True)
	os.makedirs(tmp)
	# xz cannot seek: this reads the whole tarball once (several seconds).
	members = ['linux-source-6.1/' + m for m in CHECKPATCH_MEMBERS]
	if subprocess.call(['tar', '-xJf', CHECKPATCH_TAR, '-C', tmp,
			    '--strip-components=1'] + members):
		shutil.rmtree(tmp, ignore_errors=True)
		return None, 'could not extract checkpatch.pl from ' + CHECKPATCH_TAR
	shutil.rmtree(cdir, ignore_errors=True)
	os.rename(tmp, cdir)
	print('checkpatch: fetched Linux 6.1 scripts/checkpatch.pl into %s '
	      '(install %.1fs, extract %.1fs)' % (cdir, t1 - t0, time.monotonic() - t1))
	return cp, None


# "path:line: WARNING:DEPRECATED_API: Deprecated use of 'kmap', prefer ..."
CP_RE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): \w+(?::\w+)?: "
		   r"Deprecated use of '(?P<api>\w+)'")


def parse_checkpatch(output):
	"""[(path, line, api)] from checkpatch --terse output."""
	found = []
	for l in output.splitlines():
		m = CP_RE.match(l)
		if m:
			found.append((os.path.normpath(m.group('path')), int(m.group('line')),
				      m.group('api')))
	return found


def disagreements(theirs, hits):
	"""checkpatch findings this lint has no occurrence for (any kind)."""
	ours = {(h.path, h.line, h.api) for h in hits}
	return [t for t in theirs if t not in ours]


def run_checkpatch(cp, root, files):
	"""checkpatch's findings, and its other output lines (an error)."""
	cmd = ['perl', cp, '--no-tree', '--file', '--terse', '--no-summary',
	       '--show-types', '--types', 'DEPRECATED_API', '--color=never'] + files
	p = subprocess.run(cmd, cwd=root, stdout=subprocess.PIPE,
			   stderr=subprocess.STDOUT, universal_newlines=True)
	found = parse_checkpatch(p.stdout)
	other = [l for l in p.stdout.splitlines() if l.strip() and not CP_RE.match(l)]
	return found, other



def cross_check(root, build, files, hits, checkpatch=None):
	"""Run checkpatch.pl (checkpatch, else Linux 6.1's fetched into
	build) over files and report what it flags that hits lacks. True
	when the cross-check failed: a disagreement, or a checkpatch.pl that
	did not run; a checkpatch.pl that cannot be had is only reported."""
	if checkpatch:
		cp, why = os.path.abspath(checkpatch), None
	else:
		cp, why = fetch_checkpatch(build)
	if not cp:
		print('checkpatch cross-check skipped: ' + why)
		return False
	failed = False
	theirs, other = run_checkpatch(cp, root, files)
	if other:
		print('checkpatch cross-check failed: checkpatch.pl said:')
		for l in other[:10]:
			print('  ' + l)
		failed = True
		theirs = []
	missed = disagreements(theirs, hits)
	for path, line, api in missed:
		print('%s:%d: checkpatch.pl flags %s() here but this lint did not '
		      'see it: a lint bug' % (path, line, api))
	if not other:
		print('checkpatch cross-check: %d DEPRECATED_API warning%s, %s'
		      % (len(theirs), 's' * (len(theirs) != 1),
			 '%d missed by this lint' % len(missed) if missed
			 else 'all seen by this lint'))
	return failed or bool(missed)
