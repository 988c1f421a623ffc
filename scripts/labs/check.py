# SPDX-License-Identifier: GPL-2.0
"""check.py - the teacher's proof that every lab works (make labs-check).

  1. no lab's reference code changed since its start was written
     (else: make labs-refresh, and bring the start along);
  2. the teacher's tree builds and every lab's suite passes on it;
  3. for each lab alone, on a copy of the tree under build/labs-check/:
     its start applies (found by name), the tree builds, and the lab's
     suite runs and fails cleanly ("not ok", no crash, no hang);
  4. the handout (every lab at its start) builds, every lab fails there,
     and no solution's distinctive line is anywhere in it.

--quick (what make test runs) leaves out 3, the slow part: one build
per lab. The handout's run still shows every lab failing at its start.

One line per check; the last is "N passed, N failed, 0 skipped".
"""

import os
import shutil
import time

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


def check_each_start(root, todo, work, t):
	"""Each lab alone at its start, in one copy of the tree."""
	from labs import make
	tree = os.path.join(work, 'tree')
	if os.path.exists(tree):
		shutil.rmtree(tree)
	shutil.copytree(root, tree, symlinks=True, ignore=lambda d, names: [
		n for n in names if d == root and n in ('build', '.git')])
	for lab in todo:
		saved = {r.path: open(os.path.join(tree, r.path)).read() for r in lab.removals}
		try:
			for r in lab.removals:
				starts.apply(tree, lab, r)
		except Exception as e:
			t(False, 'lab %s: its start does not apply: %s' % (lab.num, e))
			continue
		if t(make(tree), 'lab %s: the tree at its start builds' % lab.num):
			log = os.path.join(work, 'lab-%s-start.log' % lab.num)
			res = lab_run(tree, lab, log)
			t(fails_cleanly(res), 'lab %s: at its start the suite fails cleanly '
			  '(%s, exit %s)%s' % (lab.num, res.status(), res.rc,
			  '' if fails_cleanly(res) else '; log ' + os.path.relpath(log, root)))
		for path, text in saved.items():
			with open(os.path.join(tree, path), 'w') as f:
				f.write(text)


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
		check_each_start(root, todo, work, t)
	check_handout(root, todo, work, t)
	print('labs-check: %d labs, %.0fs; logs in %s' % (
		len(todo), time.monotonic() - start, os.path.relpath(work, root)))
	print('%d passed, %d failed, 0 skipped' % (t.passed, t.failed))
	return 1 if t.failed else 0
