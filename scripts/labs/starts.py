# SPDX-License-Identifier: GPL-2.0
"""starts.py - a lab's starting point, put into a tree or recognised in it.

The start texts live in scripts/labs/start/NN/. Each Func or File
removal also has a fingerprint in scripts/labs/start/fingerprints: the
digest of the reference code the start was written against. When
someone changes that code (a fix, a trace hook), the fingerprint no
longer matches and `labs.py check` says so; `labs.py refresh` shows the
change and records it once the start has been brought along.
"""

import os
import re
import subprocess

import cfunc
from ladder import Func, Edit, File

HERE = os.path.dirname(os.path.abspath(__file__))
START = os.path.join(HERE, 'start')
PRINTS = os.path.join(START, 'fingerprints')


def start_path(lab, r):
	base = os.path.basename(r.path) if isinstance(r, File) else r.name + '.c'
	return os.path.join(START, lab.num, base)


def start_text(lab, r):
	if isinstance(r, Edit):
		return None
	with open(start_path(lab, r)) as f:
		return f.read()


def key(lab, r):
	return '%s %s %s' % (lab.num, r.path, getattr(r, 'name', '-'))


def fingerprints():
	out = {}
	if os.path.exists(PRINTS):
		for line in open(PRINTS):
			if line.strip() and not line.startswith('#'):
				k, _, v = line.strip().rpartition(' ')
				out[k] = v
	return out


def edited_digest(text, r):
	"""Digest of function r.name with the Edit applied: its start."""
	return cfunc.digest(cfunc.extract(cfunc.edit(text, r.name, r.old, r.new),
					  r.name, comment=False))


def region(text, r):
	"""The text a Func/File removal replaces."""
	return text if isinstance(r, File) else cfunc.extract(text, r.name)


def apply(root, lab, r, text=None):
	"""Put removal r's start into root (or into text, returned)."""
	src = cfunc.read(root, r.path) if text is None else text
	if isinstance(r, File):
		out = start_text(lab, r)
	elif isinstance(r, Func):
		out = cfunc.replace(src, r.name, start_text(lab, r))
	else:
		out = cfunc.edit(src, r.name, r.old, r.new)
	if text is None:
		cfunc.write(root, r.path, out)
	return out


def removal_state(root, lab, r, prints):
	"""'start', 'reference' (the teacher's code) or 'edited'."""
	try:
		text = cfunc.read(root, r.path)
	except OSError:
		return 'missing'
	if isinstance(r, Edit):
		try:
			now = cfunc.digest(cfunc.extract(text, r.name, comment=False))
		except cfunc.NotFound:
			return 'edited'
		if now == prints.get(key(lab, r) + '@start', now if
				     cfunc.contains(text, r.name, r.new) else None):
			return 'start'
		return 'reference' if cfunc.contains(text, r.name, r.old) else 'edited'
	want = start_text(lab, r)
	if isinstance(r, Func) and not want.strip():
		try:
			cfunc.span(text, r.name)
		except cfunc.NotFound:
			return 'start'
	try:
		got = region(text, r)
	except cfunc.NotFound:
		return 'edited'
	if got == want:
		return 'start'
	return 'reference' if prints.get(key(lab, r)) == cfunc.digest(got) else 'edited'


def lab_state(root, lab, prints=None):
	prints = fingerprints() if prints is None else prints
	states = {removal_state(root, lab, r, prints) for r in lab.removals}
	if states == {'start'}:
		return 'at its start'
	if states == {'reference'}:
		return 'reference solution'
	return 'your code'


def git_head_text(root, path):
	p = subprocess.run(['git', 'show', 'HEAD:' + path], cwd=root,
			   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
			   universal_newlines=True)
	return p.stdout if p.returncode == 0 else None


def restore(root, lab):
	"""Put the reference code back from git's HEAD. Error text or None."""
	prints = fingerprints()
	for r in lab.removals:
		head = git_head_text(root, r.path)
		try:
			ok = head is not None and (
				cfunc.contains(head, r.name, r.old) if isinstance(r, Edit)
				else prints.get(key(lab, r)) == cfunc.digest(region(head, r)))
		except cfunc.NotFound:
			ok = False
		if not ok:
			return ('%s: no reference solution in this tree (a student '
				'handout has none)' % r.path)
	for r in lab.removals:
		text = put_reference(cfunc.read(root, r.path),
				     git_head_text(root, r.path), r)
		if text is None:
			return ('%s: %s() is gone from the file; put it back '
				'from git (git show HEAD:%s)' % (r.path, r.name, r.path))
		cfunc.write(root, r.path, text)
	return None


def put_reference(text, ref_text, r):
	"""text with removal r's code as ref_text (the reference file) has
	it; None when there is nowhere to put it."""
	if isinstance(r, File):
		return ref_text
	if isinstance(r, Edit):		# the whole function, as the reference has it
		return cfunc.replace(text, r.name, cfunc.extract(
			ref_text, r.name, comment=False), comment=False)
	ref = region(ref_text, r)
	try:
		return cfunc.replace(text, r.name, ref)
	except cfunc.NotFound:
		return insert_before_next(text, ref_text, r.name, ref)


def insert_before_next(text, head, name, ref):
	"""text with ref put back where git's HEAD has it: before the
	definition that follows it there. None if that one is gone too."""
	lines = head.split('\n')
	_, end = cfunc.span(head, name)
	for line in lines[end:]:
		m = re.match(r'^(?:[A-Za-z_].*?\b|#\s*define\s+)(\w+)\(', line)
		if not m:
			continue
		try:
			first, _ = cfunc.span(text, m.group(1))
		except cfunc.NotFound:
			continue
		out = text.split('\n')
		return '\n'.join(out[:first] + ref.rstrip('\n').split('\n') + [''] +
				 out[first:])
	return None


def stale(root, labs):
	"""[(lab, removal, why)] whose reference changed since its start."""
	prints, out = fingerprints(), []
	for lab in labs:
		for r in lab.removals:
			text = cfunc.read(root, r.path)
			try:
				if isinstance(r, Edit):
					if not cfunc.contains(text, r.name, r.old):
						out.append((lab, r, 'the lines to take out are gone'))
					elif prints.get(key(lab, r) + '@start') != \
					     edited_digest(text, r):
						out.append((lab, r, 'the function changed'))
					continue
				got = cfunc.digest(region(text, r))
			except cfunc.NotFound:
				out.append((lab, r, '%s() not found' % r.name))
				continue
			if prints.get(key(lab, r)) != got:
				out.append((lab, r, 'the reference code changed'))
	return out


def refresh(root, labs):
	"""Record the reference code's fingerprints now. Returns the diffs."""
	prints, diffs = fingerprints(), []
	for lab in labs:
		for r in lab.removals:
			if isinstance(r, Edit):
				text = cfunc.read(root, r.path)
				if cfunc.contains(text, r.name, r.old):
					prints[key(lab, r) + '@start'] = edited_digest(text, r)
				continue
			got = region(cfunc.read(root, r.path), r)
			if prints.get(key(lab, r)) != cfunc.digest(got):
				diffs.append((lab, r, got))
			prints[key(lab, r)] = cfunc.digest(got)
	with open(PRINTS, 'w') as f:
		f.write('# lab path function digest-of-the-reference-code '
			'(labs.py refresh writes this)\n')
		for k in sorted(prints):
			f.write('%s %s\n' % (k, prints[k]))
	return diffs
