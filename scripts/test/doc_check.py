#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# doc_check.py - the docs against the boots: one of make test's host
# checks, run after the boots and the monitor test, reading their logs in
# build/test-logs/ (docs/style.md, "Docs that cannot drift").
#
#  * every "<!-- boot: RUN -->" block of docs/*.md: its lines are lines of
#    RUN's log, in order (scripts/test/doc_blocks.py);
#  * the figures of the memory layout (addresses, sizes, slot counts, page
#    directory entries) in docs/, against the layout the -m 1G boot prints
#    and the kmap_local slot the monitor test's boot maps;
#  * every kmap_local slot address written next to its slot number, in
#    docs/ and docs/img/*.dot, against the same;
#  * the kernel messages quoted in the prose (QUOTES), in a log;
#  * the .svg drawn from a .dot has the .dot's addresses;
#  * every tree path in backquotes, and every link to a file, in docs/
#    and README.md exists;
#  * the book (docs/book/): its README lists the chapters in order, each
#    chapter names a source file and a lab, every lab is named by one.
#
# Ends with "N passed, N failed, N skipped" like the runner.

import glob
import os
import re
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from doc_blocks import TS_RE, blocks, match_log, unmarked_markers	# noqa: E402
from doc_figures import boot_facts, figure_checks, slot_checks		# noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
LOGS = os.path.join(ROOT, 'build', 'test-logs')


class Checks:
	def __init__(self):
		self.passed = self.failed = self.skipped = 0

	def check(self, name, why):
		"""why: None when the check passed, else what is wrong."""
		if why is None:
			self.passed += 1
			print('ok      %s' % name)
		else:
			self.failed += 1
			print('not ok  %s' % name)
			for l in str(why).splitlines():
				print('        | ' + l)

	def skip(self, name, why):
		self.skipped += 1
		print('skip    %s: %s' % (name, why))


def docs():
	"""{path: text} of docs/*.md, docs/labs/*.md, docs/book/*.md and
	docs/img/*.dot."""
	paths = sorted(glob.glob(os.path.join(ROOT, 'docs', '*.md')) +
		       glob.glob(os.path.join(ROOT, 'docs', 'labs', '*.md')) +
		       glob.glob(os.path.join(ROOT, 'docs', 'book', '*.md')) +
		       glob.glob(os.path.join(ROOT, 'docs', 'img', '*.dot')))
	return {os.path.relpath(p, ROOT): open(p).read() for p in paths}


def read_log(run):
	"""The lines of run's log, timestamps off; None when there is none,
	or only one older than the kernel (a run that did not boot it)."""
	# a run of the table, or a log elsewhere in build/ (labs-check/...)
	path = os.path.join(LOGS if '/' not in run else os.path.dirname(LOGS),
			    run + '.log')
	elf = os.path.join(ROOT, 'build', 'kmaplab.elf')
	if not os.path.exists(path) or (os.path.exists(elf) and
					 os.path.getmtime(path) < os.path.getmtime(elf)):
		return None
	return [TS_RE.sub('', l.rstrip('\r\n')).rstrip()
		for l in open(path, errors='replace')]


def check_boot_blocks(c, texts):
	for path, text in texts.items():
		for where in unmarked_markers(path, text):
			c.check('%s: a transcript marker' % where,
				'not "<!-- boot: RUN -->" or "<!-- monitor ... -->" '
				'on the line above a ``` block')
		for b in blocks(path, text):
			if b.kind != 'boot':
				continue
			log = read_log(b.arg)
			name = '%s: transcript of the %s boot' % (b.where(), b.arg)
			if log is None:
				c.check(name, 'no log %s.log newer than the kernel: is %s in '
					'the run table?' % (b.arg, b.arg))
				continue
			c.check(name, match_log(b.lines, log, b.varies))


# Kernel messages quoted in the prose, and the run whose log has them.
QUOTES = [
	('docs/conversion.md', r'"(kunmap_local: unmapping [^"]*)"', 'tcg-kernel'),
]


def check_quotes(c, texts):
	for doc, rx, run in QUOTES:
		log = ' '.join(' '.join(l.split()) for l in read_log(run) or [])
		found = [' '.join(m.group(1).split()) for m in re.finditer(rx, texts[doc])]
		missing = [q for q in found if q not in log]
		c.check('%s: the kernel messages it quotes, in the %s boot' % (doc, run),
			'quoted but never printed: %r' % missing[0] if missing else
			('nothing matches %s' % rx if not found else None))


def check_svgs(c, texts):
	"""A picture drawn from a .dot shows the addresses its source has
	(the .svg was redrawn after the .dot changed: make docs-img)."""
	for path, text in sorted(texts.items()):
		svg = os.path.join(ROOT, path[:-4] + '.svg')
		if not path.endswith('.dot') or not os.path.exists(svg):
			continue
		drawn = open(svg).read()
		stale = sorted({a for a in re.findall(r'\b[0-9a-f]{8}\b', text)
				if a not in drawn})
		c.check('%s: redrawn since its source changed' % os.path.relpath(svg, ROOT),
			'the .dot has %s, the .svg does not: make docs-img' % ', '.join(stale)
			if stale else None)


# `scripts/test/runner.py`, `mm/highmem.c`, `docs/img/` -- a path in
# the tree: a folder of the tree first, then a name with an extension
# (or a trailing slash).
TOP = ('arch', 'boot', 'docs', 'drivers', 'fs', 'include', 'init', 'kernel',
       'lib', 'mm', 'sched', 'scripts', 'teaching', 'tests', 'user')
PATH_RE = re.compile(r'`((?:%s)/[\w./-]*(?:\.\w+|/))`' % '|'.join(TOP))
LINK_RE = re.compile(r'\]\(([^)#\s]+)(?:#[^)]*)?\)')


def tree_paths():
	"""Every file and folder of the tree, and every tail of their paths
	(a page may name `lib/setjmp_32.asm` in a row about arch/x86/)."""
	out = set()
	for d, dirs, files in os.walk(ROOT):
		dirs[:] = [x for x in dirs if not x.startswith('.') and x != 'build']
		for n in files + [x + '/' for x in dirs]:
			parts = os.path.relpath(os.path.join(d, n), ROOT).split(os.sep)
			parts[-1] += '/' if n.endswith('/') and not parts[-1].endswith('/') else ''
			for i in range(len(parts)):
				out.add('/'.join(parts[i:]))
	return out


def check_paths(c, texts):
	texts = dict(texts)
	texts['README.md'] = open(os.path.join(ROOT, 'README.md')).read()
	known = tree_paths()
	for path, text in sorted(texts.items()):
		if path.endswith('.dot'):
			continue
		# a pattern (lab_NN_..._test.c) names no one file
		missing = sorted({m.group(1) for m in PATH_RE.finditer(text)
				  if m.group(1) not in known and m.group(1).rstrip('/') not in known
				  and '...' not in m.group(1) and 'NN' not in m.group(1)})
		# and every link to another file: [text](../scripts/x.py#anchor)
		here = os.path.dirname(os.path.join(ROOT, path))
		missing += sorted({m.group(1) for m in LINK_RE.finditer(text)
				   if not m.group(1).startswith(('http:', 'https:', 'mailto:'))
				   and not os.path.exists(os.path.join(here, m.group(1)))})
		c.check('%s: every `path` and link in it exists' % path,
			'missing: ' + ', '.join(missing) if missing else None)


# The book walks the code and the labs in a course's order; these keep it
# from falling behind them (a chapter or a lab added, renamed, dropped).
BOOK = 'docs/book'
NUMBERED_RE = re.compile(r'^(\d\d)-[\w-]+\.md$')	# 01-boot.md, 03-kmap-pool.md
SOURCE_TOP = tuple(t for t in TOP if t not in ('docs', 'scripts'))


def numbered(folder):
	"""The NN-name.md files of a folder of the tree, in order."""
	path = os.path.join(ROOT, folder)
	return sorted(n for n in os.listdir(path) if NUMBERED_RE.match(n)) \
		if os.path.isdir(path) else []


def book_toc(readme, chapters):
	"""None when the README links every chapter, in order, numbered
	01, 02, ... without a gap; else what is wrong."""
	listed = []
	for m in LINK_RE.finditer(readme):
		if NUMBERED_RE.match(m.group(1)) and m.group(1) not in listed:
			listed.append(m.group(1))
	if listed != chapters:
		return 'lists %s; the chapters are %s' % (', '.join(listed) or 'none',
							 ', '.join(chapters) or 'none')
	gaps = [n for i, n in enumerate(chapters) if int(n[:2]) != i + 1]
	return 'numbered with a gap at %s' % gaps[0] if gaps else None


def chapter_refs(path, text, known):
	"""(source files it names, labs it links to) of one chapter."""
	here = os.path.dirname(os.path.join(ROOT, path))
	labs_dir = os.path.join(ROOT, 'docs', 'labs')
	sources = {m.group(1) for m in PATH_RE.finditer(text)
		   if m.group(1).startswith(tuple(t + '/' for t in SOURCE_TOP))
		   and m.group(1) in known and not m.group(1).endswith('/')}
	labs = set()
	for m in LINK_RE.finditer(text):
		target = os.path.normpath(os.path.join(here, m.group(1)))
		name = os.path.basename(target)
		if os.path.dirname(target) == labs_dir and NUMBERED_RE.match(name) \
		   and os.path.exists(target):
			labs.add(name)
	return sources, labs


def check_book(c, texts):
	chapters, labs = numbered(BOOK), numbered('docs/labs')
	readme = texts.get(BOOK + '/README.md')
	c.check('%s/README.md: lists the chapters, in order' % BOOK,
		'no %s/README.md' % BOOK if readme is None else book_toc(readme, chapters))
	known, named = tree_paths(), set()
	for n in chapters:
		path = '%s/%s' % (BOOK, n)
		sources, ch_labs = chapter_refs(path, texts[path], known)
		named |= ch_labs
		c.check('%s: names a source file and a lab' % path,
			None if sources and ch_labs else 'names no %s' % ' and no '.join(
				w for w, ok in (('source file in `...`', sources),
						('lab (a link to docs/labs/NN-name.md)', ch_labs))
				if not ok))
	missing = [n for n in labs if n not in named]
	c.check('%s: every lab of docs/labs/ is named by a chapter' % BOOK,
		'no chapter links to %s' % ', '.join(missing) if missing else None)


def main():
	sys.stdout.reconfigure(line_buffering=True)
	c = Checks()
	texts = docs()
	check_boot_blocks(c, texts)
	facts, why = boot_facts(read_log)
	if facts is None:
		c.check('the layout and slot figures: boot logs to compare with', why)
	else:
		for name, why in figure_checks(texts, facts) + slot_checks(texts, facts):
			c.check(name, why)
	check_quotes(c, texts)
	check_svgs(c, texts)
	check_paths(c, texts)
	check_book(c, texts)
	print('%d passed, %d failed, %d skipped' % (c.passed, c.failed, c.skipped))
	return 1 if c.failed else 0


if __name__ == '__main__':
	sys.exit(main())
