#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# bochs_monitor_test.py - `./run-qemu.sh --bochs` reaches the monitor.
#
# Starts ./run-qemu.sh --bochs on a pseudo-terminal, as a person would in
# theirs (Bochs reads COM1 from that terminal), waits for the monitor's
# prompt, types `tlbdemo 10` and checks that the engine is named Bochs and
# that the global entry survived mov cr3, then `exit`, after which the
# script must say Bochs powered off.  Ends with "N passed, N failed, N
# skipped" like the runner; the transcript is build/test-logs/bochs-monitor.log.

import os
import pty
import re
import select
import signal
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOG = os.path.join(ROOT, 'build', 'test-logs', 'bochs-monitor.log')
CMDLINE = 'lowmem=64M kunit.filter_glob=NONE monitor'


class Pty:
	def __init__(self, argv):
		self.pid, self.fd = pty.fork()
		if self.pid == 0:
			os.chdir(ROOT)
			os.execvp(argv[0], argv)
		self.buf = b''
		self.log = open(LOG, 'wb')

	def until(self, rx, timeout):
		"""Read until rx matches the text since the last call; the text,
		or None on timeout or end of output."""
		deadline = time.monotonic() + timeout
		while True:
			m = re.search(rx, self.buf)
			if m:
				text, self.buf = self.buf[:m.end()], self.buf[m.end():]
				return text.decode(errors='replace')
			left = deadline - time.monotonic()
			if left <= 0:
				return None
			r, _, _ = select.select([self.fd], [], [], min(left, 0.5))
			if not r:
				continue
			try:
				d = os.read(self.fd, 4096)
			except OSError:
				d = b''
			if not d:
				return None
			self.log.write(d)
			self.log.flush()
			self.buf += d

	def type(self, line):
		for c in line.encode() + b'\r':
			os.write(self.fd, bytes([c]))
			time.sleep(0.02)	# a person's typing; the UART has no FIFO to fill

	def close(self):
		"""Stop our own run-qemu.sh (and its Bochs) if still there."""
		try:
			pid, _ = os.waitpid(self.pid, os.WNOHANG)
			if pid == 0:
				os.killpg(self.pid, signal.SIGKILL)
				os.waitpid(self.pid, 0)
		except (ChildProcessError, ProcessLookupError):
			pass
		os.close(self.fd)
		self.log.close()


def main():
	os.makedirs(os.path.dirname(LOG), exist_ok=True)
	p = Pty(['./run-qemu.sh', '--bochs', '--', CMDLINE])
	passed = failed = 0

	def check(name, ok, text):
		nonlocal passed, failed
		print('%-7s bochs monitor: %s' % ('ok' if ok else 'not ok', name), flush=True)
		if ok:
			passed += 1
		else:
			failed += 1
			for l in (text or '(no output)').splitlines()[-10:]:
				print('    ' + l)
		return ok

	try:
		t = p.until(rb'kmaplab> ', 300)
		if check('the prompt comes (./run-qemu.sh --bochs)', t is not None, t) and \
		   check('the kernel names the engine Bochs',
			 re.search(r'Engine: Bochs \(', t or '') is not None, t):
			p.type('tlbdemo 10')
			t = p.until(rb'kmaplab> ', 120)
			check('tlbdemo: Bochs keeps the global entry across mov cr3',
			      t is not None and 'tlbdemo: Bochs,' in t and
			      re.search(r'global\s+mov cr3\s+10/10\s+10/10\s+0/10', t) and
			      '-- as seen.' in t, t)
			p.type('exit')
			t = p.until(rb'run-qemu.sh: Bochs exited.*\n', 60)
			check('exit: Bochs powers off', t is not None and
			      'soft power off' in t, t)
	finally:
		p.close()
	print('bochs monitor: log in %s' % os.path.relpath(LOG, ROOT))
	print('%d passed, %d failed, 0 skipped' % (passed, failed))
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main())
