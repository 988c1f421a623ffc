# SPDX-License-Identifier: GPL-2.0
"""doc_blocks.py - the transcript blocks of docs/ and how one is compared.

A fenced block in a docs/*.md page is a transcript a test checks when the
line above it is a marker comment (HTML, so the rendered page does not
show it):

    <!-- boot: tcg-1G -->                     lines of that run's log
    <!-- monitor session -->                  a monitor dialogue, typed again
    <!-- monitor: tlbdemo -->                 the output of one command
    <!-- boot: tcg-6G; varies: 212K 26K -->   ... with values that vary

"varies:" lists sample values, as written in the block, that another boot
may print differently (a physical address that follows the kernel's size,
a count of context switches). Each stands for any value of its shape:
its digits may be any digits (hex digits where it has hex letters, or
where it is hex-looking), the rest is kept. Quote a value with spaces:
"2 slots saved". In the block, a line "..." stands for any number of
lines and a line ending in "..." for the rest of that line. Trailing
blanks are ignored, and log lines lose their [timestamp].
"""

import re
import shlex

MARK_RE = re.compile(r'^<!--\s*(?P<kind>boot|monitor)(?::\s*(?P<arg>[^;]*?))?'
		     r'(?:\s+(?P<session>session))?\s*(?:;\s*varies:\s*(?P<varies>.*?))?\s*-->\s*$')
TS_RE = re.compile(r'^\[\s*\d+\.\d+\] ')


class Block:
	"""One marked transcript: where it is, what it is, its lines."""

	def __init__(self, path, line, kind, arg, varies, lines):
		self.path, self.line, self.kind, self.arg = path, line, kind, arg
		self.varies, self.lines = varies, lines

	def where(self):
		return '%s:%d' % (self.path, self.line)


def blocks(path, text):
	"""The marked blocks of one markdown page."""
	out, lines = [], text.splitlines()
	for i, l in enumerate(lines):
		m = MARK_RE.match(l) if l.startswith('<!--') else None
		if not m or i + 1 >= len(lines) or not lines[i + 1].startswith('```'):
			continue
		body = []
		for b in lines[i + 2:]:
			if b.startswith('```'):
				break
			body.append(b.rstrip())
		arg = (m.group('arg') or '').strip()
		kind = m.group('kind')
		if kind == 'monitor' and m.group('session'):
			arg = 'session'
		varies = shlex.split(m.group('varies') or '')
		out.append(Block(path, i + 3, kind, arg, varies, body))
	return out


def unmarked_markers(path, text):
	"""Marker comments not followed by a fenced block (a typo)."""
	lines = text.splitlines()
	return ['%s:%d' % (path, i + 1) for i, l in enumerate(lines)
		if l.startswith(('<!-- boot', '<!-- monitor')) and
		(not MARK_RE.match(l) or i + 1 >= len(lines) or
		 not lines[i + 1].startswith('```'))]


def shape(value):
	"""A regex for any value shaped like value: a number may be any
	number (hex when it has hex letters, a 0x or eight digits or more)."""
	out = ''
	for tok in re.findall(r'0x[0-9a-f]+|[0-9a-f]*\d[0-9a-f]*|\w+|\W', value):
		if tok.startswith('0x') and len(tok) > 2:
			out += '0x[0-9a-f]+'
		elif re.fullmatch(r'\d{1,7}', tok):
			out += r'\d+'
		elif re.fullmatch(r'[0-9a-f]*\d[0-9a-f]*', tok):
			out += '[0-9a-f]+'
		else:
			out += re.escape(tok)
	return out


def line_re(expected, varies):
	"""The regex a line of the block becomes."""
	tail = expected.endswith('...')
	text = expected[:-3] if tail else expected
	pat, i = '', 0
	spots = sorted((m.start(), m.end(), v) for v in varies
		       for m in re.finditer(re.escape(v), text))
	for a, b, v in spots:
		if a < i:
			continue
		lead = text[i:a]
		# a value printed in a column may grow or shrink into its padding
		pat += (re.escape(lead.rstrip(' ')) + ' *' if lead.endswith(' ')
			else re.escape(lead)) + shape(v)
		i = b
	pat += re.escape(text[i:])
	return re.compile('^' + pat + ('.*' if tail else r'\s*') + '$')


def match(block_lines, actual, varies, gaps=False, whole=False):
	"""Compare a block with actual lines: the block's lines must follow
	each other (a "..." line skips any number; with gaps, any line may
	be followed by others first; whole: no line may be left over after
	the last). None when they do, else a one-line reason naming the
	first line that did not."""
	actual = [TS_RE.sub('', a).rstrip() for a in actual]
	pos, skip = 0, gaps
	for want in block_lines:
		if want.strip() == '...':
			skip = True
			continue
		rx = line_re(want, varies)
		found = None
		for j in range(pos, len(actual) if skip else min(pos + 1, len(actual))):
			if rx.match(actual[j]):
				found = j
				break
		if found is None:
			if skip:
				return 'expected %r after %r: not there' % (
					want, actual[pos - 1] if pos else '(the start)')
			got = actual[pos] if pos < len(actual) else '(end of output)'
			return 'expected %r, got %r' % (want, got)
		pos, skip = found + 1, gaps
	rest = [a for a in actual[pos:] if a.strip()]
	if whole and not skip and rest:
		return 'the block ends, the output goes on: %r' % rest[0]
	return None


def match_log(block_lines, actual, varies):
	"""As match() with gaps, the block starting anywhere in actual (a
	log): its lines must be lines of the log, in order."""
	actual = [TS_RE.sub('', a).rstrip() for a in actual]
	first = next((l for l in block_lines if l.strip() != '...'), None)
	if first is None:
		return None
	rx = line_re(first, varies)
	starts = [j for j, a in enumerate(actual) if rx.match(a)]
	if not starts:
		return 'no line of the log matches %r' % first
	why = None
	for j in starts:
		why = match(block_lines, actual[j:], varies, gaps=True)
		if why is None:
			return None
	return why
