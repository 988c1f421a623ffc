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
scripts/lint-allow.txt ("path apis -- reason"); a marker in the file
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
import shutil
import subprocess
import sys
import time

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

SCAN_DIRS = ('kernel', 'mm', 'sched', 'include', 'tests')
SKIP_DIRS = ('tests/lint',)	# the self-test's fixtures break the rules on purpose
SUFFIXES = ('.c', '.h')
MARKER = 'kmaplab-lint:'

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CHECKPATCH_TAR = '/usr/src/linux-source-6.1.tar.xz'
CHECKPATCH_MEMBERS = ('scripts/checkpatch.pl', 'scripts/spelling.txt',
		      'scripts/const_structs.checkpatch')


# --------------------------------------------------------------- scanning --

class Source:
	"""One C file: code with comments and string/char literals blanked
	(newlines kept, so offsets and line numbers still match), and the
	comments themselves (line, text) for the markers."""

	def __init__(self, text):
		self.text = text
		self.comments = []
		out = list(text)
		nocomment = list(text)
		i, n = 0, len(text)
		line = 1

		def blank(a, b, comment=True):
			for k in range(a, b):
				if out[k] != '\n':
					out[k] = ' '
					if comment:
						nocomment[k] = ' '

		while i < n:
			c = text[i]
			if c == '\n':
				line += 1
				i += 1
			elif text.startswith('/*', i):
				j = text.find('*/', i + 2)
				j = n if j < 0 else j + 2
				self.comments.append((line, text[i + 2:j - 2]))
				blank(i, j)
				line += text.count('\n', i, j)
				i = j
			elif text.startswith('//', i):
				j = i
				while True:		# a backslash-newline continues it
					j = text.find('\n', j)
					if j < 0:
						j = n
						break
					if text[j - 1] == '\\':
						j += 1
						continue
					break
				self.comments.append((line, text[i + 2:j]))
				blank(i, j)
				line += text.count('\n', i, j)
				i = j
			elif c in '"\'':
				j = i + 1
				while j < n and text[j] != c and text[j] != '\n':
					j += 2 if text[j] == '\\' else 1
				j = min(j + 1, n)
				blank(i + 1, j - 1, comment=False)	# keep the quotes
				line += text.count('\n', i, j)
				i = j
			else:
				i += 1
		self.code = ''.join(out)
		self.nocomment = ''.join(nocomment)
		self.line_starts = [0] + [m.end() for m in re.finditer('\n', text)]

	def line_of(self, off):
		lo, hi = 0, len(self.line_starts) - 1
		while lo < hi:
			mid = (lo + hi + 1) // 2
			if self.line_starts[mid] <= off:
				lo = mid
			else:
				hi = mid - 1
		return lo + 1


TOKEN_RE = re.compile(r'''
	(?P<nl>\\?\n)				# newline, or a continued one
	| (?P<ws>[ \t\f\v\r]+)
	| (?P<id>[A-Za-z_][A-Za-z0-9_]*)
	| (?P<num>\.?[0-9](?:[eEpP][+-]|[A-Za-z0-9_.])*)
	| (?P<punct>->|\+\+|--|<<=|>>=|<<|>>|[<>=!&|^+\-*/%]=|&&|\|\||\#\#|.)
''', re.X | re.S)


def tokens(code):
	"""(kind, text, offset) for every token; 'eol' marks the end of a
	logical line (a newline not escaped by a backslash)."""
	for m in TOKEN_RE.finditer(code):
		kind = m.lastgroup
		if kind == 'ws':
			continue
		if kind == 'nl':
			if m.group() == '\n':
				yield ('eol', '\n', m.start())
			continue
		yield (kind, m.group(), m.start())


class Hit:
	def __init__(self, path, line, api, kind, call):
		self.path, self.line, self.api = path, line, api
		self.kind = kind	# 'use', 'definition', 'macro-definition', 'member'
		self.call = call

	def report(self):
		new, note = DEPRECATED[self.api]
		return ('%s:%d: %s() is deprecated: use %s() (%s): %s'
			% (self.path, self.line, self.api, new, note, self.call))


def call_text(src, start):
	"""The call starting at offset start, up to its closing parenthesis
	(found in the blanked code), as written but with comments dropped
	and blanks squeezed."""
	code = src.code
	depth = 0
	end = None
	for k in range(code.index('(', start), len(code)):
		if code[k] == '(':
			depth += 1
		elif code[k] == ')':
			depth -= 1
			if depth == 0:
				end = k + 1
				break
	if end is None:
		end = code.find('\n', start)
		end = len(code) if end < 0 else end
	text = re.sub(r'\s+', ' ', src.nocomment[start:end])
	text = re.sub(r'\(\s+', '(', text)
	text = re.sub(r'\s+([),])', r'\1', text)
	if len(text) > 100:
		text = text[:97] + '...'
	return text


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
	"""scripts/lint-allow.txt: 'path api... -- reason' a line, '#' comments.
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


# ------------------------------------------------------------- checkpatch --

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


def main(argv=None):
	ap = argparse.ArgumentParser(description='Report uses of deprecated kmap APIs.')
	ap.add_argument('paths', nargs='*',
			help='files or directories to scan, relative to the tree '
			     '(default: %s, not tests/lint)' % ' '.join(SCAN_DIRS))
	ap.add_argument('--root', default=ROOT, help='the kmaplab tree (default: %(default)s)')
	ap.add_argument('--build', default='build',
			help='build directory, relative to the tree, where checkpatch is '
			     'cached (default: %(default)s)')
	ap.add_argument('--allow-file', default='scripts/lint-allow.txt',
			help='fallback allow-list, relative to the tree (default: %(default)s)')
	ap.add_argument('--no-checkpatch', action='store_true',
			help='skip the checkpatch.pl cross-check (also LINT_CHECKPATCH=0)')
	ap.add_argument('--checkpatch', metavar='FILE',
			help='cross-check with this checkpatch.pl instead of Linux 6.1\'s')
	ap.add_argument('-v', '--verbose', action='store_true',
			help='also list allowed uses and definitions')
	args = ap.parse_args(argv)

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
		with open(os.path.join(root, path), encoding='utf-8', errors='replace') as f:
			src, hits = scan_source(path, f.read())
		all_hits += hits
		allows, errs = file_markers(path, src)
		if not allows and not errs and path in fallback:
			allows = [fallback[path]]
		elif path in fallback and args.verbose:
			print('%s: has a marker of its own; its %s line is ignored'
			      % (path, fallback[path].where))
		ok = {}
		for a in allows:
			for api in a.apis:
				ok.setdefault(api, a)
				if api in PAIR:
					ok.setdefault(PAIR[api], a)
		msgs = [(line, '%s:%d: %s' % (path, line, err)) for line, err in errs]
		errors += errs
		for h in hits:
			if h.kind != 'use':
				if args.verbose:
					msgs.append((h.line, '%s:%d: %s of %s(), not a use'
						     % (h.path, h.line, h.kind, h.api)))
				continue
			uses += 1
			if h.api in ok:
				a = ok[h.api]
				allowed.setdefault((path, a.where), [0, a])[0] += 1
				if args.verbose:
					msgs.append((h.line, 'allowed: ' + h.report()))
			else:
				violations += 1
				msgs.append((h.line, h.report()))
		for _, m in sorted(msgs, key=lambda m: m[0]):
			print(m)

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

	if args.no_checkpatch or (os.environ.get('LINT_CHECKPATCH') == '0'
				   and not args.checkpatch):
		pass
	elif not files:
		pass
	else:
		if args.checkpatch:
			cp, why = os.path.abspath(args.checkpatch), None
		else:
			cp, why = fetch_checkpatch(os.path.join(root, args.build))
		if not cp:
			print('checkpatch cross-check skipped: ' + why)
		else:
			theirs, other = run_checkpatch(cp, root, files)
			if other:
				print('checkpatch cross-check failed: checkpatch.pl said:')
				for l in other[:10]:
					print('  ' + l)
				failed = True
				theirs = []
			missed = disagreements(theirs, all_hits)
			for path, line, api in missed:
				print('%s:%d: checkpatch.pl flags %s() here but this lint did not '
				      'see it: a lint bug' % (path, line, api))
			if not other:
				print('checkpatch cross-check: %d DEPRECATED_API warning%s, %s'
				      % (len(theirs), 's' * (len(theirs) != 1),
					 '%d missed by this lint' % len(missed) if missed
					 else 'all seen by this lint'))
			failed = failed or bool(missed)
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main())
