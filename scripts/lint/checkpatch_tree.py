#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""checkpatch_tree.py - Linux 6.1's scripts/checkpatch.pl over the whole tree.

Runs checkpatch.pl --no-tree -f on every C source, header, NASM file and
the linker script (the lint's own fixtures in scripts/lint/selftest/ are
test data and left out), with the message types in IGNORED switched off
(docs/style.md says why for each). Every ERROR fails the run, unless
scripts/lint/checkpatch-waivers.txt names it (file, macro, type and the
Linux line that draws the same ERROR); a waiver that matches nothing
fails too, so the list cannot rot. WARNINGs are counted by type, never
fatal.

checkpatch.pl is fetched once into the build directory from Debian's
linux-source-6.1, by the same code as the deprecated-API cross-check;
when it cannot be had, one line says why and the run passes.

    scripts/lint/checkpatch_tree.py [--build build] [-v] [FILE...]

Exit status: 0 no ERROR, 1 an ERROR or a stale waiver.
"""

import argparse
import collections
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if HERE not in sys.path:
	sys.path.insert(0, HERE)

from lint_checkpatch import fetch_checkpatch		# noqa: E402

WAIVERS = os.path.join(HERE, 'checkpatch-waivers.txt')
PATTERNS = ('*.c', '*.h', '*.asm', '*.S', 'linker.ld')
SKIP_DIRS = ('scripts/lint/selftest/', 'build/')

# Message types switched off, and why (docs/style.md has the long form).
IGNORED = {
	# kmap()/kmap_atomic() are the project's subject: scripts/lint/
	# lint-deprecated.py owns this type, with a reason per allowed file.
	'DEPRECATED_API': 'owned by lint-deprecated.py and its allow list',
	# lockdep does not exist here: lockdep_assert_held() is not an option.
	'USE_LOCKDEP': 'no lockdep in kmaplab',
	# about MAINTAINERS entries for new files: Linux's tree only.
	'FILE_PATH_CHANGES': 'no MAINTAINERS file',
}

# "path:line: ERROR:TYPE: message" (--terse --show-types)
MSG_RE = re.compile(r'^(?P<path>[^:]+):(?P<line>\d+): '
		    r'(?P<level>ERROR|WARNING|CHECK):(?P<type>\w+): (?P<msg>.*)$')
DEFINE_RE = re.compile(r'^\s*#\s*define\s+(\w+)')


def tree_files():
	"""The files to check: git's list when there is one, else a walk."""
	try:
		out = subprocess.run(['git', 'ls-files', '--'] + list(PATTERNS),
				     cwd=ROOT, stdout=subprocess.PIPE,
				     stderr=subprocess.DEVNULL, universal_newlines=True,
				     check=True).stdout.split()
	except (OSError, subprocess.CalledProcessError):
		out = []
		for d, _, names in os.walk(ROOT):
			for n in names:
				p = os.path.relpath(os.path.join(d, n), ROOT)
				if n == 'linker.ld' or n.endswith(('.c', '.h', '.asm', '.S')):
					out.append(p)
	return sorted(p for p in out if not p.startswith(SKIP_DIRS))


def run_checkpatch(cp, files, jobs=2):
	"""checkpatch's messages over files, in jobs parallel runs;
	(messages, other output lines)."""
	cmd = ['perl', cp, '--no-tree', '-f', '--terse', '--no-summary',
	       '--show-types', '--color=never', '--ignore', ','.join(IGNORED)]
	chunks = [files[i::jobs] for i in range(jobs) if files[i::jobs]]
	procs = [subprocess.Popen(cmd + c, cwd=ROOT, stdout=subprocess.PIPE,
				  stderr=subprocess.STDOUT, universal_newlines=True)
		 for c in chunks]
	msgs, other = [], []
	for p in procs:
		out, _ = p.communicate()
		for l in out.splitlines():
			m = MSG_RE.match(l)
			if m:
				msgs.append(m.groupdict())
			elif l.strip():
				other.append(l)
	msgs.sort(key=lambda m: (m['path'], int(m['line'])))
	return msgs, other


def load_waivers(path=WAIVERS):
	"""{(path, macro, type): reason} from "path macro TYPE -- reason"."""
	waivers = {}
	for n, l in enumerate(open(path), 1):
		l = l.strip()
		if not l or l.startswith('#'):
			continue
		m = re.match(r'^(\S+)\s+(\w+)\s+(\w+)\s+--\s+(.+)$', l)
		if not m:
			raise SystemExit('%s:%d: not "path macro TYPE -- reason"' % (path, n))
		waivers[m.group(1, 2, 3)] = m.group(4)
	return waivers


def macro_at(path, line):
	"""The name of the macro whose #define spans path:line (the line
	itself or one of its continuation lines), or None."""
	try:
		with open(os.path.join(ROOT, path), errors='replace') as f:
			lines = f.read().split('\n')
	except OSError:
		return None
	n = line - 1
	while n > 0 and lines[n - 1].rstrip().endswith('\\'):
		n -= 1
	m = DEFINE_RE.match(lines[n]) if 0 <= n < len(lines) else None
	return m.group(1) if m else None


def judge(msgs, waivers, verbose):
	"""Print the ERRORs that count and the summary; the failure count."""
	errors, waived, used = [], 0, set()
	for m in msgs:
		if m['level'] != 'ERROR':
			continue
		key = (m['path'], macro_at(m['path'], int(m['line'])), m['type'])
		if key in waivers:
			used.add(key)
			waived += 1
			if verbose:
				print('waived  %s:%s: %s (%s)' % (m['path'], m['line'],
								  m['type'], waivers[key]))
			continue
		errors.append(m)
		print('%(path)s:%(line)s: ERROR:%(type)s: %(msg)s' % m)
	stale = [k for k in waivers if k not in used]
	for k in stale:
		print('%s: stale waiver: %s %s draws no %s any more: remove it' % (
			os.path.relpath(WAIVERS, ROOT), k[0], k[1], k[2]))
	warns = collections.Counter(m['type'] for m in msgs if m['level'] == 'WARNING')
	if verbose:
		for m in msgs:
			if m['level'] == 'WARNING':
				print('%(path)s:%(line)s: WARNING:%(type)s: %(msg)s' % m)
	print('checkpatch: %d ERROR%s (%d waived, scripts/lint/%s), %d WARNING%s%s' % (
		len(errors), 's' * (len(errors) != 1), waived, os.path.basename(WAIVERS),
		sum(warns.values()), 's' * (sum(warns.values()) != 1),
		': ' + ', '.join('%s %d' % kv for kv in warns.most_common())
		if warns else ''))
	return len(errors) + len(stale)


def main():
	ap = argparse.ArgumentParser(description="Linux 6.1's checkpatch.pl over the tree.")
	ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
	ap.add_argument('-v', '--verbose', action='store_true',
			help='list the WARNINGs and the waived ERRORs too')
	ap.add_argument('files', nargs='*', help='default: the whole tree')
	args = ap.parse_args()
	cp, why = fetch_checkpatch(os.path.abspath(args.build))
	if not cp:
		print('checkpatch over the tree skipped: ' + why)
		return 0
	files = args.files or tree_files()
	msgs, other = run_checkpatch(cp, files)
	if other:
		print('checkpatch.pl said (not a message it should print):')
		for l in other[:10]:
			print('  ' + l)
		return 1
	waivers = load_waivers()
	if args.files:		# a partial run cannot tell a stale waiver
		waivers = {k: v for k, v in waivers.items() if k[0] in files}
	print('checkpatch: Linux 6.1 scripts/checkpatch.pl --no-tree -f on %d files, '
	      'ignoring %s' % (len(files), ', '.join(sorted(IGNORED))))
	failed = judge(msgs, waivers, args.verbose)
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main())
