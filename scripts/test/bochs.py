#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# bochs.py - boot one runner.py run under Bochs instead of QEMU.
#
# Bochs (Debian's 2.7) has no -kernel and no isa-debug-exit: it boots the
# GRUB ISO, and every power-off ends it with status 1 whatever the
# verdict.  So the kernel also writes its exit code to port 0xe9 as the
# line "KMAPLAB-EXIT 0x10" (kernel/reboot.c), which Bochs' port_e9_hack
# copies to its stdout; it is read back here as QEMU's exit status would
# be ((code << 1) | 1: 33, 35, 37), and the KTAP on COM1 is judged exactly
# as for QEMU (ktap.judge).  A run that never writes the code is named:
# hung (timeout), triple fault (Bochs' own log says so), kernel restarted
# (a second boot banner), or Bochs' own exit message.
#
# Debian builds Bochs with its internal debugger, which stops at the first
# instruction and waits for commands: the -rc file tells it to continue,
# then to quit when the machine stops (a triple fault lands there too).
# The screen goes to SDL's dummy driver: no window, no X needed.
#
# The runner calls boot(runner, run) for runs with engine='bochs'; the run
# table's qemu=['-smp', 'N'] gives the CPU count (the one QEMU option
# understood here), mem its RAM.  Used by ./run-qemu.sh --bochs too
# (bochsrc(), for an interactive boot).

import os
import re
import shlex
import subprocess
import time

from ktap import Ktap, clean, judge, suite_line
from logtail import LogTail

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, 'build')
LOGDIR = os.path.join(BUILD, 'test-logs')
SHARE = '/usr/share/bochs'

# A CPU with PAE, PGE and NX (Sandy Bridge).
CPU_MODEL = 'corei7_sandy_bridge_2600k'
# Instructions per guest second (clock sync=none: Bochs runs as fast as it
# can, and guest time is counted in instructions).  It is also the TSC's
# frequency (timer_test_tsc accepts 10 MHz and up).
# With several CPUs Bochs cannot skip the time all of them spend halted,
# it emulates it tick by tick: a quarter of the rate made the smp suite's
# waits (msleep, cpu_down) cost 7.5 s of host CPU instead of 20 s, for the
# same work.  So SMP runs use 25 MHz; their TSC is then 25 MHz.
IPS, IPS_SMP = 100000000, 25000000
EXIT_RE = re.compile(r'KMAPLAB-EXIT 0x([0-9a-f]+)')
# Bochs' log when a third exception cannot be delivered
TRIPLE_RE = re.compile(r'(exception\(\): 3rd \(\d+\) exception with no '
		       r'resolution|triple fault).*', re.I)
BOCHS_MSG_RE = re.compile(r'Bochs is exiting with the following message:\s*'
			  r'\n(.*)', re.M)


def cpus_of(run):
	"""The run's -smp N (default 1)."""
	q = list(run.qemu)
	for i, a in enumerate(q):
		if a == '-smp' and i + 1 < len(q):
			return int(q[i + 1].split(',')[0])
		if a not in ('-smp',):
			raise ValueError('Bochs run %s: QEMU option %s not understood'
					 % (run.name, a))
	return 1


def megs(mem):
	"""QEMU's -m 256M / 6G -> MiB."""
	m = re.match(r'^(\d+)([MG]?)$', mem)
	return int(m.group(1)) * (1024 if m.group(2) == 'G' else 1)


def bochsrc(iso, serial, log, mib=256, cpus=1, sync='none'):
	"""A bochsrc booting iso headless; COM1 as serial (a com1: value
	such as 'mode=file, dev=FILE' or 'mode=term, dev=/dev/tty').  sync
	'none' runs flat out, guest time counted in instructions (tests);
	'slowdown' keeps guest time from running ahead of the wall clock, so
	an idle guest (at the monitor prompt) costs no host CPU."""
	# megs: above 2048 is refused; guest= then gives the guest more
	mem = ('megs: %d' % mib if mib <= 2048 else
	       'memory: guest=%d, host=2048' % mib)
	return '\n'.join([
		mem,
		'romimage: file=%s/BIOS-bochs-latest' % SHARE,
		'vgaromimage: file=%s/VGABIOS-lgpl-latest' % SHARE,
		'cpu: model=%s, count=%d, ips=%d' % (CPU_MODEL, cpus,
						     IPS if cpus == 1 else IPS_SMP),
		'ata0-master: type=cdrom, path=%s, status=inserted' % iso,
		'boot: cdrom',
		'display_library: sdl2',
		'com1: enabled=1, %s' % serial,
		'port_e9_hack: enabled=1',
		'clock: sync=%s, time0=local' % sync,
		'mouse: enabled=0',
		'speaker: enabled=0',
		'sound: driver=dummy',
		'log: %s' % log,
		'panic: action=fatal',
		'']) + '\n'


def bochs_env():
	env = dict(os.environ)
	env['SDL_VIDEODRIVER'] = 'dummy'	# headless; no X
	return env


def write_rc(path):
	"""The debugger's command file: run, and quit when it stops."""
	with open(path, 'w') as f:
		f.write('c\nquit\n')


def make_iso(run, elf, cmdline):
	iso = os.path.join(BUILD, 'test-iso', run.name + '.iso')
	os.makedirs(os.path.dirname(iso), exist_ok=True)
	initrd = os.path.join(BUILD, 'initramfs.cpio')
	mk = subprocess.run([os.path.join(ROOT, 'scripts', 'mkiso.sh'),
			     elf, iso, cmdline] + ([initrd] if run.initrd else []),
			    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
			    universal_newlines=True)
	return iso, (mk.stdout.strip() if mk.returncode else None)


def start(runner, run):
	"""Write the run's files and start Bochs: (Popen, paths) or an error."""
	base = os.path.join(LOGDIR, run.name)
	paths = {k: base + ext for k, ext in (
		('log', '.log'), ('blog', '.bochs.log'), ('out', '.bochs.out'),
		('rc', '.bochs-rc'), ('conf', '.bochsrc'))}
	for k in ('log', 'blog', 'out'):
		if os.path.exists(paths[k]):
			os.unlink(paths[k])
	iso, err = make_iso(run, runner.args.elf, runner.kernel_cmdline(run))
	if err is not None:
		return None, paths, 'mkiso.sh failed: ' + err
	try:
		cpus = cpus_of(run)
	except ValueError as e:
		return None, paths, str(e)
	with open(paths['conf'], 'w') as f:
		f.write(bochsrc(iso, 'mode=file, dev=' + paths['log'], paths['blog'],
				megs(run.mem), cpus))
	write_rc(paths['rc'])
	argv = ['bochs', '-q', '-f', paths['conf'], '-rc', paths['rc']]
	with open(base + '.cmd', 'w') as f:
		f.write('SDL_VIDEODRIVER=dummy ' +
			' '.join(shlex.quote(a) for a in argv) + '\n')
	out = open(paths['out'], 'wb')
	p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out,
			     stderr=subprocess.STDOUT, env=bochs_env())
	out.close()
	return p, paths, None


def follow(runner, run, p, log, k):
	"""Feed COM1 to the parser until Bochs exits, hangs, or the kernel
	restarts or GRUB gives up; (timed_out, why it was stopped)."""
	timeout = runner.args.timeout or run.timeout
	start_t = time.monotonic()
	stopped, tail = None, LogTail(log)
	while True:
		rc = p.poll()
		timed_out = rc is None and time.monotonic() - start_t > timeout
		over = rc is not None or timed_out or stopped
		for raw in tail.read(over):
			raw = raw.decode('utf-8', 'replace')
			if runner.args.verbose:
				runner.say(run, '| ' + raw.rstrip('\r'))
			k.feed(raw)
		if not over and k.banners > 1:
			stopped = 'kernel restarted (boot banner seen twice)'
		elif not over and not k.banners and b'grub> ' in tail.buf:
			stopped = 'GRUB failed: dropped to the grub> prompt'
		if over:
			if rc is None:
				p.kill()	# our own Bochs, by its Popen handle
				p.wait()
			return timed_out, stopped
		time.sleep(0.1)


def verdict(paths, k):
	"""From Bochs' stdout and log: (rc as QEMU would give it or None,
	the problem if there is no code)."""
	out = open(paths['out'], errors='replace').read() \
		if os.path.exists(paths['out']) else ''
	blog = open(paths['blog'], errors='replace').read() \
		if os.path.exists(paths['blog']) else ''
	m = EXIT_RE.search(out)
	if m:
		return (int(m.group(1), 16) << 1) | 1, None
	t = TRIPLE_RE.search(blog)
	if t:
		k.cut = 'triple fault'
		return None, 'triple fault (Bochs: %s)' % t.group(0).strip()
	msg = BOCHS_MSG_RE.search(out) or BOCHS_MSG_RE.search(blog)
	return None, 'Bochs stopped without a verdict on port 0xe9%s' % (
		': ' + msg.group(1).strip() if msg else '')


def boot(runner, run):
	"""One run under Bochs; returns what Runner.boot() returns."""
	p, paths, err = start(runner, run)
	if err:
		return None, paths['log'], [err]
	k = Ktap(lambda t: runner.say(run, suite_line(t, k.cut)))
	t0 = time.monotonic()
	timed_out, stopped = follow(runner, run, p, paths['log'], k)
	elapsed = time.monotonic() - t0
	rc, problem = None, stopped
	if timed_out:
		k.cut = 'hung'
	elif not stopped:
		rc, problem = verdict(paths, k)
	if problem:
		k.problems.append(problem)
	k.done()
	if run.panic and rc is None:	# judge() would not look further
		return (0, 1, 0, k.problems or ['no verdict']) + (elapsed, rc), \
			paths['log'], None
	log_text = ''
	if os.path.exists(paths['log']):
		log_text = '\n'.join(clean(l) for l in open(
			paths['log'], errors='replace').read().splitlines())
	res = judge(run, rc, timed_out, elapsed, k, log_text, '', '')
	return res + (elapsed, rc), paths['log'], None


def main():
	"""`bochs.py bochsrc ISO COM1 LOG [MiB] [CPUS] [SYNC]`: print a
	bochsrc (./run-qemu.sh --bochs uses the tests' configuration)."""
	import sys
	a = sys.argv[1:]
	if len(a) < 4 or a[0] != 'bochsrc':
		sys.stderr.write('usage: bochs.py bochsrc ISO COM1 LOG [MiB] [CPUS] [SYNC]\n')
		return 2
	sys.stdout.write(bochsrc(a[1], a[2], a[3], int(a[4]) if len(a) > 4 else 256,
				 int(a[5]) if len(a) > 5 else 1,
				 a[6] if len(a) > 6 else 'none'))
	return 0


if __name__ == '__main__':
	raise SystemExit(main())
