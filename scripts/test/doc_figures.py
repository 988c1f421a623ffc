# SPDX-License-Identifier: GPL-2.0
"""doc_figures.py - the layout figures and slot addresses of docs/, and
what the boots say they are (scripts/test/doc_check.py runs them).

The facts come from two boots of make test: the layout table the -m 1G
run prints (lowmem at its maximum, as the docs draw it) and the
kmap_local slot the monitor test's `map` lands in, with KM_MAX_IDX from
its `kmaps`. Everything else is arithmetic on those: where slot k of CPU
n is, FIX_KMAP_BEGIN, NR_CPUS. Only the release build's KM_MAX_IDX, which
no debug boot prints, is read from arch/x86/include/asm/kmap_size.h.
"""

import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAYOUT_RE = re.compile(r'^\s+(fixmap|pkmap|vmalloc|lowmem)\s*: (0x[0-9a-f]+) - '
		       r'(0x[0-9a-f]+)\s+\(\s*(\d+) [kM]B\)')
SLOT_RE = re.compile(r'\bat ([0-9a-f]{8}): kmap_local slot (\d+) of CPU (\d+)')
PAGE = 4096
PD_SPAN = 2 << 20


def boot_facts(read_log):
	"""(facts, None), or (None, why) when a log is missing."""
	f = {}
	for l in read_log('tcg-1G') or []:
		m = LAYOUT_RE.match(l)
		if m:
			f[m.group(1)] = (int(m.group(2), 16), int(m.group(3), 16), int(m.group(4)))
	if len(f) < 4:
		return None, 'no layout table in build/test-logs/tcg-1G.log'
	mon = '\n'.join(read_log('monitor') or [])
	slot = SLOT_RE.search(mon)
	km = re.search(r'\(KM_MAX_IDX (\d+)', mon)
	if not slot or not km:
		return None, 'no kmap_local slot or KM_MAX_IDX in build/test-logs/monitor.log'
	x = dict(start=f['fixmap'][0], top=f['fixmap'][1], fix_kb=f['fixmap'][2],
		 pkmap_base=f['pkmap'][0], pkmap_end=f['pkmap'][1],
		 vm_start=f['vmalloc'][0], vm_end=f['vmalloc'][1], vm_mb=f['vmalloc'][2],
		 page_offset=f['lowmem'][0], high=f['lowmem'][1], lowmem_mb=f['lowmem'][2],
		 km_max=int(km.group(1)))
	addr, idx, cpu = int(slot.group(1), 16), int(slot.group(2)), int(slot.group(3))
	x['slot0'] = addr + (idx + x['km_max'] * cpu) * PAGE	# slot 0 of CPU 0
	x['fix_pages'] = (x['top'] - x['start']) // PAGE
	x['kmap_begin'] = (x['top'] - x['slot0']) // PAGE
	x['nr_cpus'] = (x['fix_pages'] - x['kmap_begin']) // x['km_max']
	sizes = re.findall(r'#define KM_MAX_IDX (\d+)', open(os.path.join(
		ROOT, 'arch/x86/include/asm/kmap_size.h')).read())
	x['km_max_rel'] = min(int(s) for s in sizes)
	x['pages_rel'] = x['kmap_begin'] + x['nr_cpus'] * x['km_max_rel']
	return x, None


def slot_addr(x, slot, cpu):
	return x['slot0'] - (slot + x['km_max'] * cpu) * PAGE


def pde(x, addr):
	return (addr - x['page_offset']) // PD_SPAN


H = r'(0x[0-9a-f]+)'		# a hex number, as the docs write it
BAR = r' (0x[0-9a-f]{8}) \+-+\+'	# an address line of the ASCII figure


def rules(x):
	"""(doc, regex, expected values of its groups, required): every match
	of regex in doc must have those values; a required one must match."""
	ml = 'docs/memory-layout.md'
	rel = x['pages_rel']
	return [
		(ml, '^' + BAR + ' FIXADDR_TOP', [x['top']], True),
		(ml, '^' + BAR + ' FIXADDR_START', [x['start']], True),
		(ml, '^' + BAR + r'\n\s+\| pkmap:', [x['pkmap_end']], True),
		(ml, '^' + BAR + ' PKMAP_BASE', [x['pkmap_base']], True),
		(ml, '^' + BAR + ' VMALLOC_END', [x['vm_end']], True),
		(ml, '^' + BAR + ' VMALLOC_START', [x['vm_start']], True),
		(ml, '^' + BAR + ' high_memory', [x['high']], True),
		(ml, r'^ (0x[0-9a-f]{8}) \|.*\|\s+PAGE_OFFSET', [x['page_offset']], True),
		(ml, r'fixmap: (\d+) slots\s+\|\s+(\d+) KiB', [x['fix_pages'], x['fix_kb']], True),
		(ml, r'(\d+) kmap_local slots x (\d+) CPUs', [x['km_max'], x['nr_cpus']], True),
		(ml, r'unused rest of the fixmap page table\s+\|\s+(\d+) KiB',
		 [(x['start'] - x['pkmap_end']) // 1024], True),
		(ml, r'vmalloc: vmap\(\), vmalloc\(\), kthread\s+\|\s+(\d+) MiB', [x['vm_mb']], True),
		(ml, r'lowmem: the direct map\s+\|\s+(\d+) MiB', [x['lowmem_mb']], True),
		(ml, r'PD entries 0\.\.(\d+)', [pde(x, x['high'] - 1)], True),
		(ml, r'\[0\.\.(\d+)\]\s+direct-map page tables', [pde(x, x['high'] - 1)], True),
		(ml, r'\[(\d+)\.\.(\d+)\]\s+vmalloc page tables',
		 [pde(x, x['vm_start']), pde(x, x['vm_end'] - 1)], True),
		(ml, r'slots\s+\|\s+2 MiB, PD entry (\d+)', [pde(x, x['pkmap_base'])], True),
		(ml, r'FIX_BENCH_SLOT.*\|\s+PD entry (\d+)', [pde(x, x['start'])], True),
		(ml, r'\[(\d+)\]\s+pkmap_page_table', [pde(x, x['pkmap_base'])], True),
		(ml, r'\[(\d+)\]\s+fixmap page table', [pde(x, x['start'])], True),
		(ml, r'\| fixmap \| `FIXADDR_START` \| `FIXADDR_TOP` %s \| (\d+) pages '
		 r'\(debug\), (\d+) \(`DEBUG=0`\)' % H, [x['top'], x['fix_pages'], rel], True),
		(ml, r'\| pkmap \| `PKMAP_BASE` %s \| %s \| (\d+) pages' % (H, H),
		 [x['pkmap_base'], x['pkmap_end'], (x['pkmap_end'] - x['pkmap_base']) // PAGE], True),
		(ml, r'\| hole \| %s \| %s \| (\d+) pages' % (H, H),
		 [x['vm_end'], x['pkmap_base'], (x['pkmap_base'] - x['vm_end']) // PAGE], True),
		(ml, r'`VMALLOC_END` %s' % H, [x['vm_end']], True),
		(ml, r'FIXADDR_START = %s - (\d+) \* 4 KiB\s+= %s' % (H, H),
		 [x['top'], x['fix_pages'], x['start']], True),
		(ml, r'PKMAP_BASE\s+= .* - (\d+) \* 4 KiB = %s' % H,
		 [(x['pkmap_end'] - x['pkmap_base']) // PAGE, x['pkmap_base']], True),
		(ml, r'VMALLOC_END\s+= PKMAP_BASE - (\d+) \* 4 KiB\s+= %s' % H,
		 [(x['pkmap_base'] - x['vm_end']) // PAGE, x['vm_end']], True),
		(ml, r'MAXMEM\s+= .*= %s' % H, [x['high'] - x['page_offset']], True),
		(ml, r'%s at most' % H, [x['high'] - x['page_offset']], True),
		(ml, r'`FIXADDR_START` is %s \((\d+) kB\)' % H,
		 [x['top'] - rel * PAGE, rel * PAGE // 1024], True),
		(ml, r'a CPU has (\d+) kmap_local slots instead of (\d+)',
		 [x['km_max_rel'], x['km_max']], True),
		(None, r'`PAGE_OFFSET` %s' % H, [x['page_offset']], False),
		(None, r'`FIXADDR_TOP` \(%s\)' % H, [x['top']], False),
		(None, r'PKMAP_BASE = %s' % H, [x['pkmap_base']], False),
		(None, '^' + BAR + r'\n\s+\| pkmap:', [x['pkmap_end']], False),
	]


def number(s):
	return int(s, 16) if s.startswith('0x') else int(s)


def figure_checks(texts, x):
	"""[(name, None or what is wrong)] for every rule."""
	out = []
	for doc, rx, want, required in rules(x):
		for path in [doc] if doc else sorted(texts):
			ms = list(re.finditer(rx, texts[path], re.M))
			found = [m.groups() for m in ms]
			if not found and not (required and doc):
				continue
			# named by the figure's own text, its table rules squeezed
			shown = re.sub(r'-{3,}', '--', ' '.join(ms[0].group(0).split())) \
				if ms else rx
			name = '%s: "%s"' % (path, shown[:64])
			bad = [g for g in found if [number(v) for v in g] != want]
			why = None
			if not found:
				why = 'the figure is gone: %s matches nothing' % rx
			elif bad:
				why = 'says %s, a boot says %s' % (', '.join(bad[0]), ', '.join(
					'%#x' % w if w > 0xffff else str(w) for w in want))
			out.append((name, why))
	return out


# A kmap_local slot address written beside its slot number (and CPU).
SLOT_RULES = [
	(r'`?([0-9a-f]{8})`? is slot (\d+) of CPU (\d+)', (0, 1, 2)),
	(r'\bat ([0-9a-f]{8}): kmap_local slot (\d+) of CPU (\d+)', (0, 1, 2)),
	(r'<td>slot (\d+)</td><td>([0-9a-f]{8})</td>', (1, 0, None)),
	(r'^\s+(\d+)\s+0x([0-9a-f]{8}) 0x[0-9a-f]+ ', (1, 0, None)),
]


def slot_checks(texts, x):
	"""[(name, why)]: each slot address in docs/ against the boots'."""
	out = []
	for path, text in sorted(texts.items()):
		wrong, n = [], 0
		for rx, (a, s, c) in SLOT_RULES:
			for m in re.finditer(rx, text, re.M):
				g = m.groups()
				addr, slot = int(g[a], 16), int(g[s])
				cpu = int(g[c]) if c is not None else 0
				n += 1
				if addr != slot_addr(x, slot, cpu):
					wrong.append('slot %d of CPU %d at %08x, a boot has it at %08x'
						     % (slot, cpu, addr, slot_addr(x, slot, cpu)))
		if n:
			out.append(('%s: %d kmap_local slot address(es)' % (path, n),
				    '\n'.join(wrong) if wrong else None))
	return out
