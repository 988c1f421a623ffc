#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# monitor_test.py - drive the kernel monitor through COM1 from the host.
#
# Boots kmaplab with `monitor` and its serial port on a Unix socket
# (monitor_session.py), types commands and checks each answer.  Every check prints "ok"/"not ok";
# the last line is "N passed, N failed, N skipped" like the runner's.
# Exit status 0 when all passed.  The whole conversation is kept in
# build/test-logs/monitor.log.
#
#   scripts/test/monitor_test.py [--elf build/kmaplab.elf] [--smp N] [--timeout 120] [-v]

import argparse
import os
import re
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from doc_blocks import blocks, match		# noqa: E402
from monitor_input import BAD_INPUT, check_bad_input, check_editor, has	# noqa: E402,F401
from monitor_session import ROOT, Checks, Monitor	# noqa: E402

def check_cpus(m, c, smp):
	"""help; cpus, and on several CPUs the last one down and up again."""
	t = m.cmd('help')
	c.check('help lists every command', has(t, *[r'^\s+%s\s' % w for w in (
		'help', 'mem', 'layout', 'pt', 'kmaps', 'threads', 'stat', 'map',
		'unmap', 'test', 'bench', 'tlbdemo', 'trace', 'cpus', 'cpu_down', 'cpu_up',
		'reboot', 'exit')]), t)
	t = m.cmd('cpus')
	c.check('cpus: one line per CPU', has(t, r'^\s+CPU 0: online') and
		len(re.findall(r'^\s+CPU \d+: ', t or '', re.M)) == smp, t)
	if smp > 1:
		last = smp - 1
		t = m.cmd('cpu_down %d' % last, timeout=60)
		c.check('cpu_down: the CPU goes offline, said once', has(
			t, r'^cpu_down: CPU %d is offline \(\d+ online\)' % last) and
			len(re.findall(r'is offline', t or '')) == 1, t)
		t = m.cmd('cpu_down %d' % last)
		c.check('cpu_down of an offline CPU: the rule in words', has(
			t, r'^error: CPU %d is offline already' % last), t)
		t = m.cmd('cpus')
		c.check('cpus: shows it offline', has(t, r'CPU %d: offline' % last), t)
		t = m.cmd('cpu_up %d' % last, timeout=60)
		c.check('cpu_up: back online', has(t, r'^CPU %d is online' % last), t)
		t = m.cmd('cpu_up %d' % last)
		c.check('cpu_up of an online CPU: the rule in words', has(
			t, r'^error: CPU %d is online already' % last), t)
		t = m.cmd('threads')
		c.check('threads: a CPU column, a CPU per task', has(
			t, r'^\s+PID COMM\s+STATE\s+CPU PREEMPT', r'^\s+0 swapper/%d\s+R \(running\)\s+%d\s'
			% (last, last)), t)


def check_views(m, c):
	"""mem, layout, pt: the read-only views. The first highmem pfn
	+ 0x1000 (from mem's HighMem span), for the map checks."""
	t = m.cmd('mem')
	c.check('mem: zones, per-order free lists, highmem total',
		has(t, r'^Normal free:\d+kB', r'^HighMem free:\d+kB',
		    r'^HighMem: .*\d+\*4096kB', r'^\d+ pages HighMem'), t)
	span = re.search(r'^HighMem .*spanned:\[pfn (0x[0-9a-f]+)-(0x[0-9a-f]+)\)', t or '', re.M)
	high_pfn = int(span.group(1), 16) + 0x1000 if span else 0x5000
	t = m.cmd('layout')
	c.check('layout: fixmap, pkmap, vmalloc, lowmem', has(
		t, r'fixmap\s*:\s*0xff', r'pkmap\s*:\s*0xffc00000', r'vmalloc\s*:',
		r'lowmem\s*:\s*0xc0000000 - 0xc4000000'), t)
	t = m.cmd('pt 0xc0100000')
	c.check('pt: walks PDPT/PD/PT to the kernel text', has(
		t, r'pdpt\[\s*3\]', r'pde\s*\[', r'c0100000 -> phys 0x100000'), t)
	return high_pfn


def check_held_slot(m, c, va, pfn):
	"""What the other commands show while the monitor holds va -> pfn."""
	t = m.cmd('pt 0x' + va)
	c.check('pt: the slot is present and global', has(
		t, r'pte \[\s*\d+\] = [0-9a-f]+\s+present rw .*global'), t)
	t = m.cmd('kmaps')
	c.check('kmaps: init holds the slot', has(
		t, r'init \(pid 1\): 1 mapping', r'%s\s+pfn %#07x' % (va, pfn)), t)
	t = m.cmd('threads')
	c.check('threads: init on its CPU, preemption on, migration off, 1 map',
		has(t, r'^\s+1 init\s+R \(running\)\s+\d+\s+0\s+0\s+1\s+1\s'), t)
	t = m.cmd('test tlbdemo')
	c.check('test refuses while a mapping is held', has(
		t, r'^error: .test. needs the monitor to hold no kmap_local'), t)


def check_map(m, c, high_pfn):
	"""map a highmem pfn, look at it, unmap it; map a lowmem one."""
	before = m.cmd('stat')
	t = m.cmd('map %#x' % high_pfn)
	slot = re.search(r'^mapping 0: pfn %#x \(highmem\) at ([0-9a-f]{8}): kmap_local slot'
			 % high_pfn, t or '', re.M)
	c.check('map: a highmem pfn lands in a kmap_local slot', slot is not None, t)
	if slot:
		va = slot.group(1)
		c.check('map: the walk ends at that pfn', has(
			t, r'%s -> phys %#x\b' % (va, high_pfn << 12)), t)
		check_held_slot(m, c, va, high_pfn)
		t = m.cmd('unmap')
		c.check('unmap: the slot is released', has(t, r'unmapped %s' % va), t)
		t = m.cmd('pt 0x' + va)
		c.check('pt: the slot is empty again', has(t, r'%s is not mapped' % va), t)
	after = m.cmd('stat')
	n0 = re.search(r'kmap_local/kmap_atomic: (\d+) maps', before or '')
	n1 = re.search(r'kmap_local/kmap_atomic: (\d+) maps', after or '')
	c.check('stat: one more kmap_local map counted', n0 and n1 and
		int(n1.group(1)) == int(n0.group(1)) + 1, (before or '') + (after or ''))
	t = m.cmd('map 0x2000')
	c.check('map: a lowmem pfn needs no slot', has(
		t, r'\(lowmem\) at c2000000: kmap_local_page returned its direct-map'), t)
	m.cmd('unmap')


def check_unmap_order(m, c, high_pfn):
	"""The monitor's limit of MONITOR_MAPS, named; unmap 0 while 1 is
	held pops the top slot, with the WARNING bracketed (lab 02)."""
	for i in range(8):
		t = m.cmd('map %#x' % (high_pfn + i))
	t = m.cmd('map %#x' % (high_pfn + 8))
	c.check('map: the 9th mapping names the limit', has(
		t, r'^error: the monitor holds 8 mappings, its limit \(MONITOR_MAPS\)'), t)
	for i in range(6):
		m.cmd('unmap')
	t = m.cmd('unmap 0')
	c.check('unmap 0 with 1 held: out of order, WARNING bracketed, top popped', has(
		t, r'^unmap 0: kunmap_local\([0-9a-f]{8}\) while mapping 1 \(([0-9a-f]{8})\) is more recent',
		r'# capture: expecting reports',
		r'^the kernel popped the most recent slot instead: [0-9a-f]{8} \(pfn %#x, mapping 1\) is gone'
		% (high_pfn + 1), r'\(pfn %#x\), the one asked for, is still mapped' % high_pfn,
		r'^out-of-order unmaps counted: 1 more', r'# capture: reports done') and
		# the WARNING prints once per boot: inside the bracket, if at all
		(not has(t, r'^WARNING:') or t.index('expecting reports') <
		 t.index('\nWARNING:') < t.index('reports done')), t)
	t = m.cmd('kmaps')
	c.check('kmaps: the mapping asked for is the one left', has(
		t, r'init \(pid 1\): 1 mapping', r'pfn %#07x' % high_pfn), t)
	t = m.cmd('unmap')
	c.check('unmap: then releases it', has(t, r'0 mapping\(s\) left'), t)


def check_trace(m, c, high_pfn):
	"""trace on around a map/unmap; show prints it as ftrace's trace file."""
	m.cmd('trace clear')
	t = m.cmd('trace on kmap_local_*')
	c.check('trace on <glob>: says how many events', has(t, r'^trace: 4 events on'), t)
	t = m.cmd('map %#x' % high_pfn)
	slot = re.search(r' at ([0-9a-f]{8}): kmap_local slot', t or '')
	m.cmd('unmap')
	m.cmd('trace off')
	t = m.cmd('trace show')
	va = slot.group(1) if slot else 'none'
	line = r'\s+init-1\s+\[\d{3}\] [.dNh0-9a-f]{5}\s+\d+\.\d{6}: '
	c.check('trace show: ftrace header, the map then the unmap', has(
		t, r'# tracer: nop', r'# entries-in-buffer/entries-written: \d+/\d+   #P:\d',
		line + r'kmap_local_map: slot=\d+ addr=%s pfn=%05x highmem' % (va, high_pfn),
		line + r'kmap_local_unmap: slot=\d+ addr=%s pfn=%05x highmem' % (va, high_pfn)) and
		t.index('kmap_local_map:') < t.index('kmap_local_unmap:'), t)
	m.cmd('trace clear')


def check_tools(m, c):
	"""tlbdemo, test and bench from the prompt."""
	t = m.cmd('tlbdemo 50')
	rows = re.findall(r'^\s+[0-9a-f]{8}\s+(global|non-global)\s+(invlpg|mov cr3|CR4\.PGE toggle)'
			  r'\s+(\d+)/50\s+(\d+)/50\s+(\d+)/50', t or '', re.M)
	c.check('tlbdemo: six rows, engine named', len(rows) == 6 and
		has(t, r'^tlbdemo: (QEMU TCG|KVM|bare metal|\S)'), t)
	c.check('tlbdemo: invlpg always shows the new page',
		all(r[4] == '50' for r in rows if r[1] == 'invlpg') and rows, t)
	t = m.cmd('test tlbdemo', timeout=120)
	c.check('test tlbdemo: runs the suite, KTAP out', has(
		t, r'# Subtest: tlbdemo', r'^ok 1 tlbdemo'), t)
	t = m.cmd('faultsleep 5')
	c.check('faultsleep 5: the knob set, the copy path and counters shown', has(
		t, r'^filemap_copy=kmap_local fault_sleep_ms=5$',
		r'^kernel faults on user memory: \d+ resolved, \d+ fixed up',
		r'^fault sleeps: \d+, of which \d+ holding a kmap_local mapping'), t)
	t = m.cmd('faultsleep 0')
	c.check('faultsleep 0: off again', has(t, r'fault_sleep_ms=0$'), t)
	t = m.cmd('bench floor 310', timeout=120)
	c.check('bench floor: one case, machine-readable line', has(
		t, r'# BENCH \{"case":"floor"', r'# bench: done, 1 cases'), t)


DOC = 'docs/monitor.md'


def doc_dialogues():
	"""The transcripts of docs/monitor.md, as (block, [(command,
	[expected lines])]); a "monitor: CMD" block is CMD's output."""
	out = []
	with open(os.path.join(ROOT, DOC)) as f:
		text = f.read()
	for b in blocks(DOC, text):
		if b.kind != 'monitor':
			continue
		if b.arg != 'session':
			out.append((b, [(b.arg, b.lines)]))
			continue
		steps = []
		for l in b.lines:
			if l.startswith('kmaplab> '):
				steps.append((l[len('kmaplab> '):], []))
			elif steps:
				steps[-1][1].append(l)
		out.append((b, steps))
	return out


def check_doc(m, c, block, steps):
	"""Type a transcript of docs/monitor.md again; every answer must be
	the documented one (docs/style.md: what "varies:" and "..." allow)."""
	for cmd, want in steps:
		t = m.cmd(cmd, timeout=120)
		got = (t or '').splitlines()[1:]	# the first line echoes cmd
		why = match(want, got, block.varies, whole=True) if t is not None \
			else 'no prompt came back'
		c.check('%s as in %s' % (cmd, block.where()), why is None,
			'%s\n%s' % (why, t or ''))


def run(args):
	c = Checks()
	m = Monitor(args.elf, args.log, args.verbose, args.engine, args.smp)
	try:
		boot = m.until_prompt(args.timeout)
		if not c.check('boots to the prompt', has(boot, r'kmaplab monitor on COM1'), boot):
			return c
		# the documented session is of a fresh boot on one CPU, under TCG
		docs = doc_dialogues() if args.smp == 1 and args.engine == 'tcg' else []
		for block, steps in [d for d in docs if d[0].arg == 'session']:
			check_doc(m, c, block, steps)
		for _ in range(8):	# what the session left mapped
			if has(m.cmd('unmap'), r'^error: the monitor holds no mapping'):
				break
		check_cpus(m, c, args.smp)
		high_pfn = check_views(m, c)
		check_map(m, c, high_pfn)
		check_unmap_order(m, c, high_pfn)
		check_trace(m, c, high_pfn)
		check_tools(m, c)
		check_bad_input(m, c)
		check_editor(m, c)
		for block, steps in [d for d in docs if d[0].arg != 'session']:
			check_doc(m, c, block, steps)
		m.send('exit\r')
	finally:
		rc = m.close()
	c.check('exit: QEMU leaves with status 33', rc == 33, 'exit status %s' % rc)
	return c


def main():
	ap = argparse.ArgumentParser(description='Drive the kmaplab monitor over COM1.')
	ap.add_argument('--elf', default=os.path.join(ROOT, 'build', 'kmaplab.elf'))
	ap.add_argument('--log', default=os.path.join(ROOT, 'build', 'test-logs', 'monitor.log'))
	ap.add_argument('--engine', choices=('tcg', 'kvm'), default='tcg')
	ap.add_argument('--smp', type=int, default=1, help='CPUs (QEMU -smp)')
	ap.add_argument('--timeout', type=int, default=120, help='seconds to boot')
	ap.add_argument('-v', '--verbose', action='store_true', help='echo COM1')
	args = ap.parse_args()
	sys.stdout.reconfigure(line_buffering=True)
	os.makedirs(os.path.dirname(args.log), exist_ok=True)
	if not os.path.exists(args.elf):
		print('monitor_test: %s missing (run make)' % args.elf)
		print('0 passed, 1 failed, 0 skipped')
		return 2
	start = time.monotonic()
	try:
		c = run(args)
	except (RuntimeError, OSError) as e:
		print('not ok  monitor: %s' % e)
		print('0 passed, 1 failed, 0 skipped')
		return 1
	return c.report(args.log, start)


if __name__ == '__main__':
	sys.exit(main())
