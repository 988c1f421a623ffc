#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# qemu_boot.py - boot the runs of scripts/test/runner.py under QEMU, two
# at a time, and judge each from its serial log.
#
# Runner.boot() starts QEMU with the serial port in a file, follows that
# file line by line into the KTAP parser (ktap.py) until QEMU exits or the
# run's timeout kills it, then hands everything to ktap.judge().

import os
import shlex
import subprocess
import threading
import time

import bochs
from ktap import Ktap, clean, judge, suite_line
from logtail import LogTail

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, 'build')
LOGDIR = os.path.join(BUILD, 'test-logs')
INITRD = os.path.join(BUILD, 'initramfs.cpio')


def initrd_path(run):
	"""run.initrd: True for build/initramfs.cpio, or a path under build/."""
	return INITRD if run.initrd is True else os.path.join(ROOT, run.initrd)

ACCEL = {
	'tcg': ['-accel', 'tcg', '-cpu', 'max'],
	'tcg-mt': ['-accel', 'tcg,thread=multi', '-cpu', 'max'],
	# the same TCG in qemu-system-x86_64, whose page walk reaches a page
	# table above 4 GiB (qemu-system-i386 7.2's does not: arch/x86/mm/highpte.c)
	'tcg64': ['-accel', 'tcg', '-cpu', 'max'],
	# arch-capabilities: some hosts' KVM refuses the MSR for 32-bit guests
	'kvm': ['-enable-kvm', '-cpu', 'host,-arch-capabilities'],
}

# ---------------------------------------------------------------- runs --


class Runner:
	def __init__(self, args):
		self.args = args
		self.lock = threading.Lock()
		self.results = {}
		self.stop = False

	def say(self, run, msg):
		with self.lock:
			print('  [%s] %s' % (run.name, msg), flush=True)

	def qemu_argv(self, run, log, qlog):
		qemu = 'qemu-system-x86_64' if run.engine == 'tcg64' else 'qemu-system-i386'
		argv = [qemu] + ACCEL[run.engine] + [
			'-display', 'none', '-no-reboot', '-serial', 'file:' + log,
			'-device', 'isa-debug-exit,iobase=0xf4,iosize=4',
			'-m', run.mem, '-d', 'cpu_reset,guest_errors', '-D', qlog]
		return argv + run.qemu

	def kernel_cmdline(self, run):
		words = (['kunit_shutdown=poweroff'] if run.shutdown else []) + \
			['panic=-1']
		# an expected-crash run keeps the filter that makes it crash
		glob = run.filter if run.panic else self.args.filter or run.filter
		if glob:
			words.append('kunit.filter_glob=' + glob)
		return ' '.join(words + ([run.cmdline] if run.cmdline else []))

	def prepare(self, run, log, qlog):
		"""The QEMU argv for run, its old logs removed and its .cmd
		written; (argv, None), or (None, why) when the ISO failed."""
		for f in (log, qlog):
			if os.path.exists(f):
				os.unlink(f)
		argv = self.qemu_argv(run, log, qlog)
		cmdline = self.kernel_cmdline(run)
		if run.boot == 'iso':
			iso = os.path.join(BUILD, 'test-iso', run.name + '.iso')
			os.makedirs(os.path.dirname(iso), exist_ok=True)
			mk = subprocess.run([os.path.join(ROOT, 'scripts', 'mkiso.sh'),
					     self.args.elf, iso, cmdline] +
					    ([initrd_path(run)] if run.initrd else []),
					    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
					    universal_newlines=True)
			if mk.returncode:
				return None, 'mkiso.sh failed: ' + mk.stdout.strip()
			argv += ['-cdrom', iso, '-boot', 'd']
		else:
			elf = os.path.join(ROOT, run.elf) if run.elf else self.args.elf
			argv += ['-kernel', elf, '-append', cmdline]
			if run.initrd:
				argv += ['-initrd', initrd_path(run)]
		with open(os.path.join(LOGDIR, run.name + '.cmd'), 'w') as f:
			f.write(' '.join(shlex.quote(a) for a in argv) + '\n')
		return argv, None

	def feed(self, run, k, lines, grub_err):
		"""Hand whole serial lines to the KTAP parser; the first GRUB
		error line seen before the kernel's banner."""
		for raw in lines:
			raw = raw.decode('utf-8', 'replace')
			if self.args.verbose:
				self.say(run, '| ' + raw.rstrip('\r'))
			k.feed(raw)
			if not k.banners and clean(raw).startswith('error: '):
				grub_err = grub_err or clean(raw).strip()
		return grub_err

	def watch(self, run, p, log, k, timeout):
		"""Follow the serial log of QEMU process p into k until QEMU
		exits, the timeout kills it, or GRUB gives up; (rc, timed_out)."""
		start = time.monotonic()
		timed_out, grub_err, tail = False, None, LogTail(log)
		while True:
			rc = p.poll()
			if rc is None and time.monotonic() - start > timeout:
				p.kill()	# our own QEMU, by its Popen handle
				p.wait()
				timed_out = True
			over = rc is not None or timed_out
			grub_err = self.feed(run, k, tail.read(over), grub_err)
			# GRUB fell back to its prompt: no kernel is coming
			if not over and not k.banners and b'grub> ' in tail.buf:
				p.kill()
				p.wait()
				k.problems.append('GRUB failed: %s' % (
					grub_err or 'dropped to the grub> prompt'))
				over = True
			if over:
				return rc, timed_out
			time.sleep(0.1)

	@staticmethod
	def collect(err, log, qlog):
		"""QEMU's stdout/stderr (appended to qlog), its -D log and the
		serial log cleaned of ANSI codes: (stderr, qemu_text, log_text)."""
		err.seek(0)
		stderr = err.read()
		err.close()
		os.unlink(qlog + '.stderr')
		qemu_text = ''
		if os.path.exists(qlog):
			qemu_text = open(qlog, errors='replace').read()
		if stderr.strip():
			with open(qlog, 'a') as f:
				f.write('--- qemu stdout/stderr ---\n' + stderr)
		log_text = ''
		if os.path.exists(log):
			log_text = '\n'.join(clean(l) for l in open(
				log, errors='replace').read().splitlines())
		return stderr, qemu_text, log_text

	def boot(self, run):
		"""Boot run once and judge it: (verdict + (elapsed, rc), log,
		None), or (None, log, [why]) when it could not start."""
		if run.engine == 'bochs':
			return bochs.boot(self, run)
		log = os.path.join(LOGDIR, run.name + '.log')
		qlog = os.path.join(LOGDIR, run.name + '.qemu.log')
		argv, why = self.prepare(run, log, qlog)
		if not argv:
			return None, log, [why]
		k = Ktap(lambda t: self.say(run, suite_line(t, k.cut)))
		err = open(qlog + '.stderr', 'w+')
		start = time.monotonic()
		p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=err,
				     stderr=subprocess.STDOUT)
		rc, timed_out = self.watch(run, p, log, k,
					   self.args.timeout or run.timeout)
		elapsed = time.monotonic() - start
		if timed_out:
			k.cut = 'hung'
		k.done()
		stderr, qemu_text, log_text = self.collect(err, log, qlog)
		res = judge(run, rc, timed_out, elapsed, k, log_text, qemu_text,
			    stderr)
		return res + (elapsed, rc), log, None

	def worker(self, queue):
		while True:
			with self.lock:
				if not queue or (self.stop and not self.args.keep_going):
					return
				run = queue.pop(0)
			self.begin(run)
			self.say(run, 'boot: %s, -m %s, %s' % (
				'GRUB ISO' if run.boot == 'iso' else '-kernel', run.mem,
				self.kernel_cmdline(run)))
			try:
				res, log, err = self.boot(run)
			finally:
				self.end(run)
			if err:
				res = (0, 1, 0, err, 0, None)
			p, f, s, reasons, elapsed, rc = res
			self.results[run.name] = (run, p, f, s, reasons, log)
			if reasons:
				self.stop = True
				self.say(run, 'FAIL    %s' % reasons[0])
			else:
				self.say(run, 'PASS    %d passed, %d skipped (exit %s, %.1fs)'
					 % (p, s, rc, elapsed))

	def begin(self, run):
		"""Wait for a slot: an 'alone' run waits until nothing else runs,
		and nothing starts while one does."""
		with self.cv:
			while self.exclusive or (run.alone and self.running):
				self.cv.wait()
			self.running += 1
			self.exclusive = run.alone

	def end(self, run):
		with self.cv:
			self.running -= 1
			if run.alone:
				self.exclusive = False
			self.cv.notify_all()

	def run_all(self, runs):
		self.cv = threading.Condition()
		self.running, self.exclusive = 0, False
		queue = list(runs)
		jobs = max(1, min(self.args.jobs, len(queue)))
		threads = [threading.Thread(target=self.worker, args=(queue,))
			   for _ in range(jobs)]
		for t in threads:
			t.start()
		for t in threads:
			t.join()
		return [r.name for r in queue]	# never started
