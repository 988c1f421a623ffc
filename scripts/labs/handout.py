# SPDX-License-Identifier: GPL-2.0
"""handout.py - the student's tree: every lab at its start, no solutions.

The handout is the teacher's tree as git knows it (tracked files and new
ones not ignored), with

  * every ready lab's removals applied (ladder.py, start/NN/);
  * the teacher-only files left out (TEACHER_ONLY below);
  * each "<!-- solution -->" ... "<!-- /solution -->" region of a
    Markdown file (a worked answer in the docs) replaced by a note;
  * the CI workflow that runs `make grade` on each push, as
    .github/workflows/grade.yml;

committed as the first and only commit of a fresh repository (no
history to dig a solution out of), and packed as a tarball. Then it is
searched for every solution's distinctive lines: lines of the reference
code that appear in no other source file of the teacher's tree (a doc
that quotes them is what the search is for).
"""

import collections
import os
import re
import shutil
import subprocess
import tarfile

import cfunc
import starts
from ladder import Edit, ready

# Nothing yet: the fingerprints are digests, which give no code away, and
# let the student's `make labs` tell a start from an edit.
TEACHER_ONLY = ()
SOLUTION_RE = re.compile(r'<!-- solution -->.*?<!-- /solution -->', re.S)
SOLUTION_NOTE = ('<!-- solution: left out of the student handout -->\n'
		 '*(A worked answer stood here; it is in the teacher\'s tree.)*')
WORKFLOW = 'docs/labs/ci/grade.yml'


def tree_files(root):
	p = subprocess.run(['git', 'ls-files', '-co', '--exclude-standard', '-z'],
			   cwd=root, stdout=subprocess.PIPE, check=True)
	return sorted(f for f in p.stdout.decode().split('\0')
		      if f and os.path.lexists(os.path.join(root, f)))


def is_text(path):
	try:
		with open(path, 'rb') as f:
			return b'\0' not in f.read(8192)
	except OSError:
		return False


def distinctive(root, labs):
	"""{lab num: [lines]}: the reference's lines found nowhere else."""
	count = collections.Counter()
	for f in tree_files(root):
		p = os.path.join(root, f)
		# docs may quote a solution: that is a leak to find, not a
		# reason to call the line common
		if os.path.isfile(p) and is_text(p) and f not in TEACHER_ONLY \
		   and not f.endswith('.md'):
			for line in open(p, errors='replace'):
				count[line.strip()] += 1
	out = {}
	for lab in labs:
		lines = []
		for r in lab.removals:
			text = cfunc.read(root, r.path)
			ref = '\n'.join(r.old) if isinstance(r, Edit) else \
				starts.region(text, r)
			start = '' if isinstance(r, Edit) else starts.start_text(lab, r)
			start_lines = {l.strip() for l in start.split('\n')}
			own = collections.Counter(l.strip() for l in ref.split('\n'))
			for l, n in own.items():
				if (len(l) >= 12 and l not in start_lines and
				    count[l] == n and not l.startswith(('*', '/*'))):
					lines.append(l)
		out[lab.num] = lines
	return out


def make(root, out_dir, log=print):
	"""Write out_dir/kmaplab (a fresh repository) and kmaplab.tar.gz."""
	tree = os.path.join(out_dir, 'kmaplab')
	if os.path.exists(tree):
		shutil.rmtree(tree)
	os.makedirs(tree)
	for f in tree_files(root):
		if f in TEACHER_ONLY:
			continue
		src, dst = os.path.join(root, f), os.path.join(tree, f)
		os.makedirs(os.path.dirname(dst), exist_ok=True)
		if os.path.islink(src):
			os.symlink(os.readlink(src), dst)
		else:
			shutil.copy2(src, dst)
	for lab in ready():
		for r in lab.removals:
			starts.apply(tree, lab, r)
	for f in tree_files(root):
		p = os.path.join(tree, f)
		if f.endswith('.md') and os.path.isfile(p):
			text = cfunc.read(tree, f)
			new = SOLUTION_RE.sub(SOLUTION_NOTE, text)
			if new != text:
				cfunc.write(tree, f, new)
	wf = os.path.join(tree, '.github', 'workflows', 'grade.yml')
	os.makedirs(os.path.dirname(wf), exist_ok=True)
	shutil.copy2(os.path.join(root, WORKFLOW), wf)
	env = dict(os.environ, GIT_AUTHOR_NAME='kmaplab', GIT_AUTHOR_EMAIL='kmaplab@localhost',
		   GIT_COMMITTER_NAME='kmaplab', GIT_COMMITTER_EMAIL='kmaplab@localhost',
		   GIT_AUTHOR_DATE='2026-01-01T00:00:00Z',
		   GIT_COMMITTER_DATE='2026-01-01T00:00:00Z',
		   GIT_CEILING_DIRECTORIES=out_dir)
	for argv in (['git', 'init', '-q', '-b', 'main'], ['git', 'add', '-A'],
		     ['git', 'commit', '-q', '-m', 'kmaplab: the lab handout']):
		subprocess.run(argv, cwd=tree, env=env, check=True,
			       stdout=subprocess.DEVNULL)
	tarball = os.path.join(out_dir, 'kmaplab.tar.gz')
	with tarfile.open(tarball, 'w:gz') as tar:
		tar.add(tree, arcname='kmaplab')
	log('handout: %s (a fresh repository, one commit) and %s' % (
		os.path.relpath(tree, root), os.path.relpath(tarball, root)))
	return tree


def leaks(root, tree):
	"""[(lab, file, line)]: a solution's distinctive line in the handout."""
	found = []
	marks = distinctive(root, ready())
	for f in tree_files(tree):
		p = os.path.join(tree, f)
		if not (os.path.isfile(p) and is_text(p)):
			continue
		lines = {l.strip() for l in open(p, errors='replace')}
		for num, want in marks.items():
			found += [(num, f, l) for l in want if l in lines]
	for lab in ready():
		for r in lab.removals:
			if starts.removal_state(tree, lab, r, {}) != 'start':
				found.append((lab.num, r.path, 'not at its start: %s' %
					      getattr(r, 'name', r.path)))
	return found, marks
