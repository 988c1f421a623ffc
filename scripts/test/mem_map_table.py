#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# mem_map_table.py - boot the kernel at RAM sizes from 16 MiB to 64 GiB
# and print, as a markdown table, what mem_map (one 16-byte struct page
# per page frame, in lowmem) costs at each: the table in
# docs/memory-layout.md comes from here.  No test runs (the filter
# matches no suite); only the boot's own lines are read.  RAM above
# 4 GiB is given as a memory backend with reserve=off: QEMU maps it
# lazily and the kernel touches only mem_map, so a host with far less RAM
# boots 64 GiB.
#
#   scripts/test/mem_map_table.py [--elf build/kmaplab.elf] [SIZE ...]

import argparse
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIZES = ['16M', '64M', '256M', '512M', '1G', '2G', '4G', '8G', '16G',
	 '32G', '48G', '61G', '64G']


def boot(elf, size):
	# -cpu max: PAE's 36 physical address bits. QEMU refuses -m 64G
	# with it (RAM would end above 64 GiB), so 64G boots on QEMU's
	# default CPU, which has 32 address bits: mem_map is sized from
	# the memory map all the same, but RAM above 4 GiB is unreachable.
	cpu = [] if size == '64G' else ['-cpu', 'max']
	argv = ['qemu-system-i386', '-accel', 'tcg'] + cpu + ['-display', 'none',
		'-no-reboot', '-device', 'isa-debug-exit,iobase=0xf4,iosize=4',
		'-m', size, '-kernel', elf, '-append',
		'kunit_shutdown=poweroff panic=-1 kunit.filter_glob=no_such_suite']
	if size.endswith('G') and int(size[:-1]) >= 4:
		argv += ['-object', 'memory-backend-ram,id=m0,size=%s,reserve=off'
			 % size, '-machine', 'memory-backend=m0']
	with tempfile.NamedTemporaryFile(prefix='kmaplab-memmap-') as log:
		argv += ['-serial', 'file:' + log.name]
		p = subprocess.run(argv, stdout=subprocess.PIPE,
				   stderr=subprocess.STDOUT, timeout=600)
		text = open(log.name, errors='replace').read()
	return p.returncode, text


def row(size, rc, text):
	def num(rx, default='?'):
		m = re.search(rx, text)
		return m.group(1) if m else default
	low = num(r'(\d+)MB LOWMEM available')
	high = num(r'(\d+)MB HIGHMEM available')
	kib = num(r'mem_map: \d+ struct pages x \d+ bytes = (\d+) KiB')
	share = num(r'mem_map: .*, ([\d.]+)% of lowmem')
	m = re.search(r'Memory: (\d+)K/\d+K available .*?, (\d+)K highmem\)', text)
	free_low = '%d' % ((int(m.group(1)) - int(m.group(2))) >> 10) if m else '?'
	note = 'boot failed (exit %d)' % rc if rc != 33 else ''
	if size == '64G':
		note = "QEMU's default CPU: RAM above 4 GiB unreachable"

	if 'IGNORING' in text:
		note = num(r'(mem_map: IGNORING \d+ MiB of highmem)')
	return '| %s | %s | %s | %s | %s%% | %s | %s |' % (
		size, low, high, kib, share, free_low, note)


def main():
	ap = argparse.ArgumentParser(description='mem_map share of lowmem, 16 MiB to 64 GiB')
	ap.add_argument('--elf', default=os.path.join(ROOT, 'build', 'kmaplab.elf'))
	ap.add_argument('-j', '--jobs', type=int, default=2)
	ap.add_argument('sizes', nargs='*', default=SIZES)
	args = ap.parse_args()
	print('| RAM (-m) | lowmem MiB | highmem MiB | mem_map KiB | '
	      'mem_map share of lowmem | lowmem free after boot, MiB | note |')
	print('|---|---|---|---|---|---|---|')
	with ThreadPoolExecutor(max_workers=args.jobs) as pool:
		for size, (rc, text) in zip(args.sizes, pool.map(
				lambda s: boot(args.elf, s), args.sizes)):
			print(row(size, rc, text), flush=True)
	return 0


if __name__ == '__main__':
	sys.exit(main())
