# SPDX-License-Identifier: GPL-2.0
"""cfunc.py - find a C function or macro by name, and swap its text.

Linux style makes this simple and safe without a C parser: a function
definition starts at column 0 with its name followed by '(', its body
opens with '{' alone on a line and closes with '}' alone on a line; a
macro is '#define name(' and its '\\'-continued lines. The comment block
right above (ending ' */' on the line before) belongs to it.
"""

import hashlib
import os
import re


class NotFound(Exception):
	pass


def _head(lines, name):
	"""Index of the line where name's definition starts."""
	fn = re.compile(r'^[A-Za-z_].*\b%s\(' % re.escape(name))
	mac = re.compile(r'^#\s*define\s+%s\b' % re.escape(name))
	for i, line in enumerate(lines):
		if mac.match(line):
			return i, 'macro'
		if fn.match(line) and not line.rstrip().endswith(';'):
			j = i
			while j < len(lines) and lines[j] != '{':
				if lines[j].rstrip().endswith(';'):
					break		# a prototype over several lines
				j += 1
			if j < len(lines) and lines[j] == '{':
				return i, 'func'
	raise NotFound(name)


def span(text, name, comment=True):
	"""(first, end) line indexes of name's definition (+ its comment)."""
	lines = text.split('\n')
	first, kind = _head(lines, name)
	end = first
	if kind == 'macro':
		while lines[end].rstrip().endswith('\\'):
			end += 1
	else:
		while lines[end] != '}':
			end += 1
	if comment and first and lines[first - 1].rstrip() == ' */':
		while first and not lines[first - 1].startswith('/*'):
			first -= 1
		first -= 1
	elif comment and first and re.match(r'^/\*.*\*/\s*$', lines[first - 1]):
		first -= 1
	return first, end + 1


def extract(text, name, comment=True):
	first, end = span(text, name, comment)
	return '\n'.join(text.split('\n')[first:end]) + '\n'


def replace(text, name, new, comment=True):
	"""text with name's definition replaced by new ('' deletes it)."""
	lines = text.split('\n')
	first, end = span(text, name, comment)
	repl = new.rstrip('\n').split('\n') if new.strip() else []
	if not repl and end < len(lines) and not lines[end] and first and \
	   not lines[first - 1]:
		end += 1			# no double blank line left behind
	return '\n'.join(lines[:first] + repl + lines[end:])


def edit(text, name, old, new):
	"""Inside name's definition, the consecutive lines old become new."""
	lines = text.split('\n')
	first, end = span(text, name, comment=False)
	for i in range(first, end - len(old) + 1):
		if lines[i:i + len(old)] == old:
			return '\n'.join(lines[:i] + new + lines[i + len(old):])
	raise NotFound('%s: lines %r' % (name, old[0]))


def contains(text, name, lines):
	try:
		first, end = span(text, name, comment=False)
	except NotFound:
		return False
	body = text.split('\n')[first:end]
	return any(body[i:i + len(lines)] == lines for i in range(len(body)))


def digest(text):
	return hashlib.sha256(text.encode()).hexdigest()[:16]


def read(root, path):
	with open(os.path.join(root, path)) as f:
		return f.read()


def write(root, path, text):
	with open(os.path.join(root, path), 'w') as f:
		f.write(text)
