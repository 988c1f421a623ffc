# SPDX-License-Identifier: GPL-2.0
#
# monitor_session.py - for the monitor's host tests (monitor_test.py,
# monitor_proc_test.py): kmaplab booted with `monitor` and its COM1 on a
# Unix socket (QEMU waits for us before starting the guest, so nothing is
# lost), typed into the way a person would -- one character stream, CR at
# the end -- every byte kept in a log; and the tally of ok/not ok checks.

import os
import re
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROMPT = b'kmaplab> '
TS_RE = re.compile(r'^\[\s*\d+\.\d+\] ', re.M)
CMDLINE = 'lowmem=64M kunit.filter_glob=NONE monitor'


def clean(raw):
	"""COM1's bytes as text: no CRs, no printk timestamps."""
	return TS_RE.sub('', raw.decode(errors='replace').replace('\r', ''))


class Monitor:
	"""QEMU with the monitor on COM1; initrd: the initramfs to boot with."""

	def __init__(self, elf, log, verbose, engine='tcg', smp=1, initrd=None):
		self.dir = tempfile.mkdtemp(prefix='kmaplab-mon.')
		self.sock_path = os.path.join(self.dir, 'com1')
		self.log = open(log, 'wb')
		self.verbose = verbose
		self.buf = b''
		accel = (['-enable-kvm', '-cpu', 'host,-arch-capabilities']
			 if engine == 'kvm' else ['-accel', 'tcg', '-cpu', 'max'])
		self.argv = ['qemu-system-i386'] + accel + [
			'-m', '256M', '-smp', str(smp), '-display', 'none', '-no-reboot',
			'-device', 'isa-debug-exit,iobase=0xf4,iosize=4',
			'-serial', 'unix:%s,server=on,wait=on' % self.sock_path,
			'-kernel', elf] + (['-initrd', initrd] if initrd else []) + [
			'-append', CMDLINE]
		self.qemu = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL,
					     stdout=subprocess.PIPE,
					     stderr=subprocess.STDOUT)
		self._connect()

	def _connect(self, timeout=10):
		deadline = time.monotonic() + timeout
		while True:
			self.sock = socket.socket(socket.AF_UNIX)
			try:
				self.sock.connect(self.sock_path)
				break
			except OSError:
				self.sock.close()
				if self.qemu.poll() is not None:
					raise RuntimeError('QEMU did not open %s: %s' % (
						self.sock_path, self.qemu.stdout.read().decode()))
				if time.monotonic() > deadline:
					raise RuntimeError('QEMU did not open %s' % self.sock_path)
				time.sleep(0.05)
		self.sock.settimeout(0.2)

	def _recv(self):
		try:
			d = self.sock.recv(4096)
		except socket.timeout:
			return True
		except OSError:
			return False
		if not d:
			return False
		self.log.write(d)
		self.log.flush()
		if self.verbose:
			sys.stdout.write(d.decode(errors='replace'))
		self.buf += d
		return True

	def _wait(self, marker, timeout):
		"""Read until marker (bytes) has come; False on timeout or EOF."""
		deadline = time.monotonic() + timeout
		while marker not in self.buf:
			if time.monotonic() > deadline or not self._recv():
				return False
		return True

	def until_prompt(self, timeout):
		"""Everything up to the next prompt, as clean text; None on timeout."""
		if not self._wait(PROMPT, timeout):
			return None
		out, self.buf = self.buf.split(PROMPT, 1)
		return clean(out)

	def until(self, marker, timeout=60):
		"""Everything up to and including marker (bytes), as clean text."""
		if not self._wait(marker, timeout):
			return None
		i = self.buf.index(marker) + len(marker)
		out, self.buf = self.buf[:i], self.buf[i:]
		return clean(out)

	def send(self, keys):
		self.sock.sendall(keys.encode() if isinstance(keys, str) else keys)

	def cmd(self, line, timeout=60):
		self.send(line + '\r')
		return self.until_prompt(timeout)

	def close(self, timeout=10):
		try:
			self.qemu.wait(timeout)
		except subprocess.TimeoutExpired:
			self.qemu.kill()
			self.qemu.wait()
		while self._recv() and self.buf:
			self.buf = b''
		self.sock.close()
		self.log.close()
		try:
			os.unlink(self.sock_path)
			os.rmdir(self.dir)
		except OSError:
			pass
		return self.qemu.returncode


class Checks:
	def __init__(self):
		self.passed = self.failed = 0

	def check(self, name, ok, text=''):
		if ok:
			self.passed += 1
			print('ok      monitor: %s' % name)
		else:
			self.failed += 1
			print('not ok  monitor: %s' % name)
			for l in (text or '(no answer)').strip().splitlines()[-12:]:
				print('        | ' + l)
		return ok

	def report(self, log, start):
		"""The last lines (the runner reads the count); the exit status."""
		print('monitor: log in %s; %.0fs' % (os.path.relpath(log, ROOT),
						     time.monotonic() - start))
		print('%d passed, %d failed, 0 skipped' % (self.passed, self.failed))
		return 1 if self.failed else 0
