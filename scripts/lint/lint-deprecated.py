#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""lint-deprecated.py - report uses of deprecated highmem mapping APIs.

Linux deprecates kmap() and kmap_atomic() in favour of kmap_local_page()
(scripts/checkpatch.pl, %deprecated_apis).  This lint scans kmaplab's C
sources and headers and reports every call of an API in DEPRECATED below,
which also lists the unmap halves and the _prot/_pfn variants: converting
a kmap() means converting its kunmap() too.

    mm/foo.c:12: kmap() is deprecated: use kmap_local_page() (...): kmap(page)

Comments and string literals are blanked before matching, so a mention
in either is not a use; a call split over lines is still one.  Not uses
either: `name (` at file scope (a declaration or a definition: a call
at file scope, in an initializer, would be miscounted so), `#define
name(` (a macro definition) and `ops->name(` (a field).

A file may use deprecated APIs when it says why, in a comment of its own:

    /* kmaplab-lint: allow kmap kmap_atomic -- <reason> */

Allowing a map call (kmap, kmap_atomic*) allows its unmap pair (kunmap,
kunmap_atomic) too.  The reason is required: a marker without one is an
error.  A file with no marker may instead be listed in
scripts/lint/lint-allow.txt ("path apis -- reason"); a marker in the file
always wins over that list.

When Linux 6.1's checkpatch.pl can be had (Debian's linux-source-6.1,
installed when missing and running as root), it is run over the same
files with --types DEPRECATED_API; a line it flags that this lint did not
see is a disagreement and fails the run.  Without it, one line says why
and the lint goes on alone.

Exit status: 0 clean, 1 violations / marker errors / disagreement,
2 bad usage.
"""
import argparse
import os
import re
import sys

# The tokenizer and the checkpatch cross-check are modules beside this
# file; the self-test loads this file by path, so name their folder.
sys.dont_write_bytecode = True		# no __pycache__ in scripts/
_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
	sys.path.insert(0, _HERE)

from lint_tokens import Source, tokens, call_text		# noqa: E402
from lint_checkpatch import (fetch_checkpatch, run_checkpatch,	# noqa: E402,F401
			     disagreements, cross_check)

_ATOMIC = 'which does not disable preemption or page faults: add that only if needed'
# The one table: deprecated API -> (replacement, note for the report).
DEPRECATED = {
	'kmap': ('kmap_local_page',
		 'thread-local; its pair kunmap(page) becomes kunmap_local(addr)'),
	'kunmap': ('kunmap_local',
		   'the pair of kmap(); kunmap_local() takes the address, not the page'),
	'kmap_atomic': ('kmap_local_page', _ATOMIC),
	'kmap_atomic_prot': ('kmap_local_page_prot', _ATOMIC),
	'kmap_atomic_pfn': ('kmap_local_pfn', _ATOMIC),
	'kunmap_atomic': ('kunmap_local', 'the pair of kmap_atomic(); unmap in reverse order'),
}

# Allowing a map call allows its unmap call too: the two come as a pair.
PAIR = {'kmap': 'kunmap', 'kmap_atomic': 'kunmap_atomic',
	'kmap_atomic_prot': 'kunmap_atomic', 'kmap_atomic_pfn': 'kunmap_atomic'}

SCAN_DIRS = ('arch', 'boot', 'drivers', 'include', 'init', 'kernel', 'lib', 'mm',
	     'sched', 'teaching', 'tests')
SKIP_DIRS = ('scripts/lint/selftest',)	# the self-test's fixtures break the rules on purpose
SUFFIXES = ('.c', '.h')
MARKER = 'kmaplab-lint:'

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# --------------------------------------------------------------- scanning --

class Hit:
	def __init__(self, path, line, api, kind, call):
		self.path, self.line, self.api = path, line, api
		self.kind = kind	# 'use', 'definition', 'macro-definition', 'member'
		self.call = call

	def report(self):
		new, note = DEPRECATED[self.api]
		return ('%s:%d: %s() is deprecated: use %s() (%s): %s'
			% (self.path, self.line, self.api, new, note, self.call))



def scan_source(path, text):
	"""Every occurrence of a table API followed by '(' in one file."""
	src = Source(text)
	hits = []
	toks = list(tokens(src.code))
	depth = 0		# brace depth outside preprocessor directives
	directive = False	# inside a # line
	at_bol = True
	for i, (kind, tok, off) in enumerate(toks):
		if kind == 'eol':
			directive = False
			at_bol = True
			continue
		if at_bol and tok == '#':
			directive = True
		at_bol = False
		if not directive:
			if tok == '{':
				depth += 1
			elif tok == '}':
				depth = max(0, depth - 1)
		if kind != 'id' or tok not in DEPRECATED:
			continue
		j = i + 1
		while j < len(toks) and toks[j][0] == 'eol' and directive is False:
			j += 1
		if j >= len(toks) or toks[j][1] != '(':
			continue
		prev = [t[1] for t in toks[max(0, i - 2):i]]
		if prev[-1:] in (['.'], ['->']):
			what = 'member'		# ops->kmap(page): a field, not the API
		elif directive:
			what = 'macro-definition' if prev == ['#', 'define'] else 'use'
		else:
			what = 'definition' if depth == 0 else 'use'
		hits.append(Hit(path, src.line_of(off), tok, what, call_text(src, off)))
	return src, hits


# ---------------------------------------------------------------- markers --

class Allow:
	def __init__(self, apis, reason, where):
		self.apis, self.reason, self.where = apis, reason, where


def parse_allow(body, where, what='kmaplab-lint marker'):
	"""Parse 'allow API... -- reason' (the text after the marker).
	Returns (Allow or None, error or None)."""
	body = body.strip()
	if not re.match(r'allow\b', body):
		return None, ('unknown kmaplab-lint directive "%s" (expected "allow API... -- reason")'
			      % body.split()[0] if body else 'empty kmaplab-lint marker')
	body = body[len('allow'):]
	apis_part, sep, reason = body.partition('--')
	apis = apis_part.split()
	reason = ' '.join(reason.split())
	if not apis:
		return None, what + ' lists no API'
	unknown = [a for a in apis if a not in DEPRECATED]
	if unknown:
		return None, ('%s names %s, not a deprecated API (known: %s)'
			      % (what, ', '.join(unknown), ' '.join(sorted(DEPRECATED))))
	if not sep or not reason:
		return None, ('%s has no reason: add "-- <why this file may use %s>"'
			      % (what, ' '.join(apis)))
	return Allow(apis, reason, where), None


def file_markers(path, src):
	"""Markers from the file's comments: ([Allow], [(line, error)]).
	A marker is a comment line that starts with "kmaplab-lint:" (after
	the comment's opening and any '*' column), so prose that merely
	mentions the syntax is not one. Its text runs on over the comment's
	following lines up to a blank line or the comment's end."""
	allows, errors = [], []
	for first, body in src.comments:
		lines = [re.sub(r'^\s*\*?\s*', '', l).rstrip() for l in body.split('\n')]
		for k, l in enumerate(lines):
			if not l.startswith(MARKER):
				continue
			text = [l[len(MARKER):]]
			for more in lines[k + 1:]:
				if not more or more.startswith(MARKER):
					break
				text.append(more)
			line = first + k
			allow, err = parse_allow(' '.join(text), '%s:%d' % (path, line))
			if err:
				errors.append((line, err))
			else:
				allows.append(allow)
	return allows, errors


def read_allow_file(path, rel):
	"""scripts/lint/lint-allow.txt: 'path api... -- reason' a line, '#' comments.
	Returns ({path: Allow}, [error lines])."""
	table, errors = {}, []
	try:
		with open(path) as f:
			lines = f.read().split('\n')
	except FileNotFoundError:
		return table, errors
	for n, l in enumerate(lines, 1):
		l = l.split('#', 1)[0].strip() if not l.lstrip().startswith('#') else ''
		if not l:
			continue
		fpath, _, rest = l.replace('\t', ' ').partition(' ')
		allow, err = parse_allow('allow ' + rest, '%s:%d' % (rel, n), 'allow-list line')
		if err:
			errors.append('%s:%d: %s' % (rel, n, err))
		else:
			table[os.path.normpath(fpath)] = allow
	return table, errors


# ------------------------------------------------------------------- main --

def collect(root, paths):
	"""Relative paths of the .c/.h files to scan, sorted."""
	out = []
	for p in paths:
		full = os.path.join(root, p)
		if os.path.isfile(full):
			out.append(os.path.normpath(p))
			continue
		for d, dirs, files in os.walk(full):
			rel = os.path.relpath(d, root)
			dirs[:] = sorted(x for x in dirs
					 if os.path.normpath(os.path.join(rel, x)) not in SKIP_DIRS
					 and x != 'build')
			out += [os.path.normpath(os.path.join(rel, f))
				for f in files if f.endswith(SUFFIXES)]
	return sorted(set(out))


def parse_args(argv):
	ap = argparse.ArgumentParser(description='Report uses of deprecated kmap APIs.')
	ap.add_argument('paths', nargs='*',
			help='files or directories to scan, relative to the tree '
			     '(default: %s, not scripts/lint/selftest)' % ' '.join(SCAN_DIRS))
	ap.add_argument('--root', default=ROOT, help='the kmaplab tree (default: %(default)s)')
	ap.add_argument('--build', default='build',
			help='build directory, relative to the tree, where checkpatch is '
			     'cached (default: %(default)s)')
	ap.add_argument('--allow-file', default='scripts/lint/lint-allow.txt',
			help='fallback allow-list, relative to the tree (default: %(default)s)')
	ap.add_argument('--no-checkpatch', action='store_true',
			help='skip the checkpatch.pl cross-check (also LINT_CHECKPATCH=0)')
	ap.add_argument('--checkpatch', metavar='FILE',
			help='cross-check with this checkpatch.pl instead of Linux 6.1\'s')
	ap.add_argument('-v', '--verbose', action='store_true',
			help='also list allowed uses and definitions')
	return ap.parse_args(argv)


def allowed_apis(path, src, fallback, verbose):
	"""{api: Allow} this file may use (its markers, else its line in the
	allow file; a map call's marker allows its unmap pair), and the
	marker errors."""
	allows, errs = file_markers(path, src)
	if not allows and not errs and path in fallback:
		allows = [fallback[path]]
	elif path in fallback and verbose:
		print('%s: has a marker of its own; its %s line is ignored'
		      % (path, fallback[path].where))
	ok = {}
	for a in allows:
		for api in a.apis:
			ok.setdefault(api, a)
			if api in PAIR:
				ok.setdefault(PAIR[api], a)
	return ok, errs


def check_file(root, path, fallback, verbose, allowed):
	"""Scan one file and print what is wrong in it, in line order; counts
	its allowed uses into allowed. (hits, uses, violations, errors)."""
	with open(os.path.join(root, path), encoding='utf-8', errors='replace') as f:
		src, hits = scan_source(path, f.read())
	ok, errs = allowed_apis(path, src, fallback, verbose)
	msgs = [(line, '%s:%d: %s' % (path, line, err)) for line, err in errs]
	uses = violations = 0
	for h in hits:
		if h.kind != 'use':
			if verbose:
				msgs.append((h.line, '%s:%d: %s of %s(), not a use'
					     % (h.path, h.line, h.kind, h.api)))
			continue
		uses += 1
		if h.api in ok:
			a = ok[h.api]
			allowed.setdefault((path, a.where), [0, a])[0] += 1
			if verbose:
				msgs.append((h.line, 'allowed: ' + h.report()))
		else:
			violations += 1
			msgs.append((h.line, h.report()))
	for _, m in sorted(msgs, key=lambda m: m[0]):
		print(m)
	return hits, uses, violations, errs


def main(argv=None):
	args = parse_args(argv)
	root = os.path.abspath(args.root)
	files = collect(root, args.paths or [d for d in SCAN_DIRS
					     if os.path.isdir(os.path.join(root, d))])
	fallback, errors = read_allow_file(os.path.join(root, args.allow_file),
					   args.allow_file)
	for e in errors:
		print(e)
	all_hits = []
	uses = violations = 0
	allowed = {}		# (path, where) -> [count, Allow]
	for path in files:
		hits, u, v, errs = check_file(root, path, fallback, args.verbose, allowed)
		all_hits += hits
		uses, violations, errors = uses + u, violations + v, errors + errs

	nallowed = sum(n for n, _ in allowed.values())
	print('lint-deprecated: %d file%s, %d use%s, %d allowed, %d violation%s%s'
	      % (len(files), 's' * (len(files) != 1), uses, 's' * (uses != 1), nallowed,
		 violations, 's' * (violations != 1),
		 ', %d bad allow marker%s' % (len(errors), 's' * (len(errors) != 1))
		 if errors else ''))
	for (path, where), (n, a) in sorted(allowed.items()):
		print('  allowed in %s (%d use%s): %s [%s]'
		      % (path, n, 's' * (n != 1), a.reason, where))
	failed = bool(violations or errors)

	if not (args.no_checkpatch or not files
		or (os.environ.get('LINT_CHECKPATCH') == '0' and not args.checkpatch)):
		if cross_check(root, os.path.join(root, args.build), files, all_hits,
			       args.checkpatch):
			failed = True
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main())
