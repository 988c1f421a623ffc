# SPDX-License-Identifier: GPL-2.0
#
# edge_runs.py - the run table's boots at the edges (issue 19): bad
# command-line values, a line too long for the kernel's buffer, tiny RAM,
# every suite twice in one boot; and, on demand only, RAM at the limits
# of PAE (32, 48 and 61 GiB, the most QEMU allows).  runner.py adds edge_runs(Run) to its table and
# big_memory_runs(Run) when one of them is named with --runs.

import re

# The runner puts "kunit_shutdown=poweroff panic=-1 kunit.filter_glob=F"
# first; these come after.  Every rejected value must leave one line
# naming it and what was kept -- the kept value is read back from the
# variable itself, so a value both "rejected" and applied shows here.
BAD_VALUES = [
	# (parameter=value, what the kernel must say it kept)
	('kunit.filter_glob=' + 'x' * 300,
	 'kunit.filter_glob=timer (at most 255 bytes)'),
	('hz=abc', 'hz=250 (100..1000)'),
	('hz=1001', 'hz=250 (100..1000)'),	# last: timer_test_hz checks it
	('bench.iters=0', 'bench.iters=20000 (31 or more)'),
	('bench.iters=30', 'bench.iters=20000 (31 or more)'),
	('bench.engine=', 'bench.engine=unknown'),
	('bench.filter=', 'bench.filter=*, bench off'),
	('kmap_torture.ops=0', 'kmap_torture.ops=1000000 (1 or more)'),
	('panic=-+5', 'panic=-1'),
	('mem=99999999999999999999', 'mem= unset (8M or more)'),
	('lowmem=18014398509481984K', 'lowmem= unset (8M or more)'),
	('cpu_down_timeout_ms=0', 'cpu_down_timeout_ms=10000 (1000 or more)'),
	('sched_slice=1000', 'sched_slice=3 (1..25 ticks)'),
	('kunit.repeat=0', 'kunit.repeat=1 (1..10)'),
	('tlb.shootdown=maybe', 'tlb.shootdown=1'),
	('kunit_shutdown=never', 'kunit_shutdown=poweroff (poweroff, halt or reboot)'),
	('filemap_copy=kmap', 'filemap_copy=kmap_local (kmap_local or kmap_atomic)'),
	('fault_sleep_ms=10001', 'fault_sleep_ms=0 (0..10000 ms)'),
]
# Accepted, but not as written: each must say what it became.
NOTED_VALUES = [
	('lowmem=8193K', r'lowmem=8193K: rounded down to a page, 8192K'),
	('lowmem=16G', r'lowmem=16384M: above the RAM \(\d+M\): no highmem'),
	('nr_cpus=99', r'nr_cpus=99: this kernel is built for at most 8 CPUs'),
	('nr_cpus=99', r'nr_cpus=99: only 1 CPUs present'),
]


def rejected(word, kept):
	name, _, value = word.partition('=')
	return r'kernel parameter "%s=%s" rejected; kept %s$' % (
		re.escape(name), re.escape(value), re.escape(kept))


def bad_cmdline():
	words = [w for w, _ in BAD_VALUES] + [w for w, _ in NOTED_VALUES]
	return ' '.join(dict.fromkeys(words))


def long_cmdline():
	"""Tab-separated words, more than 64 of them, an open quote and more
	than 1023 bytes: every word up to the cut counts, the rest is named."""
	words = ['hz=abc\tkmap_torture.ops=0']
	words += ['p%d' % i for i in range(80)]
	words += ['bench.engine="open quote', 'y' * 700]
	return ' '.join(words)


def edge_runs(Run):
	return [
		# Defects 2, 7, 9: every bad value rejected in one line, and
		# the boot's own timer suite still passes (hz kept)
		Run('tcg-cmdline-bad', mem='128M', filter='timer', kvm=False,
		    cmdline=bad_cmdline(),
		    expect=[rejected(w, k) for w, k in BAD_VALUES] +
			   [rx for _, rx in NOTED_VALUES]),
		# Defect 8: a tab separates, 80 words all count, an open quote
		# and a line cut at 1023 bytes are named
		Run('tcg-cmdline-long', mem='64M', filter='cmdline', kvm=False,
		    cmdline=long_cmdline(),
		    expect=[rejected('kmap_torture.ops=0',
				     'kmap_torture.ops=1000000 (1 or more)'),
			    r'unknown kernel command line parameter "p79"',
			    r'unbalanced " in the command line',
			    r'command line longer than 1023 bytes: cut after']),
		# Defect 7: loglevel= quiets the boot, never the KTAP verdict
		Run('tcg-loglevel', mem='64M', filter='printk', kvm=False,
		    cmdline='loglevel=1',
		    expect=[r'kunit: loglevel=1 lifted to 7 while the tests run']),
		# Defects 6, 9: a direct map smaller than the boot map; the
		# smallest RAM says how little is left
		Run('tcg-5M', mem='5M', filter='paging', kvm=False),
		# 2 MiB is too little for this kernel: it must stop with a panic
		# that names what did not fit. Since the image grew past the
		# 1.9 MiB of RAM QEMU gives at -m 2M, that is the image itself
		# (e820_setup_memory(); it double-faulted on its own stack
		# before); a smaller image ran out at the fixmap's page table or
		# a direct-map page table.
		Run('tcg-2M', mem='2M', filter='cmdline', kvm=False,
		    panic=r'Kernel panic - not syncing: .*(no (memory|lowmem) for |'
			  r'kernel image .* runs past usable RAM)'),
		# Defect 5, item 6: every suite twice in one boot; the second
		# round passes only if the first left the kernel as it found
		# it (pool, counters, threads)
		Run('tcg-run-twice', mem='256M', kvm=False,
		    cmdline='lowmem=64M kunit.repeat=2 kmap_torture.ops=100000'),
	]


def big_memory_runs(Run):
	"""RAM at PAE's limits, on demand (`runner.py --runs tcg-32G,...`):
	QEMU allocates guest RAM lazily with reserve=off, so a host with less
	RAM boots them as long as the mm_* suites touch little of it.

	64 GiB itself cannot be booted usefully: QEMU puts 1 GiB of RAM above
	4 GiB for the PCI hole and reserves room for 64-bit PCI, and a CPU
	with PAE's 36 physical address bits (-cpu max) then refuses anything
	above -m 61G ("Address space limit ... phys-bits too low (36)").
	tcg-61G is the largest it allows."""
	def backend(size):
		return ['-object', 'memory-backend-ram,id=m0,size=%s,reserve=off'
			% size, '-machine', 'memory-backend=m0']
	return [Run('tcg-%s' % size, mem=size, qemu=backend(size),
		    filter='mm_*', kvm=False, timeout=900)
		for size in ('32G', '48G', '61G')]
