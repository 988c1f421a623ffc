# SPDX-License-Identifier: GPL-2.0
"""Run inside GDB by scripts/test/gdb_test.py (gdb -batch -x this file),
attached to a kernel that runs the kmap_local and kmap_pool suites on two
CPUs. Stops with kmap-break on a kmap() and on a kmap_local mapping of a
highmem page, runs the helpers after each, and prints "@@ NAME" before
each part for the host side to cut the output at. Environment:
KMAPLAB_GDB_PORT (the stub), KMAPLAB_ROOT (the tree)."""

import os
import gdb

ROOT = os.environ['KMAPLAB_ROOT']


def run(cmd):
	gdb.write('@@ %s\n' % cmd)
	gdb.execute(cmd)


def stopped_in():
	f = gdb.selected_frame()
	return f.name() if f is not None else None


def main():
	gdb.execute('set pagination off')
	gdb.execute('set confirm off')
	gdb.execute('set architecture i386')
	gdb.execute('file %s/build/kmaplab.elf' % ROOT)
	gdb.execute('target remote localhost:%s' % os.environ['KMAPLAB_GDB_PORT'])
	gdb.execute('source %s/scripts/gdb/kmaplab.py' % ROOT)
	# Past the boot's own mappings (ACPI, DMI) to the tests, both CPUs up
	gdb.execute('tbreak kunit_run_all')
	gdb.execute('continue')
	run('kmap-break kmap')
	run('kmap-break highmem')
	seen = set()
	for _ in range(50):
		if seen == {'kmap_high', '__kmap_local_page_high'}:
			break
		gdb.execute('continue')
		fn = stopped_in()
		if fn in seen:
			continue
		seen.add(fn)
		cpu = gdb.selected_thread().num - 1	# QEMU: one GDB thread per CPU
		gdb.write('@@ stopped in %s on CPU %d\n' % (fn, cpu))
		run('finish')
		if fn == 'kmap_high':
			run('kmaplab-pkmap')
		else:
			run('kmaplab-kmaps')
			run('kmaplab-cpu-slots %d' % cpu)
			run('kmaplab-cpu-slots %d' % (1 - cpu))	# the other CPU
			run('kmaplab-threads')
	gdb.write('@@ done\n')
	gdb.execute('kill')


try:
	main()
except gdb.error as e:
	gdb.write('@@ gdb error: %s\n' % e)
