# SPDX-License-Identifier: GPL-2.0
"""GDB helpers for the mapping APIs (sourced by scripts/gdb/kmaplab.py).

  kmap-break [WHAT] [if COND]  one breakpoint, one location, on a mapping
  kmaplab-pkmap                kmap()'s pool: which slots hold which pages
  kmaplab-cpu-slots CPU        one CPU's kmap_local slots, live, and who runs there

`break kmap_local_page` sets a location at every inlined copy (over a
hundred): kmap_local_page() is a static inline. Every copy calls one
out-of-line function, and kmap-break breaks there.
"""

import gdb
from __main__ import (FIXADDR_TOP, PAGE_SHIFT, PTE_PFN_MASK, flags_str,  # noqa: F401
		      symbol_value, walk, fix_kmap_begin, field, task_label)

PKMAP_BASE_DEFAULT = 0xFFC00000		# <asm/pgtable_32_areas.h>; `layout` prints it

LOCAL_STOPS = ('a kmap_local_page()/kmap_atomic() that takes a slot: a highmem page '
	       '(any page with kmap_local.force_map=1) (arg: page)')

# what -> (function, when it stops)
KMAP_BREAKS = {
	'local': ('__kmap_local_page_high', LOCAL_STOPS),
	'highmem': ('__kmap_local_page_high', LOCAL_STOPS),
	'prot': ('__kmap_local_pfn_prot',
		 'kmap_local_page_prot(), kmap_local_pfn(), kmap_atomic_prot()/_pfn() '
		 'that take a slot (args: pfn, prot)'),
	'kmap': ('kmap_high', 'kmap() of a highmem page (lowmem returns inline) (arg: page)'),
	'unmap': ('kunmap_local_indexed',
		  'kunmap_local()/kunmap_atomic() of a slot (and, in the debug build, of any address)'),
	'kunmap': ('kunmap_high', 'kunmap() of a highmem page (arg: page)'),
}


class KmapBreak(gdb.Command):
	"""Break on a kmap mapping with one location.

Usage: kmap-break [local|highmem|prot|kmap|unmap|kunmap] [if CONDITION]

  local    (default; highmem is the same) __kmap_local_page_high: a
           kmap_local_page() or kmap_atomic() that takes a slot. A
           lowmem page never leaves the inline code (as in Linux): it
           takes no slot, and only kmap_stats.lowmem_fast counts it
  prot     __kmap_local_pfn_prot: kmap_local_page_prot(), kmap_local_pfn()
  kmap     kmap_high: kmap() of a highmem page
  unmap    kunmap_local_indexed: kunmap_local()/kunmap_atomic()
  kunmap   kunmap_high: kunmap() of a highmem page

kmap_local_page() itself is inlined into every caller, so `break
kmap_local_page` sets a location in each. These are the out-of-line
functions every copy calls. `finish` then prints the address returned.
Example: kmap-break prot if pfn == 0x5000"""

	def __init__(self):
		super().__init__('kmap-break', gdb.COMMAND_BREAKPOINTS, gdb.COMPLETE_NONE)

	def invoke(self, arg, from_tty):
		what, _, cond = arg.partition(' if ')
		what = what.strip() or 'local'
		if what not in KMAP_BREAKS:
			raise gdb.GdbError('kmap-break: no %r; one of %s' % (
				what, ', '.join(KMAP_BREAKS)))
		fn, when = KMAP_BREAKS[what]
		if symbol_value(fn) is None:
			raise gdb.GdbError('kmap-break: no function %s in this kernel' % fn)
		bp = gdb.Breakpoint(fn)
		if cond.strip():
			bp.condition = cond.strip()
		n = len(bp.locations) if hasattr(bp, 'locations') else 1
		gdb.write('kmap-break: breakpoint %d on %s (%d location%s): stops at %s\n'
			  % (bp.number, fn, n, '' if n == 1 else 's', when))


# -------------------------------------------------------------- the pool --

def pkmap_base():
	v = symbol_value('(unsigned long)PKMAP_BASE')
	if v is not None:
		return int(v), None
	return PKMAP_BASE_DEFAULT, ('PKMAP_BASE is not in the debug info; assuming '
				    '0x%08x as the monitor\'s layout prints' % PKMAP_BASE_DEFAULT)


class KmaplabPkmap(gdb.Command):
	"""Show kmap()'s pool: the slots that hold a page.

Usage: kmaplab-pkmap

One line per slot whose pkmap_count is not 0 (mm/pkmap.c): the slot, its
address, the count (1: mapped but unused, reclaimed at the next wrap;
n > 1: in use by n - 1 kmap() callers), the page's pfn from the slot's
PTE, and whether slot_page[] (the page -> address lookup) agrees. Then
last_pkmap_nr, where the next search starts."""

	def __init__(self):
		super().__init__('kmaplab-pkmap', gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

	def invoke(self, arg, from_tty):
		count = symbol_value("'mm/pkmap.c'::pkmap_count") or symbol_value('pkmap_count')
		ptes = symbol_value('pkmap_page_table')
		if count is None or ptes is None:
			raise gdb.GdbError('no pkmap_count/pkmap_page_table: is this a kmaplab ELF?')
		pages = symbol_value("'mm/pkmap.c'::slot_page")
		base, note = pkmap_base()
		nslots = count.type.range()[1] + 1
		last = symbol_value("'mm/pkmap.c'::last_pkmap_nr")
		if int(ptes) == 0:
			raise gdb.GdbError('pkmap_page_table is NULL: the pool is not set up yet')
		rows = [0, 0]
		gdb.write('pkmap pool: %d slots at 0x%08x; next search from slot %s\n'
			  % (nslots, base, int(last) if last is not None else '?'))
		for i in range(nslots):
			c = int(count[i])
			if not c:
				continue
			pte = int(ptes[i]['pte'])
			pfn = (pte & PTE_PFN_MASK) >> PAGE_SHIFT
			if rows == [0, 0]:
				gdb.write('  %-5s %-10s %-5s %-9s %-26s %s\n' % (
					'SLOT', 'ADDRESS', 'COUNT', 'PFN', 'STATE', 'slot_page[]'))
			rows[c > 1] += 1
			state = 'mapped, unused' if c == 1 else 'in use by %d' % (c - 1)
			agree = '-'
			if pages is not None:
				agree = 'page 0x%x' % int(pages[i]) if int(pages[i]) else 'NULL'
			gdb.write('  %-5d 0x%08x %-5d 0x%-7x %-26s %s%s\n' % (
				i, base + (i << PAGE_SHIFT), c, pfn, state, agree,
				'' if pte & 1 else '  <- PTE not present!'))
		gdb.write('  %d in use, %d mapped but unused, %d free\n'
			  % (rows[1], rows[0], nslots - rows[0] - rows[1]))
		if note:
			gdb.write('note: %s\n' % note)


# ------------------------------------------------- another CPU's slots --

def per_cpu_task(cpu):
	v = symbol_value('*(struct task_struct **)((char *)&current_task + '
			 '__per_cpu_offset[%d])' % cpu)
	if v is None:
		raise gdb.GdbError('no current_task/__per_cpu_offset: is this a kmaplab ELF?')
	return v


def nr_cpu_ids():
	v = symbol_value('nr_cpu_ids')
	return int(v) if v is not None else 1


class KmaplabCpuSlots(gdb.Command):
	"""Show one CPU's kmap_local/kmap_atomic slots as its page table has them.

Usage: kmaplab-cpu-slots CPU

Each CPU owns KM_MAX_IDX fixmap slots (FIX_KMAP_BEGIN + KM_MAX_IDX * CPU
on). For each slot that is mapped now: its address, the live PTE, the
pfn, and whether it is what the task running on that CPU saved in its
kmap_ctrl (it should be: a switched-out task's slots are emptied). Works
for any CPU, whichever one GDB stopped on (QEMU: `info threads`)."""

	def __init__(self):
		super().__init__('kmaplab-cpu-slots', gdb.COMMAND_DATA, gdb.COMPLETE_EXPRESSION)

	def invoke(self, arg, from_tty):
		if not arg.strip():
			raise gdb.GdbError('usage: kmaplab-cpu-slots CPU')
		cpu = int(gdb.parse_and_eval(arg))
		if not 0 <= cpu < nr_cpu_ids():
			raise gdb.GdbError('no CPU %d (nr_cpu_ids %d)' % (cpu, nr_cpu_ids()))
		t = per_cpu_task(cpu)
		ctrl = t.dereference()['kmap_ctrl']
		idx = int(ctrl['idx'])
		nslots = ctrl['pteval'].type.range()[1] + 1	# KM_MAX_IDX
		begin, note = fix_kmap_begin()
		gdb.write('CPU %d runs task %s: kmap_ctrl.idx %d (KM_MAX_IDX %d)\n'
			  % (cpu, task_label(t), idx, nslots))
		rows = 0
		for i in range(nslots):
			slot = i + nslots * cpu
			va = FIXADDR_TOP - ((begin + slot) << PAGE_SHIFT)
			try:
				live = walk(va)
			except (gdb.GdbError, gdb.MemoryError) as e:
				gdb.write('  slot %d 0x%08x: ? (%s)\n' % (slot, va, e))
				continue
			if live is None:
				continue
			saved = int(ctrl['pteval'][i]['pte'])
			if not rows:
				gdb.write('  %-4s %-4s %-10s %-18s %-9s %-36s %s\n' % (
					'IDX', 'SLOT', 'VA', 'LIVE PTE', 'PFN', 'FLAGS', 'SAVED BY THE TASK'))
			rows += 1
			gdb.write('  %-4d %-4d 0x%08x 0x%016x 0x%-7x %-36s %s\n' % (
				i, slot, va, live, (live & PTE_PFN_MASK) >> PAGE_SHIFT,
				flags_str(live, 'pt'), 'same' if saved == live else
				'differs: 0x%x' % saved if i < idx else 'not held: above idx!'))
		if not rows:
			gdb.write('  no slot of CPU %d is mapped\n' % cpu)
		if note:
			gdb.write('note: %s\n' % note)


KmapBreak()
KmaplabPkmap()
KmaplabCpuSlots()
