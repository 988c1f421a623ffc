#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""pyfunc_len.py - no Python function in scripts/ longer than a screen.

The kernel's rule (docs/style.md) for the host tools too: every function
or method of scripts/**/*.py is at most LIMIT lines, its docstring and
comments included. Prints each one over, and a count.

    scripts/lint/pyfunc_len.py [--limit 60] [FILE...]

Exit status: 0 none over, 1 some.
"""

import argparse
import ast
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def too_long(path, limit):
	"""[(line, name, length)] of the functions in path over limit lines."""
	with open(path) as f:
		tree = ast.parse(f.read(), path)
	out = []
	for n in ast.walk(tree):
		if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
			length = n.end_lineno - n.lineno + 1
			if length > limit:
				out.append((n.lineno, n.name, length))
	return sorted(out)


def main():
	ap = argparse.ArgumentParser(description='Python functions over a screen.')
	ap.add_argument('--limit', type=int, default=60)
	ap.add_argument('files', nargs='*')
	args = ap.parse_args()
	files = args.files or sorted(glob.glob(os.path.join(ROOT, 'scripts', '**', '*.py'),
					       recursive=True))
	over = 0
	for path in files:
		for line, name, length in too_long(path, args.limit):
			print('%s:%d: %s() is %d lines, over %d: split it' % (
				os.path.relpath(path, ROOT), line, name, length, args.limit))
			over += 1
	print('pyfunc_len: %d Python files, %d function%s over %d lines' % (
		len(files), over, 's' * (over != 1), args.limit))
	return 1 if over else 0


if __name__ == '__main__':
	sys.exit(main())
