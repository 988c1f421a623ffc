#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# monitor_proc_test.py - the monitor's process commands, driven over COM1
# from the host: `run` (a program, then a shell typed into -- the shell
# reads /dev/console, woken by COM1's receive interrupt), `ps` and `vm PID`
# on a memhog left running in the background. The kernel boots with the
# initramfs (monitor_test.py's boot has none); the dialogue machinery is
# monitor_session.py's. Prints ok/not ok per check and ends with
# "N passed, N failed, N skipped"; the conversation is kept in
# build/test-logs/monitor-proc.log.
#
#   scripts/test/monitor_proc_test.py [--elf build/kmaplab.elf] [-v]

import argparse
import os
import re
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from monitor_input import has	# noqa: E402
from monitor_session import ROOT, Checks, Monitor	# noqa: E402

INITRD = os.path.join(ROOT, 'build', 'initramfs.cpio')
MEMHOG_MIB = 8


def check_run(m, c):
	"""run a program with arguments; an unknown pid for vm."""
	t = m.cmd('ps')
	c.check('ps: the header, no process yet', has(t, r'PID\s+PPID\s+STATE\s+RSS\s+PTES\s+COMMAND') and
		not re.search(r'^\s*\d+\s+\d+\s', t or '', re.M), t)
	t = m.cmd('run /bin/hello one two')
	c.check('run: a program with its arguments, and its exit status', has(
		t, r'^run: /bin/hello is pid (\d+)',
		r'^Hello from user space: pid \d+, parent \d+, 3 arg\(s\): /bin/hello one two',
		r'^run: pid \d+ exited with status 0'), t)
	t = m.cmd('vm 9999')
	c.check('vm: no such process', has(t, r'^vm: no process 9999'), t)


def check_shell(m, c):
	"""run /bin/sh; type a background memhog and exit; its pid."""
	m.send('run /bin/sh\r')
	t = m.until(b'$ ')
	c.check('run /bin/sh: the shell prompts (its read() wakes on input)',
		has(t, r'^run: /bin/sh is pid \d+'), t)
	m.send('memhog %d 30 &\r' % MEMHOG_MIB)
	t = m.until(b'$ ')
	bg = re.search(r'^\[(\d+)\]', t or '', re.M)
	c.check('sh: memhog runs in the background', bg is not None, t)
	t = m.cmd('exit')
	c.check('run: the shell exits, the monitor is back', has(
		t, r'^run: pid \d+ exited with status 0'), t)
	return bg.group(1) if bg else None


def check_memhog(m, c, pid):
	"""ps until memhog has touched its memory; then vm PID."""
	seen, t = '', None
	for _ in range(120):
		t = m.cmd('ps')
		seen += t or ''
		if 'MiB touched and checked' in seen:
			break
		time.sleep(0.5)
	line = re.search(r'^\s*%s\s+\d+\s+.*\s(\d+)\s+(\d+) memhog$' % pid, t or '', re.M)
	rss = int(line.group(1)) if line else 0
	c.check('ps: memhog with its %d MiB resident' % MEMHOG_MIB,
		rss >= MEMHOG_MIB * 256 and 'ok 2 every byte zero' in seen, t)
	t = m.cmd('vm %s' % pid)
	high = [int(h) for p, h in re.findall(r'(\d+) page\(s\) present, (\d+) in highmem', t or '')]
	c.check('vm: memhog\'s VMAs, its pages in highmem', has(
		t, r'^vm: %s \(memhog\): \d+ VMAs, \d+ pages, \d+ page tables' % pid,
		r'-> pfn 0x[0-9a-f]+ highmem') and sum(high) >= MEMHOG_MIB * 256, t)


def main():
	ap = argparse.ArgumentParser(description="The monitor's ps, vm and run over COM1.")
	ap.add_argument('--elf', default=os.path.join(ROOT, 'build', 'kmaplab.elf'))
	ap.add_argument('--log', default=os.path.join(ROOT, 'build', 'test-logs',
						      'monitor-proc.log'))
	ap.add_argument('--timeout', type=int, default=120, help='seconds to boot')
	ap.add_argument('-v', '--verbose', action='store_true', help='echo COM1')
	args = ap.parse_args()
	start, c = time.monotonic(), Checks()
	for f in (args.elf, INITRD):
		if not os.path.exists(f):
			print('not ok  monitor: %s missing (run make all initramfs)' % f)
			print('0 passed, 1 failed, 0 skipped')
			return 1
	os.makedirs(os.path.dirname(args.log), exist_ok=True)
	m = Monitor(args.elf, args.log, args.verbose, initrd=INITRD)
	try:
		t = m.until_prompt(args.timeout)
		if c.check('boots to the monitor prompt with the initramfs', t is not None, t):
			check_run(m, c)
			pid = check_shell(m, c)
			if pid:
				check_memhog(m, c, pid)
			m.send('exit\r')
	finally:
		rc = m.close()
	c.check('exit: QEMU leaves with status 33', rc == 33, 'exit status %s' % rc)
	return c.report(args.log, start)


if __name__ == '__main__':
	sys.exit(main())
