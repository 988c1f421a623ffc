#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# gdb_test.py - the GDB helpers of scripts/gdb/ against a live kernel.
#
# Boots kmaplab on 2 CPUs under QEMU's gdbstub (stopped at reset, as
# `make debug` does) with the kmap_local and kmap_pool suites, and runs
# gdb -batch with scripts/test/gdb_session.py: kmap-break must set ONE
# location (not one per inlined copy) and stop in kmap() and in a
# kmap_local mapping; kmaplab-pkmap must show the slot kmap() took,
# kmaplab-kmaps and kmaplab-cpu-slots the slot kmap_local took, and
# kmaplab-cpu-slots the other CPU too. Everything under a time limit.
# Ends with "N passed, N failed, N skipped" like the runner; GDB's output
# is build/test-logs/gdb.log.

import os
import re
import shutil
import socket
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOG = os.path.join(ROOT, 'build', 'test-logs', 'gdb.log')
CMDLINE = 'lowmem=64M kunit.filter_glob=kmap_[lp]* kunit_shutdown=poweroff'
TIMEOUT = 180


def free_port():
	s = socket.socket()
	s.bind(('127.0.0.1', 0))
	port = s.getsockname()[1]
	s.close()
	return port


def session():
	"""GDB's output, cut at its "@@ " lines: {part: text}."""
	port = free_port()
	qemu = subprocess.Popen(
		['qemu-system-i386', '-accel', 'tcg', '-cpu', 'max', '-m', '256M', '-smp', '2',
		 '-display', 'none', '-no-reboot', '-serial', 'null',
		 '-device', 'isa-debug-exit,iobase=0xf4,iosize=4',
		 '-kernel', os.path.join(ROOT, 'build', 'kmaplab.elf'), '-append', CMDLINE,
		 '-gdb', 'tcp:127.0.0.1:%d' % port, '-S'],
		stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
	env = dict(os.environ, KMAPLAB_GDB_PORT=str(port), KMAPLAB_ROOT=ROOT)
	try:
		out = subprocess.run(['gdb', '-q', '-nx', '-batch', '-x',
				      os.path.join(ROOT, 'scripts', 'test', 'gdb_session.py')],
				     env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
				     stderr=subprocess.STDOUT, timeout=TIMEOUT).stdout
	except subprocess.TimeoutExpired as e:
		out = (e.stdout or b'') + b'\n@@ gdb timed out\n'
	finally:
		qemu.kill()
		qemu.wait()
	text = out.decode(errors='replace')
	with open(LOG, 'w') as f:
		f.write(text)
	parts, name = {}, 'start'
	for line in text.splitlines():
		if line.startswith('@@ '):
			name = line[3:]
			parts.setdefault(name, '')
		else:
			parts[name] = parts.get(name, '') + line + '\n'
	return text, parts


def main():
	os.makedirs(os.path.dirname(LOG), exist_ok=True)
	if not shutil.which('gdb'):
		print('skip    gdb: no gdb on this machine (scripts/debug.sh installs it)')
		print('0 passed, 0 failed, 1 skipped')
		return 0
	passed = failed = 0

	def check(name, ok, text):
		nonlocal passed, failed
		print('%-7s gdb: %s' % ('ok' if ok else 'not ok', name), flush=True)
		if ok:
			passed += 1
		else:
			failed += 1
			for l in (text or '(no output)').strip().splitlines()[-12:]:
				print('    ' + l)

	text, p = session()
	get = p.get
	check('kmap-break kmap: one location, on kmap_high', re.search(
		r'breakpoint \d+ on kmap_high \(1 location\)', get('kmap-break kmap', '')), text)
	check('kmap-break highmem: one location', re.search(
		r'breakpoint \d+ on __kmap_local_page_high \(1 location\)',
		get('kmap-break highmem', '')), text)
	stops = re.findall(r'^@@ stopped in (\S+) on CPU (\d)', text, re.M)
	check('stops in kmap() and in a kmap_local mapping',
	      {s[0] for s in stops} == {'kmap_high', '__kmap_local_page_high'}, text)
	check('kmaplab-pkmap: the slot kmap() took, in use by 1', re.search(
		r'^\s+\d+\s+0xff[c-d][0-9a-f]{5} 2\s+0x[0-9a-f]+\s+in use by 1\s+page 0x',
		get('kmaplab-pkmap', ''), re.M), get('kmaplab-pkmap', text))
	km = get('kmaplab-kmaps', '')
	va = re.search(r'^\s+1\s+(0x[0-9a-f]{8}) 0x[0-9a-f]{16} 0x[0-9a-f]+\s+present.*same$',
		       km, re.M)
	check('kmaplab-kmaps: the task holds slot 1, live and the same', va, km or text)
	cpu = next((s[1] for s in stops if s[0] == '__kmap_local_page_high'), '0')
	mine = get('kmaplab-cpu-slots %s' % cpu, '')
	check('kmaplab-cpu-slots (its CPU): the same slot, saved by the task', va and re.search(
		r'^\s+1\s+\d+\s+%s 0x[0-9a-f]{16} .* same$' % va.group(1), mine, re.M), mine or text)
	other = get('kmaplab-cpu-slots %d' % (1 - int(cpu)), '')
	check('kmaplab-cpu-slots (the other CPU): its task, its slots', re.search(
		r'^CPU %d runs task pid \d+ \S+: kmap_ctrl.idx \d+' % (1 - int(cpu)), other, re.M) and
	      not re.search(r'Traceback|Error', other), other or text)
	check('kmaplab-threads runs', re.search(r'^\*? 0x[0-9a-f]{8} \d+\s', get('kmaplab-threads', ''),
						 re.M), get('kmaplab-threads', text))
	check('no Python error', not re.search(r'Python Exception|@@ gdb error|timed out', text), text)
	print('gdb: log in %s' % os.path.relpath(LOG, ROOT))
	print('%d passed, %d failed, 0 skipped' % (passed, failed))
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main())
