# SPDX-License-Identifier: GPL-2.0
"""check.py - the teacher's proof that every lab works (make labs-check).

  1. no lab's reference code changed since its start was written
     (else: make labs-refresh, and bring the start along);
  2. the teacher's tree builds and every lab's suite passes on it;
  3. the ladder, on a copy of the tree under build/labs-check/: every
     lab at its start; then lab by lab in order, its suite fails cleanly
     ("not ok", no crash, no hang), and passes once its reference is
     back while the labs after it are still at their starts (a lab may
     build on the labs before it, never on those after);
  4. the handout (every lab at its start) builds, every lab fails there,
     and no solution's distinctive line is anywhere in it.

--quick (what make test runs) leaves out 3, the slow part: two builds
per lab. The handout's run still shows every lab failing at its start.

One line per check; the last is "N passed, N failed, 0 skipped".
"""

import os
import shutil
import time

import cfunc
import grade
import handout
import starts
from ladder import find, ready


class Tally:
	def __init__(self):
		self.passed = self.failed = 0

	def __call__(self, good, what):
		if good:
			self.passed += 1
		else:
			self.failed += 1
		print('%-7s %s' % ('ok' if good else 'not ok', what))
		return good


def lab_run(tree, lab, log):
	return grade.boot(os.path.join(tree, 'build', 'kmaplab.elf'), lab, log)


def fails_cleanly(res):
	return not res.timeout and res.suites and not res.ok and \
		res.rc == grade.EXIT_FAIL


def check_references(root, todo, work, t):
	from labs import make
	for lab, r, why in starts.stale(root, todo):
		t(False, 'lab %s: %s %s: %s since its start was written; '
		  'make labs-refresh shows it' % (lab.num, r.path, getattr(r, 'name', ''), why))
	if t(make(root), 'the teacher tree builds'):
		for lab in todo:
			res = lab_run(root, lab, os.path.join(work, 'teacher-lab-%s.log' % lab.num))
			t(res.ok, 'lab %s: the reference passes (%s)' % (lab.num, res.status()))


def check_ladder(root, todo, work, t):
	"""Climb the ladder in a copy of the tree: every lab at its start;
	then for each lab in order, its suite must fail cleanly, and pass
	once its reference is back -- with the labs after it still at their
	starts, as a student who has done the labs before it has them."""
	from labs import make
	tree = os.path.join(work, 'tree')
	if os.path.exists(tree):
		shutil.rmtree(tree)
	shutil.copytree(root, tree, symlinks=True, ignore=lambda d, names: [
		n for n in names if d == root and n in ('build', '.git')])
	for lab in todo:
		for r in lab.removals:
			starts.apply(tree, lab, r)
	for lab in todo:
		for step in ('start', 'reference'):
			if step == 'reference':
				for r in lab.removals:
					text = starts.put_reference(cfunc.read(tree, r.path),
								   cfunc.read(root, r.path), r)
					cfunc.write(tree, r.path, text)
			if not t(make(tree), 'lab %s at its %s builds' % (lab.num, step)):
				continue
			log = os.path.join(work, 'lab-%s-%s.log' % (lab.num, step))
			res = lab_run(tree, lab, log)
			good = fails_cleanly(res) if step == 'start' else res.ok
			t(good, 'lab %s at its %s %s (%s, exit %s)%s' % (
				lab.num, step, 'fails cleanly' if step == 'start' else
				'passes, later labs at their starts', res.status(), res.rc,
				'' if good else '; log ' + os.path.relpath(log, root)))


def check_handout(root, todo, work, t):
	from labs import make
	hand = handout.make(root, os.path.join(work, 'handout'), log=lambda s: None)
	found, marks = handout.leaks(root, hand)
	for num, f, line in found:
		t(False, 'lab %s: the handout shows its solution: %s: %s' % (num, f, line))
	t(not found, 'the handout holds none of the %d distinctive solution lines '
	  '(%s)' % (sum(len(v) for v in marks.values()),
		    ', '.join('%s: %d' % (k, len(v)) for k, v in sorted(marks.items()))))
	if t(make(hand), 'the handout builds'):
		for lab in todo:
			res = lab_run(hand, lab, os.path.join(work, 'handout-lab-%s.log' % lab.num))
			t(not res.ok, 'lab %s: fails on the handout (%s)' % (lab.num, res.status()))


def main(root, nums):
	start = time.monotonic()
	quick = '--quick' in nums
	nums = [n for n in nums if n != '--quick']
	todo = [find(n) for n in nums] if nums else ready()
	todo = [l for l in todo if l and not l.needs]
	work = os.path.join(root, 'build', 'labs-check')
	os.makedirs(work, exist_ok=True)
	t = Tally()
	check_references(root, todo, work, t)
	if not quick:
		check_ladder(root, todo, work, t)
	check_handout(root, todo, work, t)
	print('labs-check: %d labs, %.0fs; logs in %s' % (
		len(todo), time.monotonic() - start, os.path.relpath(work, root)))
	print('%d passed, %d failed, 0 skipped' % (t.passed, t.failed))
	return 1 if t.failed else 0
