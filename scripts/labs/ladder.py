# SPDX-License-Identifier: GPL-2.0
"""ladder.py - the course's labs, in the order a student takes them.

Each lab names its suites (kunit.filter_glob), how to boot them, its
points, and what `make handout` takes out of the tree: a list of
removals, each one of

  Func(path, name)        the C function (or #define) `name` in `path`,
                          with the comment just above it, is replaced by
                          scripts/labs/start/NN/<name>.c -- the starting
                          point; an empty start file deletes it.
  Edit(path, name, old, new)  inside function `name`, the lines `old`
                          become `new`: for a few lines in a function
                          others keep editing.
  File(path)              the whole file becomes start/NN/<basename>.

Removals are found by name, not by line number, so other edits to the
same files do not disturb them; only a change to a removed function
itself needs the teacher's eye (`make labs-refresh`, docs/labs/README.md).
"""

import collections

Lab = collections.namedtuple('Lab', 'num name title level hours points suites '
			     'smp removals needs')
Func = collections.namedtuple('Func', 'path name')
Edit = collections.namedtuple('Edit', 'path name old new')
File = collections.namedtuple('File', 'path')

LABS = [
	Lab('01', 'missing-invlpg', 'the missing invlpg', 'easy', '1-2',
	    10, ['lab_01_invlpg'], 1,
	    [Func('arch/x86/include/asm/highmem.h', 'arch_kmap_local_post_unmap')],
	    None),
	Lab('02', 'unmap-order', "kunmap_local()'s order check", 'easy', '1-2',
	    10, ['lab_02_unmap_order'], 1,
	    [Func('mm/highmem.c', 'kmap_local_wrong_order'),
	     Edit('mm/highmem.c', 'kunmap_local_indexed',
		  ['\tif (unlikely(addr != top))',
		   '\t\tkmap_local_wrong_order(addr, top);'],
		  ['\t/* LAB 02 (docs/labs/02-unmap-order.md) */'])],
	    None),
	Lab('03', 'kmap-pool', "the kmap() pool's wrap", 'moderate', '2-3',
	    15, ['lab_03_kmap_pool'], 1,
	    [Func('mm/pkmap.c', 'flush_all_zero_pkmaps')], None),
	Lab('04', 'shootdown', 'the SMP shootdown', 'moderate', '2-4',
	    15, ['lab_04_shootdown'], 2,
	    [Func('arch/x86/mm/tlb.c', 'flush_everywhere')], None),
	Lab('05', 'highpte', 'page tables in highmem: pte_offset_map()',
	    'moderate', '2-3', 15, ['lab_05_highpte'], 1,
	    [Func('arch/x86/include/asm/pgalloc.h', 'pte_offset_map'),
	     Func('arch/x86/include/asm/pgalloc.h', 'pte_unmap')], None),
	Lab('06', 'demand-paging', 'demand paging from highmem', 'moderate',
	    '2-3', 15, ['lab_06_demand_paging'], 1,
	    [Func('mm/memory.c', 'do_anonymous_page')], None),
	Lab('07', 'cow', 'copy-on-write with copy_user_highpage()', 'moderate',
	    '3-4', 20, ['lab_07_cow'], 1,
	    [Func('mm/memory.c', 'do_wp_page')], None),
	Lab('08', 'convert-ramdisk', 'convert a kmap() user', 'hard', '4-6',
	    25, ['lab_08_convert'], 1,
	    [File('drivers/block/ramdisk_local.c')], None),
	# The filemap_copy=kmap_local path starts as the kmap_atomic one
	Lab('09', 'convert-filemap', 'the page-cache copy: kmap_atomic to '
	    'kmap_local_page', 'hard', '4-6', 25, ['lab_09_filemap'], 1,
	    [Func('mm/filemap.c', 'copy_page_to_user'),
	     Func('mm/filemap.c', 'copy_page_from_user')], None),
]


def find(num):
	for lab in LABS:
		if lab.num == str(num).zfill(2):
			return lab
	return None


def ready():
	"""The labs that can be taken now (not waiting for other work)."""
	return [lab for lab in LABS if not lab.needs]
