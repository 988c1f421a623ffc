#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# fuzz_cmdline.py - boot the kernel with generated command lines and
# require a clean verdict from every boot (issue 19).
#
# The parameters come from the kernel's own __setup table, read out of
# the ELF (the entries between __setup_start and __setup_end, each a
# pointer to its "name=" string), so a new parameter is fuzzed without
# anyone listing it here.  Each case is a short boot (-m 64M, one CPU,
# kunit.filter_glob=cmdline: the suite that checks what the parser made of
# the line) with words built from those names: extreme, malformed, empty,
# repeated, overlong and non-ASCII values, tabs and quotes, unknown names,
# lines past the kernel's 1023 bytes.  Every boot must leave through the
# exit device with a verdict and a clean log, judged by the runner's own
# judge() (ktap.py): no hang, triple fault, panic, Oops, BUG or WARNING.
#
# The cases are a function of (seed, index) alone, so a failure replays
# with the one command printed next to it:
#     scripts/test/fuzz_cmdline.py --seed S --case I
#
#   make test                 --count 40 (about a minute on 2 cores)
#   make fuzz-cmdline N=2000  thousands, on demand
#
# Ends with "N passed, N failed, N skipped" like the runner's host checks.

import argparse
import os
import random
import shlex
import struct
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
	sys.path.insert(0, HERE)
from ktap import Ktap, clean, judge		# noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
PREFIX = 'kunit_shutdown=poweroff panic=-1 kunit.filter_glob=cmdline'
CMDLINE_MAX = 1023

# ------------------------------------------------------- the ELF's table --


def setup_names(elf):
	"""The __setup() strings ("hz=", "monitor", ...) compiled into elf."""
	nm = subprocess.run(['nm', elf], stdout=subprocess.PIPE, check=True,
			    universal_newlines=True).stdout
	sym = {}
	for line in nm.splitlines():
		f = line.split()
		if len(f) == 3:
			sym[f[2]] = int(f[0], 16)
	data = open(elf, 'rb').read()
	segs = load_segments(data)

	def read(addr, n):
		for vaddr, off, size in segs:
			if vaddr <= addr and addr + n <= vaddr + size:
				return data[off + addr - vaddr:off + addr - vaddr + n]
		raise ValueError('address %#x not in the image' % addr)

	names = []
	start, end = sym['__setup_start'], sym['__setup_end']
	entry = 8			# { const char *str; int (*setup_func)(char *); }
	for a in range(start, end, entry):
		ptr = struct.unpack('<I', read(a, 4))[0]
		s = b''
		while not s.endswith(b'\0'):
			s += read(ptr + len(s), 1)
		names.append(s[:-1].decode())
	return names


def load_segments(data):
	"""(vaddr, file offset, file size) of each PT_LOAD of an ELF32 file."""
	if data[:4] != b'\x7fELF' or data[4] != 1:
		raise ValueError('not an ELF32 file')
	phoff = struct.unpack_from('<I', data, 0x1c)[0]
	phentsize, phnum = struct.unpack_from('<HH', data, 0x2a)
	segs = []
	for i in range(phnum):
		p_type, p_offset, p_vaddr, _, p_filesz = struct.unpack_from(
			'<IIIII', data, phoff + i * phentsize)
		if p_type == 1:
			segs.append((p_vaddr, p_offset, p_filesz))
	return segs

# ----------------------------------------------------------- the cases --

NUMBERS = ['0', '1', '-1', '+1', '-+5', '+-5', '--1', '2147483647',
	   '2147483648', '4294967295', '4294967296', '18446744073709551615',
	   '18446744073709551616', '99999999999999999999', '0x', '0x0',
	   '0xffffffff', '0x100000000', '010', '08', '1e3', '1.5', ' 1',
	   '1K', '1k', '64M', '8M', '8193K', '1G', '16G', '64G', '65G',
	   '17179869183G', '17179869184G', '18014398509481984K', '20', '19',
	   '1000', '1001', '10000', '31', '30', '1000000', '9' * 40]
WORDS = ['', 'y', 'n', 'on', 'off', 'yes', 'o', 'poweroff', 'halt2',
	 'garbage', '=', '==', 'a=b', '"', '""', '"a b"', '"unbalanced',
	 'x"y', "'single'", '\\', '*', '[', '[!', 'é', 'ß✓', 'ü' * 40,
	 '\t', 'a\tb', 'x' * 255, 'x' * 256, 'y' * 600, '%s%n', '\x7f']

# Values the kernel rightly obeys but that would end the boot another
# way than the exit device, or take minutes: never generated.
FALSE_WORDS = ('n', 'N', '0', 'of', 'Of', 'oF', 'OF')


def unsafe(name, value):
	if value is None:
		return name in ('monitor', 'bench')
	if name == 'kunit_shutdown':
		return value in ('halt', 'reboot')
	if name == 'kunit.enable':
		return value.startswith(FALSE_WORDS)
	if name == 'kunit.action':
		return value == 'list'
	if name == 'bench.filter':
		return value != ''
	return False


def value_for(rng, name):
	if name == 'kunit.filter_glob':		# only globs that stay small
		return rng.choice(['', 'x' * 300, 'nosuchsuite', 'cmdline.nosuch',
				   '"cmdline"', '[', 'cmdline\t', 'cmd*.kstrto*'])
	r = rng.random()
	if r < 0.45:
		return rng.choice(NUMBERS)
	if r < 0.85:
		return rng.choice(WORDS)
	return rng.choice(NUMBERS) + rng.choice(WORDS[:12])


def word_for(rng, names):
	r = rng.random()
	if r < 0.08:		# unknown names, and a name's neighbours
		return rng.choice(['nosuchparam', 'nosuchparam=1', 'hz', 'hz==5',
				   'mem', '=5', 'MONITOR', 'kunit.', 'é=é'])
	full = rng.choice(names)
	name = full.rstrip('=')
	if full.endswith('='):
		if rng.random() < 0.05:
			return name				# bare: "hz"
		value = value_for(rng, name)
		return None if unsafe(name, value) else name + '=' + value
	if rng.random() < 0.2:
		return name + '=' + rng.choice(WORDS)		# a flag with a value
	return None if unsafe(name, None) else name


def make_case(seed, index, names):
	"""The fuzzed words of case index: a function of (seed, index) only."""
	rng = random.Random('%d/%d' % (seed, index))
	words = []
	n = rng.choice([1, 2, 3, 5, 8, 13, 70])
	while len(words) < n:
		w = word_for(rng, names)
		if w is not None:
			words.append(w)
	if rng.random() < 0.3:		# repeat one, maybe with another value
		words.insert(rng.randrange(len(words) + 1), rng.choice(words))
	sep = rng.choice([' ', ' ', ' ', '\t', '  '])
	line = sep.join(words)
	if rng.random() < 0.1:		# past the kernel's 1023 bytes
		line += ' ' + 'pad' * 400
	return line

# ------------------------------------------------------------- the boot --


class FuzzRun:
	"""What judge() wants to know about a run."""
	panic = allow = None
	expect = ()
	engine = 'tcg'


def boot(elf, cmdline, timeout):
	"""(reasons, log text): reasons empty when the boot was clean."""
	with tempfile.TemporaryDirectory(prefix='kmaplab-fuzz-') as tmp:
		log, qlog = os.path.join(tmp, 'serial.log'), os.path.join(tmp, 'qemu.log')
		argv = qemu_argv(elf, cmdline, log, qlog)
		start = time.monotonic()
		timed_out, rc = False, None
		p = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
				     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
		try:
			out = p.communicate(timeout=timeout)[0]
			rc = p.returncode
		except subprocess.TimeoutExpired:
			p.kill()	# our own QEMU, by its Popen handle
			out = p.communicate()[0]
			timed_out = True
		raw = open(log, 'rb').read().decode('utf-8', 'replace') \
			if os.path.exists(log) else ''
		qemu_text = open(qlog, errors='replace').read() \
			if os.path.exists(qlog) else ''
	k = Ktap()
	for l in raw.split('\n'):
		k.feed(l)
	if timed_out:
		k.cut = 'hung'
	k.done()
	log_text = '\n'.join(clean(l) for l in raw.splitlines())
	reasons = judge(FuzzRun, rc, timed_out, time.monotonic() - start, k,
			log_text, qemu_text, out.decode('utf-8', 'replace'))[3]
	return reasons, raw


def qemu_argv(elf, cmdline, log, qlog):
	return ['qemu-system-i386', '-accel', 'tcg', '-cpu', 'max',
		'-display', 'none', '-no-reboot', '-serial', 'file:' + log,
		'-device', 'isa-debug-exit,iobase=0xf4,iosize=4', '-m', '64M',
		'-d', 'cpu_reset,guest_errors', '-D', qlog,
		'-kernel', elf, '-append', cmdline]

# ------------------------------------------------------------------ main --


def main():
	ap = argparse.ArgumentParser(description='Boot kmaplab with fuzzed '
				     'command lines; every boot must end cleanly.')
	ap.add_argument('--elf', default=os.path.join(ROOT, 'build', 'kmaplab.elf'))
	ap.add_argument('--seed', type=int, default=19)
	ap.add_argument('--count', type=int, default=40)
	ap.add_argument('--case', type=int, help='run this one case (replay)')
	ap.add_argument('-j', '--jobs', type=int, default=2)
	ap.add_argument('--timeout', type=int, default=60,
			help='seconds before a boot counts as hung')
	ap.add_argument('--list', action='store_true',
			help='print the parameters and the cases, boot nothing')
	args = ap.parse_args()
	sys.stdout.reconfigure(line_buffering=True)
	names = setup_names(args.elf)
	cases = [args.case] if args.case is not None else range(args.count)
	if args.list:
		print('parameters: ' + ' '.join(names))
		for i in cases:
			print('%4d %r' % (i, make_case(args.seed, i, names)))
		return 0
	print('fuzz: seed %d, %d case(s), %d parameters from the __setup table'
	      % (args.seed, len(cases), len(names)))

	def one(i):
		line = PREFIX + ' ' + make_case(args.seed, i, names)
		return i, line, boot(args.elf, line, args.timeout)

	failed = 0
	start = time.monotonic()
	with ThreadPoolExecutor(max_workers=args.jobs) as pool:
		for i, line, (reasons, raw) in pool.map(one, cases):
			if not reasons:
				continue
			failed += 1
			print('not ok  case %d: %s' % (i, reasons[0]))
			print('        command line: %r' % line)
			print('        replay: scripts/test/fuzz_cmdline.py --seed %d --case %d'
			      ' --elf %s' % (args.seed, i, shlex.quote(args.elf)))
			for l in raw.splitlines()[-8:]:
				print('        | ' + clean(l))
	passed = len(cases) - failed
	print('fuzz: %d of %d boots clean in %.0fs (seed %d)'
	      % (passed, len(cases), time.monotonic() - start, args.seed))
	print('%d passed, %d failed, 0 skipped' % (passed, failed))
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main())
