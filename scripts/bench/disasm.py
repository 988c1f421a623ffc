#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# disasm.py - the release kmap_local_page() + read + kunmap_local() path,
# instruction by instruction, for docs/performance.md.
#
#   disasm.py write [--elf E]  (make bench-disasm) boot the release kernel
#                              once under QEMU -icount -singlestep with
#                              `-d exec` limited to the op and the functions
#                              it calls, take the instructions one op really
#                              executes (the most frequent path), check that
#                              their number less the empty op's is the
#                              figure the same boot measured, and rewrite
#                              the listings between the bench-disasm
#                              markers of docs/performance.md
#   disasm.py check [--elf E]  (make test's bench-disasm host check, no
#                              boot) build the release kernel if it is out
#                              of date; each listed instruction must be the
#                              one at that place of the ELF, the listing a
#                              control-flow path (each instruction follows
#                              the one before: fall-through, branch target,
#                              call target, or back after the call), every
#                              instruction in a named group, the group
#                              counts as the table says, and the total less
#                              the empty op the release figure of the
#                              icount table.
#
# The groups (why each instruction is there) are the docs' own: `write`
# carries each line's group over from the old listing where the
# instruction is unchanged and marks a new one `?`, which `check` refuses.
# Operands are shown with symbols (<mem_map>, %fs:<kmap_stats+0xc>) and
# jump targets as <function+offset>, so that a change elsewhere in the
# kernel, which moves addresses, does not change the listing.

import argparse
import bisect
import collections
import difflib
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOC = os.path.join(ROOT, 'docs', 'performance.md')
OP, BASE = 'op_local', 'op_base'	# teaching/bench/bench_cases.c
MEMS = ('highmem', 'lowmem')
CMDLINE = ('kunit_shutdown=poweroff panic=-1 lowmem=64M kunit.filter_glob=NONE '
	   'hz=1000 bench.filter=kmap_local bench.iters=64 bench.engine=icount')
EMPTY = 'empty'			# the group that the empty op's subtraction cancels
INSN_RE = re.compile(r'^\s*([0-9a-f]+):\t(.*?)\s*$')
FUNC_RE = re.compile(r'^([0-9a-f]+) <(.+)>:$')


def begin(name):
	return ('<!-- bench-disasm: %s: begin (scripts/bench/disasm.py writes this) -->'
		% name)


def end(name):
	return '<!-- bench-disasm: %s: end -->' % name


class Elf:
	"""The release ELF's instructions, by address, with symbolic operands."""

	def __init__(self, path):
		self.syms = []		# (addr, size, name), sorted
		out = subprocess.run(['nm', '-S', '--defined-only', path], check=True,
				     capture_output=True, text=True).stdout
		for l in out.splitlines():
			f = l.split()
			if len(f) == 4:
				self.syms.append((int(f[0], 16), int(f[1], 16), f[3]))
		self.syms.sort()
		self.starts = [s[0] for s in self.syms]
		self.funcs = {}		# name -> entry address
		self.insns = {}		# addr -> [func, offset, text]
		self.order = []
		self.byfunc = collections.defaultdict(list)	# name -> texts
		func = None
		out = subprocess.run(['objdump', '-d', '--no-show-raw-insn', path],
				     check=True, capture_output=True, text=True).stdout
		for l in out.splitlines():
			m = FUNC_RE.match(l)
			if m:
				func = (m.group(2), int(m.group(1), 16))
				self.funcs[func[0]] = func[1]
				continue
			m = INSN_RE.match(l)
			if m and func and m.group(2):
				a = int(m.group(1), 16)
				self.insns[a] = (func[0], a - func[1], self.norm(m.group(2)))
				self.order.append(a)
				self.byfunc[func[0]].append(self.insns[a][2])
		self.index = {a: i for i, a in enumerate(self.order)}

	def symbol(self, v):
		i = bisect.bisect_right(self.starts, v) - 1
		if i >= 0:
			a, size, name = self.syms[i]
			name = re.sub(r'\.\d+$', '', name)	# GCC's static local: kmap_pte.8
			if v < a + max(size, 1):
				return name if v == a else '%s+%#x' % (name, v - a)
		return None

	def norm(self, text):
		text = re.sub(r'\b[0-9a-f]{8} <([^>]+)>', r'<\1>', text)

		def sym(m):
			v = int(m.group(2), 16)
			if m.group(1):		# -0x3fe78e64(%edx): 0xc018719c + edx
				v = (1 << 32) - v
			s = self.symbol(v)
			return '<%s>' % s if s else m.group(0)
		return re.sub(r'(?<![\w])(-?)0x([0-9a-f]{7,8})\b', sym, text)

	def loc(self, a):
		f, off, _ = self.insns[a]
		return '%s+%#x' % (f, off)

	def addr_of(self, loc):
		f, off = loc.rsplit('+', 1)
		return self.funcs[f] + int(off, 16)

	def target(self, a):
		"""The direct branch or call target of the instruction at a."""
		m = re.search(r'<([^>+]+)(?:\+(0x[0-9a-f]+))?>$', self.insns[a][2])
		if not m or m.group(1) not in self.funcs:
			return None
		return self.funcs[m.group(1)] + int(m.group(2) or '0', 16)

	def next(self, a):
		i = self.index[a] + 1
		return self.order[i] if i < len(self.order) else None


def follow(elf, path, why=None):
	"""Walk path (addresses) as control flow from the op's entry: the
	prefix up to the op's return, or None when a step cannot follow
	(then why, a list, gets the step)."""
	stack = []
	for i, a in enumerate(path):
		if a not in elf.insns:
			return None
		text = elf.insns[a][2]
		mn = text.split()[0]
		if mn == 'ret':
			if not stack:
				return path[:i + 1]
			ok = [stack.pop()]
		elif mn == 'call':
			ok = [elf.target(a)]
			stack.append(elf.next(a))
		elif mn == 'jmp':
			ok = [elf.target(a)]
		elif mn.startswith('j'):
			ok = [elf.target(a), elf.next(a)]
		else:
			ok = [elf.next(a)]
		if i + 1 < len(path) and path[i + 1] not in ok:
			if why is not None and path[i + 1] in elf.insns:
				why.append('%s cannot follow %s' % (elf.loc(path[i + 1]), elf.loc(a)))
			return None
	if why is not None:
		why.append('the listing ends before the op returns')
	return None


def closure(elf, roots, depth=2):
	"""The functions the roots branch or call into, depth levels down."""
	names, todo = set(roots), list(roots)
	for _ in range(depth):
		new = []
		for f in todo:
			for text in elf.byfunc[f]:
				m = re.search(r'<([^>+]+)(?:\+0x[0-9a-f]+)?>$', text)
				if m and m.group(1) in elf.funcs and m.group(1) not in names:
					names.add(m.group(1))
					new.append(m.group(1))
		todo = new
	return names


def trace(elf, elfpath, log):
	"""Boot once traced: ({kind: most frequent path}, {mem: median})."""
	funcs = closure(elf, [OP, BASE])
	ranges = []
	for s in elf.syms:
		if s[2] in funcs and s[1]:
			ranges.append('%#x+%#x' % (s[0], s[1]))
	serial = log + '.serial'
	argv = ['qemu-system-i386', '-accel', 'tcg', '-cpu', 'max', '-icount',
		'shift=0,sleep=off', '-m', '256M', '-display', 'none', '-no-reboot',
		'-serial', 'file:' + serial, '-device',
		'isa-debug-exit,iobase=0xf4,iosize=4', '-kernel', elfpath,
		'-append', CMDLINE, '-singlestep', '-d', 'exec,nochain',
		'-dfilter', ','.join(ranges), '-D', log]
	subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
		       stderr=subprocess.DEVNULL, timeout=900)
	medians = {}
	for l in open(serial, errors='replace'):
		m = re.search(r'# BENCH (\{.*\})\s*$', l)
		if m:
			r = json.loads(m.group(1))
			if r['case'] == 'kmap_local':
				medians[r['mem']] = r['median']
	pcs = []
	for l in open(log, errors='replace'):
		m = re.match(r'Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/', l)
		if m:
			pcs.append(int(m.group(1), 16))
	entries = {elf.funcs[OP]: OP, elf.funcs[BASE]: BASE}
	high = elf.funcs['__kmap_local_page_high']
	seen = collections.defaultdict(collections.Counter)
	starts = [i for i, a in enumerate(pcs) if a in entries]
	for n, i in enumerate(starts):
		stop = starts[n + 1] if n + 1 < len(starts) else len(pcs)
		p = follow(elf, pcs[i:stop])
		if not p:
			continue
		kind = entries[pcs[i]]
		if kind == OP:
			kind = 'highmem' if high in p else 'lowmem'
		seen[kind][tuple(p)] += 1
	return {k: list(c.most_common(1)[0][0]) for k, c in seen.items()}, medians


# ------------------------------------------------------------- the docs --

def parse_block(lines):
	"""Listing lines `loc  instruction  group` of a block, and its table."""
	rows, table = [], {}
	for l in lines:
		m = re.match(r'^    (\S+\+0x[0-9a-f]+)\s{2,}(.*?)\s{2,}(\S+)$', l)
		if m:
			rows.append(m.groups())
			continue
		m = re.match(r'^\| `([^`]+)` \| (\d+) \| (.*) \|$', l)
		if m:
			table[m.group(1)] = (int(m.group(2)), m.group(3))
	return rows, table


def blocks(text):
	out = {}
	for mem in MEMS:
		name = 'kmap_local ' + mem
		b, e = text.find(begin(name)), text.find(end(name))
		if b >= 0 and e > b:
			out[mem] = (b, e, text[b:e].splitlines()[1:])
	return out


def render(elf, path, base, old_rows, old_table, figure):
	new = [elf.insns[a][2] for a in path]
	old = [r[1] for r in old_rows]
	tags = ['?'] * len(new)
	for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
			None, old, new, autojunk=False).get_opcodes():
		if tag == 'equal':
			for k in range(i2 - i1):
				tags[j1 + k] = old_rows[i1 + k][2]
	out = ['', '```']
	for a, t in zip(path, tags):
		out.append('    %-34s  %-46s  %s' % (elf.loc(a), elf.insns[a][2], t))
	out += ['```', '', '| group | instructions | why |', '|---|---|---|']
	count = collections.Counter(tags)
	for t in sorted(count, key=tags.index):
		why = old_table.get(t, (0, '?'))[1]
		out.append('| `%s` | %d | %s |' % (t, count[t], why))
	out += ['', '%d instructions executed, of which the %d of `%s` are the empty '
		'op\'s (`%s`: %d): **%d**, the measured figure.' % (
			len(path), count[EMPTY], EMPTY, BASE, len(base),
			len(path) - len(base)), '']
	if len(path) - len(base) != figure:
		sys.exit('disasm: %d - %d instructions, but the boot measured %s'
			 % (len(path), len(base), figure))
	return out


def write(elf, elfpath):
	log = os.path.join(ROOT, 'build', 'bench', 'disasm-trace.log')
	os.makedirs(os.path.dirname(log), exist_ok=True)
	paths, medians = trace(elf, elfpath, log)
	text = open(DOC).read()
	for mem in MEMS:
		bl = blocks(text)
		if mem not in bl or mem not in paths or BASE not in paths:
			sys.exit('disasm: no %s listing markers or no traced path' % mem)
		b, e, lines = bl[mem]
		rows, table = parse_block(lines)
		body = render(elf, paths[mem], paths[BASE], rows, table,
			      int(medians.get(mem, -1)))
		text = text[:b] + begin('kmap_local ' + mem) + '\n' + \
			'\n'.join(body) + '\n' + text[e:]
		print('disasm: kmap_local %s: %d instructions, %d less the empty op'
		      % (mem, len(paths[mem]), len(paths[mem]) - len(paths[BASE])))
	open(DOC, 'w').write(text)
	print('disasm: wrote %s' % os.path.relpath(DOC, ROOT))


def release_figure(text, mem):
	"""The release column of the icount table's kmap_local row."""
	m = re.search(r'^\| kmap_local \| %s \| 1 \| - \| ([\d.]+) \|' % mem, text, re.M)
	return float(m.group(1)) if m else None


def check(elf):
	text = open(DOC).read()
	bl = blocks(text)
	results = []

	def ok(name, cond, why=''):
		results.append(bool(cond))
		print('%-7s %s%s' % ('ok' if cond else 'not ok', name,
				      '' if cond else ': ' + why))
	base = None
	for mem in MEMS:
		name = 'kmap_local %s' % mem
		if mem not in bl:
			ok(name + ': listing in docs/performance.md', False, 'no markers')
			continue
		rows, table = parse_block(bl[mem][2])
		path, bad = [], []
		for loc, insn, _ in rows:
			try:
				a = elf.addr_of(loc)
			except (KeyError, ValueError):
				a = None
			if a not in elf.insns or elf.insns[a][2] != insn:
				bad.append('%s: listed `%s`, the ELF has `%s`' % (
					loc, insn, elf.insns[a][2] if a in elf.insns else 'nothing'))
			path.append(a)
		ok(name + ': each listed instruction is the ELF\'s', rows and not bad,
		   '; '.join(bad[:3]) or 'empty listing')
		why = []
		ok(name + ': the listing is one control-flow path, entry to return',
		   not bad and follow(elf, path, why) == path, '; '.join(why))
		tags = collections.Counter(r[2] for r in rows)
		ok(name + ': every instruction has a group', '?' not in tags,
		   '%d marked ?' % tags['?'])
		wrong = ['%s: %d listed, table %s' % (t, n, table.get(t, (None,))[0])
			 for t, n in tags.items() if table.get(t, (None,))[0] != n]
		wrong += ['%s: in the table only' % t for t in table if t not in tags]
		ok(name + ': the group table counts the listing', not wrong,
		   '; '.join(wrong))
		m = re.search(r'the empty op\'s \(`%s`: (\d+)\): \*\*(\d+)\*\*' % BASE,
			      '\n'.join(bl[mem][2]))
		base = int(m.group(1)) if m else None
		figure = release_figure(text, mem)
		ok(name + ': listing less the empty op = the icount table\'s %s'
		   % figure, m and tags[EMPTY] == base and
		   len(rows) - base == int(m.group(2)) == figure,
		   'listed %d, empty %d/%s, stated %s' % (
			   len(rows), tags[EMPTY], base, m and m.group(2)))
	b = elf.funcs.get(BASE)
	p = []
	while b is not None and len(p) < 64:
		p.append(b)
		if elf.insns[b][2].split()[0] == 'ret':
			break
		b = elf.next(b)
	ok('the empty op (%s) is %s instructions, straight through' % (BASE, base),
	   follow(elf, p) == p and len(p) == base)
	failed = results.count(False)
	print('%d passed, %d failed, 0 skipped' % (len(results) - failed, failed))
	return 1 if failed else 0


def build_release():
	"""make DEBUG=0 O=build/release all, when it is out of date."""
	args = ['make', '--no-print-directory', 'DEBUG=0', 'O=build/release', 'all']
	if subprocess.run(args[:1] + ['-q'] + args[1:], cwd=ROOT,
			  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode:
		r = subprocess.run(['nice', '-n', '10'] + args, cwd=ROOT,
				   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
		if r.returncode:
			print(r.stderr[-2000:])
			return False
	return True


def main():
	ap = argparse.ArgumentParser(description=__doc__)
	ap.add_argument('what', choices=['write', 'check'])
	ap.add_argument('--elf', default=os.path.join(ROOT, 'build/release/kmaplab.elf'))
	args = ap.parse_args()
	if args.what == 'check' and not build_release():
		print('not ok  the release build (make DEBUG=0 O=build/release)')
		print('0 passed, 1 failed, 0 skipped')
		return 1
	elf = Elf(args.elf)
	if args.what == 'write':
		write(elf, args.elf)
		return 0
	return check(elf)


if __name__ == '__main__':
	sys.exit(main())
