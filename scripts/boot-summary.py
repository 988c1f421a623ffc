#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# boot-summary.py LOG - ./run-qemu.sh's quiet console: the boot's
# self-tests as one progress line and a summary, the rest as it comes.
#
# Reads the serial console (QEMU's stdout) on stdin and copies every
# byte to LOG. Until the KUnit run ends ("# Totals:" at the top level,
# or "kunit: disabled") the terminal sees only a progress line; then a
# summary, and from there on everything, unfiltered: the shell's or the
# monitor's prompt, and whatever the kernel says later. The kernel's own
# output is left as Linux would print it: the filtering is done here.
#
# Not hidden: a failed suite (named in the summary), and a panic, Oops or
# triple fault before the end of the run (the log's last lines are shown,
# and from there everything passes through).

import os
import re
import signal
import sys

TS = rb'^\[\s*\d+\.\d+\] '
TOP_RESULT = re.compile(TS + rb'(not ok|ok) \d+ (\S+)')
PLAN = re.compile(TS + rb'1\.\.(\d+)\s*$')
TOTALS = re.compile(TS + rb'# Totals: pass:(\d+) fail:(\d+) skip:(\d+) total:(\d+)')
DISABLED = re.compile(TS + rb'kunit: disabled')
# A panic ends the boot; a triple fault ends QEMU (and so stdin).
CRASH = re.compile(rb'Kernel panic - not syncing')
# What comes after the tests, should no totals have come (kunit.action=list)
AFTER = re.compile(TS + rb'(Run /init as init process|kmaplab monitor on COM1|kunit: )')


class Quiet:
	def __init__(self, log_name):
		self.log_name = log_name
		self.suites = self.failed_suites = 0
		self.plan = None
		self.failed = []
		self.tail = []
		self.shown = 0		# length of the progress line on screen

	def say(self, text):
		os.write(1, text.encode())

	def progress(self):
		of = '/%d' % self.plan if self.plan else ''
		bad = ', %d failed' % len(self.failed) if self.failed else ''
		text = 'self-tests: %d%s suites done%s' % (self.suites, of, bad)
		self.say('\r' + text)
		self.shown = len(text)

	def line(self, l):
		"""One console line while the tests run; True when they are over."""
		self.tail = (self.tail + [l])[-25:]
		m = PLAN.match(l)
		if m and self.plan is None:
			self.plan = int(m.group(1))
		m = TOP_RESULT.match(l)
		if m:
			self.suites += 1
			if m.group(1) == b'not ok':
				self.failed.append(m.group(2).decode(errors='replace'))
			self.progress()
		m = TOTALS.match(l)
		if m and self.plan is not None and self.suites >= self.plan:
			self.summary(*map(int, m.groups()))
			return True
		if DISABLED.match(l):
			self.say('self-tests: disabled (kunit.enable=0)\n')
			return True
		if CRASH.search(l):
			self.crashed()
			return True
		if AFTER.match(l):
			self.say('%sself-tests: no KTAP totals seen; the output is in %s\n'
				 % ('\n' if self.shown else '', self.log_name))
			os.write(1, l)
			return True
		return False

	def summary(self, passed, failed, skipped, total):
		if self.shown:		# the summary replaces the progress line
			self.say('\r%s\r' % (' ' * self.shown))
		self.say('self-tests: %d suite%s, %d cases: %d passed, %d failed, %d skipped'
			 ' -- full log in %s\n' % (self.suites, '' if self.suites == 1 else 's',
						  total, passed, failed, skipped, self.log_name))
		if self.failed:
			self.say('self-tests FAILED: %s (see the log)\n' % ', '.join(self.failed))

	def crashed(self):
		self.say('\nself-tests: the boot went wrong; its last lines (all in %s):\n'
			 % self.log_name)
		for l in self.tail[:-1]:
			os.write(1, l)

	def ended(self):
		"""stdin closed before the tests ended: QEMU exited."""
		self.say('\nself-tests: QEMU ended before the tests did; the last lines '
			 '(all in %s):\n' % self.log_name)
		for l in self.tail:
			os.write(1, l)


def main():
	# ^C reaches the whole foreground group: QEMU decides what it means
	signal.signal(signal.SIGINT, signal.SIG_IGN)
	log = open(sys.argv[1], 'wb')
	q = Quiet(sys.argv[1])
	q.say('run-qemu.sh: self-tests run first; ./run-qemu.sh -v shows their output\n')
	quiet, pending = True, b''
	while True:
		d = os.read(0, 4096)
		if not d:
			break
		log.write(d)
		log.flush()
		if not quiet:
			os.write(1, d)
			continue
		pending += d
		while quiet and b'\n' in pending:
			l, pending = pending.split(b'\n', 1)
			if q.line(l + b'\n'):
				quiet = False
				if q.tail and CRASH.search(q.tail[-1]):
					os.write(1, q.tail[-1])
		if not quiet and pending:
			os.write(1, pending)
			pending = b''
	if quiet:
		q.ended()
	log.close()


if __name__ == '__main__':
	main()
