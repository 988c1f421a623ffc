# SPDX-License-Identifier: GPL-2.0
"""lint_tokens.py - the C reading of scripts/lint/lint-deprecated.py.

Source blanks a C file's comments and string/char literals (keeping
newlines, so offsets and line numbers still match) and keeps the
comments for the lint's markers; tokens() splits the blanked code into
tokens with logical line ends; call_text() is a call as the report
quotes it.
"""

import re


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
