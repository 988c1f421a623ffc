#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""labs.py - the course labs (docs/labs/): status, grade, handout, check.

    labs.py list                the ladder, and each lab's state here
    labs.py test NN             build, boot lab NN's suite, show each case
    labs.py grade [NN ...]      build, boot every lab (or those named),
                                print the points, write build/grade.json
    labs.py reset NN            put lab NN's starting point into this tree
                                (your code in those functions is saved
                                under build/labs/ first)
    labs.py solve NN            teacher's tree: the reference code back
    labs.py handout [DIR]       the student tree (default build/handout/)
    labs.py check [NN ...]      teacher: every start fails, every
                                reference passes, the handout leaks none
    labs.py refresh             teacher: after the reference code of a
                                lab changed, show it and record it

What a lab's state and grade say depends only on what its suites see
and on the text of the functions it names (ladder.py): never on a patch
applying. The last line of `check` is "N passed, N failed, 0 skipped".
"""

import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cfunc		# noqa: E402
import grade		# noqa: E402
import handout		# noqa: E402
import starts		# noqa: E402
from ladder import LABS, File, find, ready	# noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, 'build')
GRADE_JSON = os.path.join(BUILD, 'grade.json')


def lab_or_die(num):
	lab = find(num)
	if not lab:
		sys.exit('labs.py: no lab %s (make labs lists them: %s)' % (
			num, ' '.join(l.num for l in LABS)))
	if lab.needs:
		sys.exit('labs.py: lab %s waits for %s; it cannot be taken yet' % (
			lab.num, lab.needs))
	return lab


def make(tree, out=print):
	p = subprocess.run(['make', '-C', tree, '-j%d' % (os.cpu_count() or 2)],
			   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
			   universal_newlines=True)
	if p.returncode:
		out(p.stdout[-3000:])
		out('labs.py: the tree does not build (above); every lab scores 0')
	return p.returncode == 0


def last_grades():
	try:
		with open(GRADE_JSON) as f:
			return {l['lab']: l for l in json.load(f)['labs']}
	except (OSError, ValueError, KeyError):
		return {}


def cmd_list():
	prints, last = starts.fingerprints(), last_grades()
	print('lab  %-42s %-9s %-6s %-19s %s' % ('', 'level', 'hours', 'here', 'last grade'))
	for lab in LABS:
		if lab.needs:
			state, seen = 'not yet', 'waits for ' + lab.needs
		else:
			state = starts.lab_state(ROOT, lab, prints)
			g = last.get(lab.num)
			seen = ('%s, %s' % ('PASS' if g['ok'] else 'FAIL', g['cases'])
				if g else '-')
		print('%s   %-42s %-9s %-6s %-19s %s' % (lab.num, lab.title[:42],
			lab.level, lab.hours, state, seen))
	print('make lab-test LAB=NN runs one lab; make grade runs them all.')


def run_lab(tree, lab, log_dir):
	os.makedirs(log_dir, exist_ok=True)
	log = os.path.join(log_dir, 'lab-%s.log' % lab.num)
	return grade.boot(os.path.join(tree, 'build', 'kmaplab.elf'), lab, log), log


def grade_row(lab, res, score):
	return {'lab': lab.num, 'name': lab.name, 'ok': res.ok, 'points': score,
		'max': lab.points, 'cases': res.status(),
		'failed': [c for c, ok in res.cases.items() if not ok]}


def save_grade(lab, res):
	"""lab-test's result into build/grade.json, for `make labs`."""
	try:
		with open(GRADE_JSON) as f:
			data = json.load(f)
	except (OSError, ValueError):
		data = {'labs': []}
	data['labs'] = [l for l in data.get('labs', []) if l.get('lab') != lab.num]
	data['labs'].append(grade_row(lab, res, lab.points if res.ok else 0))
	data['labs'].sort(key=lambda l: l['lab'])
	data['score'] = sum(l['points'] for l in data['labs'])
	data['max'] = sum(l['max'] for l in data['labs'])
	with open(GRADE_JSON, 'w') as f:
		json.dump(data, f, indent=1)


def cmd_test(num):
	lab = lab_or_die(num)
	if not make(ROOT):
		return 1
	res, log = run_lab(ROOT, lab, BUILD)
	grade.show(res, print)
	print('lab %s (%s): %s, %s; serial log %s' % (lab.num, lab.title,
		'PASS' if res.ok else 'FAIL', res.status(), os.path.relpath(log, ROOT)))
	save_grade(lab, res)
	return 0 if res.ok else 1


def cmd_grade(nums):
	todo = [lab_or_die(n) for n in nums] if nums else ready()
	built = make(ROOT)
	rows, total, most = [], 0, 0
	for lab in todo:
		if built:
			res, log = run_lab(ROOT, lab, os.path.join(BUILD, 'grade'))
			score = lab.points if res.ok else 0
		else:
			res, score = grade.Result(lab), 0
		total, most = total + score, most + lab.points
		print('== lab %s: %s (%s)' % (lab.num, lab.title, lab.level))
		grade.show(res, print)
		print('   %s: %d/%d points (%s)' % ('PASS' if res.ok else 'FAIL',
			score, lab.points, res.status()))
		rows.append(grade_row(lab, res, score))
	for lab in LABS:
		if lab.needs and not nums:
			print('== lab %s: %s -- not graded yet, waits for %s' % (
				lab.num, lab.title, lab.needs))
	print('Score: %d/%d' % (total, most))
	os.makedirs(BUILD, exist_ok=True)
	with open(GRADE_JSON, 'w') as f:
		json.dump({'score': total, 'max': most, 'built': built,
			   'time': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime()),
			   'labs': rows}, f, indent=1)
	print('(written to %s)' % os.path.relpath(GRADE_JSON, ROOT))
	return 0


def cmd_reset(num):
	lab = lab_or_die(num)
	save = os.path.join(BUILD, 'labs', '%s-before-reset-%d' % (lab.num, time.time()))
	for r in lab.removals:
		dst = os.path.join(save, r.path)
		os.makedirs(os.path.dirname(dst), exist_ok=True)
		shutil.copy2(os.path.join(ROOT, r.path), dst)
	for r in lab.removals:
		try:
			starts.apply(ROOT, lab, r)
		except cfunc.NotFound as e:
			if starts.removal_state(ROOT, lab, r, {}) != 'start':
				sys.exit('labs.py: %s: %s is not in the file any more' % (r.path, e))
	print('lab %s is at its start (the files as they were: %s). '
	      'Its suite: make lab-test LAB=%s' % (lab.num, os.path.relpath(save, ROOT), lab.num))
	return 0


def cmd_solve(num):
	lab = lab_or_die(num)
	err = starts.restore(ROOT, lab)
	if err:
		sys.exit('labs.py: ' + err)
	print('lab %s: the reference code is back (from git HEAD)' % lab.num)
	return 0


def cmd_handout(out_dir):
	tree = handout.make(ROOT, out_dir)
	found, _ = handout.leaks(ROOT, tree)
	for num, f, line in found:
		print('LEAK lab %s: %s: %s' % (num, f, line))
	return 1 if found else 0


def cmd_refresh():
	diffs = starts.refresh(ROOT, ready())
	for lab, r, text in diffs:
		print('lab %s: the reference %s in %s changed; it now reads:\n%s' % (
			lab.num, getattr(r, 'name', 'file'), r.path, text))
		print('-> check that %s still fits it (make labs-check)\n' %
		      os.path.relpath(starts.start_path(lab, r), ROOT))
	print('fingerprints recorded in %s (%d changed)' % (
		os.path.relpath(starts.PRINTS, ROOT), len(diffs)))
	return 0


def main(argv):
	sys.stdout.reconfigure(line_buffering=True)
	if not argv or argv[0] in ('-h', '--help'):
		print(__doc__)
		return 0 if argv else 2
	cmd, args = argv[0], argv[1:]
	one = {'test': cmd_test, 'reset': cmd_reset, 'solve': cmd_solve}
	if cmd in one:
		if len(args) != 1:
			sys.exit('labs.py: %s needs a lab number (make lab-%s LAB=NN)' % (cmd, cmd))
		return one[cmd](args[0])
	if cmd == 'list':
		cmd_list()
		return 0
	if cmd == 'grade':
		return cmd_grade(args)
	if cmd == 'handout':
		return cmd_handout(os.path.abspath(args[0]) if args else os.path.join(BUILD, 'handout'))
	if cmd == 'refresh':
		return cmd_refresh()
	if cmd == 'check':
		import check
		return check.main(ROOT, args)
	sys.exit('labs.py: unknown command %s (list, test, grade, reset, solve, '
		 'handout, check, refresh)' % cmd)


if __name__ == '__main__':
	sys.exit(main(sys.argv[1:]))
