#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# run_qemu_test.py - what a student sees from ./run-qemu.sh.
#
# Runs ./run-qemu.sh on a pseudo-terminal, as a person would, with one
# suite that prints deliberate WARNINGs (kmap_local) and
# kunit_shutdown=poweroff, and checks: the engine line is one line of
# information (no "triple fault", no "failed"); the self-tests show as a
# summary, not as their output (no WARNING on the terminal, a few lines
# in all); the full output is in build/run-qemu.log; QEMU's exit status
# (33: all passed) is the script's. Then the same with -v, which must
# show everything. Ends with "N passed, N failed, N skipped" like the
# runner; the terminal transcripts are build/test-logs/run-qemu*.log.

import os
import pty
import re
import select
import signal
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOGDIR = os.path.join(ROOT, 'build', 'test-logs')
CMDLINE = 'lowmem=64M kunit.filter_glob=kmap_local kunit_shutdown=poweroff'


def run(args, log, timeout=300):
	"""./run-qemu.sh ARGS on a pty: (terminal text, exit status or None)."""
	pid, fd = pty.fork()
	if pid == 0:
		os.chdir(ROOT)
		os.execvp('./run-qemu.sh', ['./run-qemu.sh'] + args)
	out, deadline, eof = b'', time.monotonic() + timeout, False
	while time.monotonic() < deadline and not eof:
		r, _, _ = select.select([fd], [], [], 0.5)
		if not r:
			continue
		try:
			d = os.read(fd, 4096)
		except OSError:
			d = b''
		eof = not d
		out += d
	if not eof:		# our own run-qemu.sh, and its QEMU, still there
		os.killpg(pid, signal.SIGKILL)
	_, st = os.waitpid(pid, 0)
	status = os.waitstatus_to_exitcode(st) if eof else None
	os.close(fd)
	with open(log, 'wb') as f:
		f.write(out)
	return out.decode(errors='replace').replace('\r\n', '\n'), status


def main():
	os.makedirs(LOGDIR, exist_ok=True)
	passed = failed = 0

	def check(name, ok, text):
		nonlocal passed, failed
		print('%-7s run-qemu: %s' % ('ok' if ok else 'not ok', name), flush=True)
		if ok:
			passed += 1
		else:
			failed += 1
			for l in (text or '(no output)').splitlines()[-12:]:
				print('    ' + l)
		return ok

	full = os.path.join(ROOT, 'build', 'run-qemu.log')
	if os.path.exists(full):
		os.unlink(full)
	t, st = run(['--', CMDLINE], os.path.join(LOGDIR, 'run-qemu.log'))
	lines = [l for l in t.replace('\r', '\n').splitlines() if l.strip()]
	engine = [l for l in lines if l.startswith('run-qemu.sh: engine: ')]
	check('one engine line, in words', len(engine) == 1 and re.match(
		r'run-qemu.sh: engine: (KVM \(hardware virtualization\)|QEMU TCG, software '
		r'emulation \(-cpu max\), because .+)$', engine[0]) and
		not re.search(r'triple fault|failed|reset', engine[0], re.I), t)
	check('self-tests as a summary line', re.search(
		r'^\s*self-tests: 1 suite, \d+ cases: \d+ passed, 0 failed, \d+ skipped -- '
		r'full log in build/run-qemu.log$', '\n'.join(lines), re.M) is not None, t)
	check('no test output on the terminal (no WARNING, few lines)',
	      'WARNING' not in t and '# Subtest' not in t and len(lines) < 15, t)
	log = open(full, errors='replace').read() if os.path.exists(full) else ''
	check('the full output is in build/run-qemu.log', '# Subtest: kmap_local' in log
	      and 'WARNING:' in log and '# Totals:' in log, log[-2000:])
	check("QEMU's exit status is the script's (33: all passed)", st == 33,
	      'exit status %s' % st)
	t, st = run(['-v', '--', CMDLINE], os.path.join(LOGDIR, 'run-qemu-v.log'))
	check('-v shows the test output', '# Subtest: kmap_local' in t and
	      'WARNING:' in t and st == 33, t)
	print('run-qemu: terminal transcripts in build/test-logs/run-qemu*.log')
	print('%d passed, %d failed, 0 skipped' % (passed, failed))
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main())
