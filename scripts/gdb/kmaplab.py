# SPDX-License-Identifier: GPL-2.0
"""GDB helpers for kmaplab (source this file from GDB; make debug does).

  kmaplab-pt VA          walk the PAE page tables for VA from CR3
  kmaplab-threads        the tasks: pid, comm, state, preempt_count, ...
  kmaplab-kmaps [TASK]   a task's kmap_local slots (kmap_ctrl), decoded
  kmap-break [WHAT]      break on a mapping with one location (scripts/gdb/kmaplab_kmap.py)
  kmaplab-pkmap          kmap()'s pool: which slots hold which pages
  kmaplab-cpu-slots CPU  one CPU's kmap_local slots, live

Page-table pages are read through the direct map (phys + PAGE_OFFSET):
kmaplab allocates every page table in lowmem. The helpers read fields by
name and say so plainly when the kernel does not have one (yet).
"""

import inspect
import os
import gdb

PAGE_OFFSET = 0xC0000000
PAGE_SHIFT = 12
PTE_PFN_MASK = ((1 << 36) - 1) & ~0xFFF	# <asm/pgtable_types.h>
BOOT_MAP_SIZE = 16 << 20		# boot/head.asm maps this much lowmem
FIXADDR_TOP = 0xFFFFF000		# <asm/fixmap.h>
FIX_KMAP_BEGIN_DEFAULT = 4		# <asm/fixmap.h> today, if not in DWARF

# Bit -> word, as <asm/pgtable_types.h> names them. Bit 7 is PSE in a
# page-directory entry but PAT in a page-table entry.
FLAG_WORDS = [(0, 'present'), (1, 'rw'), (2, 'user'), (3, 'pwt'), (4, 'pcd'),
	      (5, 'accessed'), (6, 'dirty'), (7, 'pse'), (8, 'global'), (63, 'nx')]
PDPT_BITS = (0, 3, 4)			# the only ones a PAE PDPT entry has

TASK_STATES = {0x0000: 'R (running)', 0x0001: 'S (sleeping)',
	       0x0002: 'D (uninterruptible)', 0x0080: 'X (dead)'}


def flags_str(val, level):
	"""Set flag bits in words. A PAE PDPT entry has only present, pwt and
	pcd; other bits set there are marked (QEMU's TCG, for one, sets
	'accessed' in PDPT entries that the kernel wrote without it)."""
	words = []
	for bit, word in FLAG_WORDS:
		if bit == 7 and level == 'pt':
			word = 'pat'
		if val >> bit & 1:
			if level == 'pdpt' and bit not in PDPT_BITS:
				word += '(reserved in a PDPT entry)'
			words.append(word)
	return ' '.join(words) if words else '(none)'


def symbol_value(expr):
	"""gdb.Value of expr, or None when the kernel has no such symbol."""
	try:
		return gdb.parse_and_eval(expr)
	except gdb.error:
		return None


def read_u64(va):
	mem = gdb.selected_inferior().read_memory(va, 8)
	return int.from_bytes(bytes(mem), 'little')


def lowmem_limit():
	"""Physical end of the direct map: high_memory once mm/ set it, else
	what boot/head.asm mapped."""
	hm = symbol_value('(unsigned long)high_memory')
	if hm is not None and int(hm) > PAGE_OFFSET:
		return int(hm) - PAGE_OFFSET, 'high_memory'
	return BOOT_MAP_SIZE, 'the boot mapping'


def read_phys_u64(phys):
	limit, what = lowmem_limit()
	if phys + 8 > limit:
		raise gdb.GdbError('phys 0x%x is above the direct map (%s ends at 0x%x): '
				   'kmaplab keeps page tables in lowmem, so this entry is bad'
				   % (phys, what, limit))
	return read_u64(phys + PAGE_OFFSET)


def cr3():
	"""(CR3 value, where it came from)."""
	try:
		v = gdb.parse_and_eval('$cr3')
		if v.type.code != gdb.TYPE_CODE_VOID:
			return int(v), '$cr3'
	except gdb.error:
		pass
	pdpt = symbol_value('(unsigned long)&swapper_pdpt')
	if pdpt is None:
		raise gdb.GdbError('no $cr3 from the stub and no swapper_pdpt symbol')
	return int(pdpt) - PAGE_OFFSET, 'swapper_pdpt (no $cr3 from this stub)'


def walk(va, out=None):
	"""Walk va; print each level through out() when given. Returns the
	final PTE (or PDE for a 2 MiB page) value, or None if not mapped."""
	say = out or (lambda s: None)
	base, src = cr3()
	pdpt = base & 0xFFFFFFE0
	say('  cr3       0x%08x  (%s)' % (base, src))
	levels = [('pdpt', pdpt, (va >> 30) & 3)]
	i = 0
	while i < len(levels):
		level, table, idx = levels[i]
		addr = table + idx * 8
		val = read_phys_u64(addr)
		say('  %-9s @phys 0x%08x = 0x%016x  %s'
		    % ('%s[%d]' % (level, idx), addr, val, flags_str(val, level)))
		if not val & 1:
			say('  => 0x%08x is not mapped (%s entry not present)' % (va, level))
			return None
		nxt = val & PTE_PFN_MASK
		if level == 'pdpt':
			levels.append(('pd', nxt, (va >> 21) & 511))
		elif level == 'pd' and val & 0x80:
			phys = (nxt & ~0x1FFFFF) | (va & 0x1FFFFF)
			say('  => va 0x%08x -> phys 0x%09x (2 MiB page, pfn 0x%x)'
			    % (va, phys, phys >> PAGE_SHIFT))
			return val
		elif level == 'pd':
			levels.append(('pt', nxt, (va >> 12) & 511))
		else:
			phys = nxt | (va & 0xFFF)
			say('  => va 0x%08x -> phys 0x%09x (pfn 0x%x)'
			    % (va, phys, phys >> PAGE_SHIFT))
			return val
		i += 1


class KmaplabPt(gdb.Command):
	"""Walk kmaplab's PAE page tables for a virtual address.

Usage: kmaplab-pt VA     (any expression: 0xffbfe000, &init_task, $esp)

Starts at CR3 (QEMU's $cr3; without it, swapper_pdpt), reads the PDPT,
page-directory and page-table entries through the direct map and prints
each with its flags in words, then the physical address."""

	def __init__(self):
		super().__init__('kmaplab-pt', gdb.COMMAND_DATA, gdb.COMPLETE_EXPRESSION)

	def invoke(self, arg, from_tty):
		if not arg.strip():
			raise gdb.GdbError('usage: kmaplab-pt VA')
		va = int(gdb.parse_and_eval(arg).cast(gdb.lookup_type('unsigned long'))) & 0xFFFFFFFF
		gdb.write('kmaplab-pt 0x%08x\n' % va)
		walk(va, lambda s: gdb.write(s + '\n'))


# ------------------------------------------------------------------ tasks --

def field_names(typ):
	return {f.name for f in typ.strip_typedefs().fields()}


def current_task():
	"""The running task on CPU 0 (this_cpu_read(current_task))."""
	v = symbol_value('*(struct task_struct **)((char *)&current_task + __per_cpu_offset[0])')
	if v is None:
		v = symbol_value('current_task')
	if v is None:
		raise gdb.GdbError('no current_task symbol: is this a kmaplab ELF?')
	return v


def walk_list(head, ptr, off, first=None):
	"""Tasks on the circular list at address head, linked through the
	member at byte offset off; first (a task) is put in front when the
	head is itself a task's member. Returns (tasks, note or None)."""
	tasks = [first] if first is not None else []
	lh = gdb.lookup_type('struct list_head').pointer()
	node = gdb.Value(head).cast(lh)['next']
	for _ in range(4096):
		if int(node) == head:
			return tasks, None
		if int(node) == 0:
			return tasks, 'the task list has a NULL next pointer: corrupt?'
		t = gdb.Value(int(node) - off).cast(ptr)
		try:
			node = gdb.Value(int(node)).cast(lh)['next']
			int(node)	# read it now, so a bad pointer shows here
		except gdb.MemoryError:
			return tasks, 'cannot read the list node at 0x%x: corrupt?' % int(node)
		tasks.append(t)
	return tasks, 'stopped after 4096 tasks: is the list circular?'


def all_tasks():
	"""(list of task pointers, note or None): the tasks on task_list (what
	for_each_process() walks), or Linux's init_task.tasks, or else just
	init_task and current."""
	init = symbol_value('&init_task')
	if init is None:
		raise gdb.GdbError('no init_task symbol: is this a kmaplab ELF?')
	ptr = init.type
	ttype = init.dereference().type.strip_typedefs()
	off = next((f.bitpos // 8 for f in ttype.fields() if f.name == 'tasks'), None)
	tasks, note = [], None
	if off is None:
		note = "struct task_struct has no 'tasks' list yet"
	else:
		head = symbol_value('&task_list')
		if head is not None:
			tasks, note = walk_list(int(head), ptr, off)
			if not tasks and note is None:
				note = 'task_list is empty (before sched_init()?)'
		else:
			tasks, note = walk_list(int(init['tasks'].address), ptr, off, init)
	if not tasks:
		tasks = [init]
		cur = current_task()
		if int(cur) != int(init):
			tasks.append(cur)
		note = (note or 'no tasks found') + ': showing init_task and current only'
	return tasks, note


def field(task, path):
	"""task->a.b as int, or None when a member is missing."""
	v = task.dereference()
	for name in path.split('.'):
		if name not in field_names(v.type):
			return None
		v = v[name]
	return int(v)


def task_label(t):
	try:
		comm = t['comm'].string(length=16).split('\0')[0]
	except (gdb.error, gdb.MemoryError):
		comm = '?'
	return 'pid %s %s' % (field(t, 'pid'), comm)


class KmaplabThreads(gdb.Command):
	"""List kmaplab's tasks.

Usage: kmaplab-threads

One line per task on task_list (what for_each_process() walks; *
marks current): pid, comm, state, cpu, preempt_count
(thread_info.preempt_count), pagefault_disabled, migration_disabled and
kmap_ctrl.idx. A column is '-' when struct task_struct has no such field."""

	COLS = [('PID', 'pid', '%d'), ('CPU', 'cpu', '%d'),
		('PREEMPT', 'thread_info.preempt_count', '0x%x'),
		('PF_DIS', 'pagefault_disabled', '%d'), ('MIGR_DIS', 'migration_disabled', '%d'),
		('KMAP_IDX', 'kmap_ctrl.idx', '%d')]

	def __init__(self):
		super().__init__('kmaplab-threads', gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

	def invoke(self, arg, from_tty):
		tasks, note = all_tasks()
		cur = int(current_task())
		missing = set()
		gdb.write('  %-10s %-5s %-16s %-20s %-3s %-8s %-6s %-8s %-8s\n'
			  % ('TASK', 'PID', 'COMM', 'STATE', 'CPU', 'PREEMPT', 'PF_DIS',
			     'MIGR_DIS', 'KMAP_IDX'))
		for t in tasks:
			vals = {}
			for _, path, fmt in self.COLS:
				v = field(t, path)
				if v is None:
					missing.add(path)
				vals[path] = '-' if v is None else fmt % v
			st = field(t, '__state')
			if st is None:
				missing.add('__state')
				state = '-'
			else:
				state = TASK_STATES.get(st, '0x%x' % st)
			try:
				comm = t['comm'].string(length=16).split('\0')[0]
			except (gdb.error, gdb.MemoryError):
				comm = '?'
			gdb.write('%s 0x%08x %-5s %-16s %-20s %-3s %-8s %-6s %-8s %s\n'
				  % ('*' if int(t) == cur else ' ', int(t), vals['pid'], comm, state,
				     vals['cpu'], vals['thread_info.preempt_count'],
				     vals['pagefault_disabled'], vals['migration_disabled'],
				     vals['kmap_ctrl.idx']))
		for m in sorted(missing):
			gdb.write("note: struct task_struct has no '%s' yet\n" % m)
		if note:
			gdb.write('note: %s\n' % note)


# ------------------------------------------------------------------ kmaps --

def fix_kmap_begin():
	v = symbol_value('(int)FIX_KMAP_BEGIN')
	if v is not None:
		return int(v), None
	return FIX_KMAP_BEGIN_DEFAULT, ('FIX_KMAP_BEGIN is not in the debug info; '
					'assuming %d as in <asm/fixmap.h>' % FIX_KMAP_BEGIN_DEFAULT)


def find_task(arg):
	"""A task from an expression, or from a pid when it is a small number."""
	v = gdb.parse_and_eval(arg)
	if v.type.strip_typedefs().code == gdb.TYPE_CODE_INT and int(v) < 0x10000:
		for t in all_tasks()[0]:
			if field(t, 'pid') == int(v):
				return t
		raise gdb.GdbError('no task with pid %d' % int(v))
	if v.type.strip_typedefs().code != gdb.TYPE_CODE_PTR:
		v = v.address if v.address is not None else v
	return v.cast(gdb.lookup_type('struct task_struct').pointer())


class KmaplabKmaps(gdb.Command):
	"""Show a task's kmap_local/kmap_atomic slots (its kmap_ctrl).

Usage: kmaplab-kmaps [TASK]    TASK: a pid, or an expression for a
                               struct task_struct (default: current)

For each slot below kmap_ctrl.idx that holds a saved PTE: the fixmap
address of the slot on the task's CPU, the saved pteval decoded (pfn, flags), and
what the live page table holds there now. A running task's slots should
be 'live, same'; a switched-out task's slots are cleared until it runs.
Debug builds leave an empty guard slot after each mapping (KM_INCR 2)."""

	def __init__(self):
		super().__init__('kmaplab-kmaps', gdb.COMMAND_DATA, gdb.COMPLETE_EXPRESSION)

	def invoke(self, arg, from_tty):
		t = find_task(arg) if arg.strip() else current_task()
		if field(t, 'kmap_ctrl.idx') is None:
			raise gdb.GdbError("struct task_struct has no kmap_ctrl.idx")
		ctrl = t.dereference()['kmap_ctrl']
		idx = int(ctrl['idx'])
		nslots = ctrl['pteval'].type.range()[1] + 1	# KM_MAX_IDX
		begin, note = fix_kmap_begin()
		cpu = field(t, 'cpu') or 0	# each CPU has KM_MAX_IDX slots of its own
		is_cur = int(t) == int(current_task())
		gdb.write('%s task %s: kmap_ctrl.idx %d (KM_MAX_IDX %d)\n'
			  % ('current' if is_cur else 'switched-out', task_label(t), idx, nslots))
		rows = 0
		for i in range(nslots):
			pte = int(ctrl['pteval'][i]['pte'])
			if not pte and i != idx - 1:
				continue
			va = FIXADDR_TOP - ((begin + i + nslots * cpu) << PAGE_SHIFT)
			if rows == 0:
				gdb.write('  %-4s %-10s %-18s %-9s %-36s %s\n'
					  % ('SLOT', 'FIXMAP VA', 'PTEVAL', 'PFN', 'FLAGS', 'LIVE PTE'))
			rows += 1
			try:
				live = walk(va)
				if live is None:
					live_s = 'not mapped'
				elif live == pte:
					live_s = 'same'
				else:
					live_s = 'differs: 0x%x' % live
			except (gdb.GdbError, gdb.MemoryError) as e:
				live_s = '? (%s)' % e
			where = '' if i < idx else '  <- above idx: stale, never cleared'
			gdb.write('  %-4d 0x%08x 0x%016x 0x%-7x %-36s %s%s\n'
				  % (i, va, pte, (pte & PTE_PFN_MASK) >> PAGE_SHIFT,
				     flags_str(pte, 'pt') if pte else '(empty)', live_s, where))
		if not rows:
			gdb.write('  no slot in use\n')
		if note:
			gdb.write('note: %s\n' % note)


KmaplabPt()
KmaplabThreads()
KmaplabKmaps()
# The mapping APIs' helpers, in a file of their own; they use the above.
# (This file's own path: __file__ is the outermost sourced script's.)
HERE = os.path.dirname(os.path.abspath(inspect.currentframe().f_code.co_filename))
gdb.execute('source ' + os.path.join(HERE, 'kmaplab_kmap.py'))
