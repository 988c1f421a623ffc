#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# bench_report.py - scripts/bench/bench.py's tables, targets and plot data.
#
# Works on the parsed "# BENCH {json}" results of each boot (a list of
# dicts per run name); docs/performance.md describes the fields.

import os
import shutil
import subprocess

PLOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'bench-plot.gnuplot')
UNIT = {'icount': 'instructions', 'tcg': 'TSC ticks (emulated)',
	'kvm': 'TSC ticks (cycles)', 'mttcg': 'TSC ticks (emulated, MTTCG)'}
SMP_CASES = ('smp_kmap_local', 'smp_kmap', 'smp_kmap_wrap')

def key(r):
	return (r['case'], r['mem'], r['pages'], r['threads'])


def index(boot):
	return {key(r): r for r in boot.results} if boot else {}


def fmt(v, engine):
	if v is None:
		return '-'
	if engine == 'icount' and abs(v - round(v)) < 0.005:
		return '%d' % round(v)
	return '%.2f' % v if abs(v) < 100 else '%.0f' % v


def per_k(n, ops):
	return 1000.0 * n / ops if ops else 0.0


def floor_of(res):
	f = res.get(('floor', 'highmem', 1, 0))
	return f['median'] if f and f['median'] > 0 else None


def table(engine, rel, dbg):
	"""Markdown table of one engine: release figures, debug beside."""
	R, D = index(rel), index(dbg)
	fl = floor_of(R)
	out = ['| case | mem | pages | thr | median | min–max | × floor | debug median '
	       '| invlpg /1k ops | full flushes /1k ops | wraps | sleeps | preempted |',
	       '|' + '---|' * 13]
	for r in rel.results:
		d = D.get(key(r))
		ratio = '%.1f' % (r['median'] / fl) if fl else '-'
		out.append('| %s | %s | %s | %s | %s | %s–%s | %s | %s | %.1f | %.2f | %d | %d | %s |' % (
			r['case'], r['mem'], r['pages'] or '-', r['threads'] or '-',
			fmt(r['median'], engine), fmt(r['min'], engine), fmt(r['max'], engine),
			ratio, fmt(d['median'] if d else None, engine),
			per_k(r['invlpg'], r['ops']), per_k(r['flush_all'], r['ops']),
			r['wraps'], r['sleeps'],
			r['preempt'] if r['threads'] > 1 and not r['case'].startswith('switch')
			else '-'))
	return out


def api_targets(rel):
	"""Issue 17's limits for kmap(), kmap_atomic() and the switch."""
	out = []
	get = lambda case, mem, pages=1, thr=0: rel.get((case, mem, pages, thr))	# noqa: E731
	for case, mem, lim, what in (('kmap', 'highmem', 152, 'kmap() pool hit'),
				     ('kmap', 'lowmem', 34, 'kmap() lowmem'),
				     ('kmap_atomic', 'lowmem', 63, 'kmap_atomic() lowmem')):
		r = get(case, mem)
		if r:
			out.append({'target': '%s, release, <= %d instructions (Linux 6.1 UP)'
				    % (what, lim), 'value': r['median'], 'limit': lim,
				    'met': r['median'] <= lim, 'note': ''})
	s1, s4 = get('switch_1_map', 'highmem', 1, 2), get('switch_4_maps', 'highmem', 4, 2)
	if s1 and s4:
		v = (s4['median'] - s1['median']) / 3
		out.append({'target': 'context switch: <= 42 instructions per further '
			    'local mapping held', 'value': round(v, 2), 'limit': 42,
			    'met': v <= 42, 'note': ''})
	return out


def targets(runs):
	"""The issue's targets, reported (never asserted by the tests)."""
	out = []
	rel = index(runs.get('icount-release'))
	floor = floor_of(rel)
	hl = rel.get(('kmap_local', 'highmem', 1, 0))
	ll = rel.get(('kmap_local', 'lowmem', 1, 0))
	if hl and floor:
		v, lim = hl['median'], min(64, 8 * floor)
		out.append({'target': 'highmem kmap_local_page+kunmap_local, release, <= 64 '
			    'instructions and <= 8x the floor (%s)' % fmt(floor, 'icount'),
			    'value': v, 'limit': lim, 'met': v <= lim,
			    'note': '%.1fx the floor' % (v / floor)})
	if ll:
		v = ll['median']
		out.append({'target': 'lowmem kmap_local_page+kunmap_local, release, <= 8 '
			    'instructions', 'value': v, 'limit': 8, 'met': v <= 8, 'note': ''})
	out += api_targets(rel)
	bad = []
	for name, b in runs.items():
		for r in b.results:
			if r['case'] in ('kmap_local', 'kmap_local_many', 'kmap_atomic',
					 'threads_kmap_local') and r['flush_all']:
				bad.append('%s %s %s: %d' % (name, r['case'], r['mem'], r['flush_all']))
	out.append({'target': 'no global TLB flush from kmap_local/kmap_atomic '
		    '(every engine and build)', 'value': len(bad), 'limit': 0,
		    'met': not bad, 'note': '; '.join(bad)})
	bad, wraps = [], 0
	for name, b in runs.items():
		for r in b.results:
			if r['case'] in ('kmap_wrap', 'threads_kmap') and r['mem'] == 'highmem':
				wraps += r['wraps']
				if r['flush_all'] != r['wraps']:
					bad.append('%s %s %dt: %d flushes for %d wraps' % (
						name, r['case'], r['threads'], r['flush_all'], r['wraps']))
	out.append({'target': 'exactly one global TLB flush per kmap() pool wrap',
		    'value': len(bad), 'limit': 0, 'met': not bad and wraps > 0,
		    'note': '; '.join(bad) or '%d wraps, as many flushes' % wraps})
	for t in out:
		if not t['met'] and isinstance(t['value'], float) and t['limit']:
			t['note'] = ('missed by %s (%.1fx the limit); ' % (
				fmt(t['value'] - t['limit'], 'icount'), t['value'] / t['limit'])
				+ t['note']).rstrip('; ')
	return out

# --------------------------------------------------------------- output --


def concurrency(runs):
	"""Did the thread cases interleave? A result whose threads were never
	preempted ran them one after another."""
	least, alone = None, []
	for name, b in runs.items():
		for r in b.results:
			if r['case'].startswith('threads_') and r['threads'] > 1:
				least = r['preempt'] if least is None else min(least, r['preempt'])
				if not r['preempt']:
					alone.append('%s %s %dt' % (name, r['case'], r['threads']))
	if least is None:
		return 'No thread results.'
	if alone:
		return ('NOT concurrent (never preempted, so the threads ran one after '
			'another): ' + ', '.join(alone))
	return ('Every 2-, 4- and 8-thread result was preempted at least %d times '
		'(one-tick slices): the threads really interleaved.' % least)


def determinism(icount):
	"""Whether the two icount boots of the release kernel printed the
	same BENCH lines, for results.json and the report."""
	if not icount:
		return {'identical': None, 'summary': 'not checked (no icount runs)'}
	a, b = icount[0].results, icount[1].results
	diff = [(x, y) for x, y in zip(a, b) if x != y]
	same = bool(a) and len(a) == len(b) and not diff
	det = {'identical': same, 'runs': ['icount-release', 'icount-release-2'],
	       'results': len(a),
	       'differences': [{'first': x, 'second': y} for x, y in diff[:10]]}
	det['summary'] = ('Two icount boots of the release kernel printed identical '
			  'BENCH lines (%d results).' % len(a) if same else
			  'The two icount boots DIFFER: %d of %d results (%s).' % (
				  len(diff) + abs(len(a) - len(b)), max(len(a), len(b)),
				  ', '.join('%s %s' % (x['case'], x['mem'])
					    for x, _ in diff[:5]) or 'count'))
	return det


def write_markdown(path, env, runs, det, tgts, kvm_note):
	L = ['# kmaplab benchmarks', '',
	     '%s; host CPU %s (%d CPUs); %s; kmaplab %s; bench.iters=%d.' % (
		     env['date'], env['cpu'], env['cpus'], env['qemu'], env['git'], env['iters']),
	     '', 'Per operation, with the empty operation subtracted. "× floor": '
	     'median / the highmem floor (PTE write + read + clear + invlpg) of the '
	     'same engine and build. Thread cases: throughput, no subtraction. '
	     'TCG and KVM: the median over several boots, min–max over all of them.',
	     '']
	for eng in ('icount', 'tcg', 'kvm'):
		rel, dbg = runs.get(eng + '-release'), runs.get(eng + '-debug')
		if not rel:
			if eng == 'kvm':
				L += ['## kvm', '', kvm_note, '']
			continue
		L += ['## %s: %s' % (eng, UNIT[eng]), '']
		L += table(eng, rel, dbg) + ['']
	L += smp_tables(runs)
	L += ['## Determinism (icount)', '', det['summary'], '',
	      '## Concurrency', '', concurrency(runs), '', '## Targets', '']
	for t in tgts:
		v = t['value']
		if isinstance(v, float):	# a figure against its limit
			what = '%s, limit %s' % (fmt(v, 'icount'), fmt(t['limit'], 'icount'))
			what += ' (%s)' % t['note'] if t['note'] else ''
		else:				# a count of violations
			what = t['note'] or 'none'
		L.append('- %s %s: %s' % ('met' if t['met'] else '**MISSED**', t['target'], what))
	if not all(t['met'] for t in tgts):
		L += ['', 'Why a target is missed, and what would meet it: docs/performance.md, '
		      '"Targets".']
	open(path, 'w').write('\n'.join(L) + '\n')


def ns(r, boot):
	"""ticks -> ns with the boot's calibrated TSC; None without it."""
	try:
		return r['median'] * 1e6 / float(boot.meta['tsc_khz'])
	except (KeyError, ValueError, ZeroDivisionError):
		return None


def smp_tables(runs):
	"""The -smp 4 boots: scaling 1/2/4 CPUs, IPIs; the cost of one wrap."""
	ic, mt = runs.get('icount-smp4'), runs.get('mttcg-smp4')
	if not ic and not mt:
		return []
	I, M = index(ic), index(mt)
	L = ['## SMP: N threads bound one per CPU (-smp 4, release)', '',
	     'Throughput per operation of all threads together (ticks from the '
	     'release to the last thread\'s end / all ops), nothing subtracted. '
	     'icount: -icount forces single-threaded TCG, the vCPUs take turns on '
	     'one host thread, so the figure is instructions summed over the CPUs '
	     '(spinning on a lock included). mttcg: one host thread per vCPU, '
	     'really concurrent, but the 4 vCPUs share the host\'s %d CPUs. IPIs '
	     'and flushes: from the icount boot when there is one (TLB shootdown '
	     'IPIs sent / received, per 1000 ops).' % (os.cpu_count() or 0), '',
	     '| case | CPUs | pages | icount instr/op | mttcg ticks/op | mttcg min–max '
	     '| mttcg ns/op | mttcg throughput vs 1 CPU | IPIs sent /1k | IPIs recv /1k '
	     '| full flushes /1k | wraps |', '|' + '---|' * 12]
	for case in SMP_CASES:
		one = None
		for n in (1, 2, 4):
			ri = next((r for kk, r in I.items() if kk[0] == case and kk[3] == n), None)
			rm = next((r for kk, r in M.items() if kk[0] == case and kk[3] == n), None)
			if not ri and not rm:
				continue
			c = ri or rm
			if rm and n == 1:
				one = rm['median']
			t = ns(rm, mt) if rm else None
			L.append('| %s | %d | %d | %s | %s | %s | %s | %s | %.1f | %.1f | %.2f | %d |' % (
				case, n, c['pages'], fmt(ri['median'], 'icount') if ri else '-',
				fmt(rm['median'], 'mttcg') if rm else '-',
				'%s–%s' % (fmt(rm['min'], 'mttcg'), fmt(rm['max'], 'mttcg')) if rm else '-',
				'%.0f' % t if t is not None else '-',
				'%.2f' % (one / rm['median']) if rm and one else '-',
				per_k(c.get('ipi_sent', 0), c['ops']), per_k(c.get('ipi_recv', 0), c['ops']),
				per_k(c['flush_all'], c['ops']), c['wraps']))
	L += ['', '### The cost of one kmap() pool wrap', '',
	      'The kmap()+kunmap() that wrapped (flush_all_zero_pkmaps(): 511 count-1 '
	      'slots cleared, one global flush, a shootdown when there are other CPUs) '
	      'minus the median op of its round ("other ops"), median over 7 wraps.', '',
	      '| boot | CPUs | unit | wrap, extra | min–max | other ops | IPIs per wrap |',
	      '|' + '---|' * 7]
	for name in ('icount-release', 'icount-smp4', 'tcg-release', 'mttcg-smp4'):
		b = runs.get(name)
		r = index(b).get(('smp_pool_wrap', 'highmem', 576, 0)) if b else None
		if not r:
			continue
		L.append('| %s | %d | %s | %s | %s–%s | %s | %.1f |' % (
			name, r.get('cpus', 1), UNIT[b.engine], fmt(r['median'], b.engine),
			fmt(r['min'], b.engine), fmt(r['max'], b.engine), fmt(r['base'], b.engine),
			r.get('ipi_sent', 0) / r['wraps'] if r['wraps'] else 0))
	return L + ['']


PLOT_APIS = [('floor', 1, 'floor'), ('kmap_local', 1, 'kmap_local'),
	     ('kmap_atomic', 1, 'kmap_atomic'), ('kmap', 1, 'kmap'),
	     ('kmap_local_many', 576, 'kmap_local 576p'), ('kmap_wrap', 576, 'kmap 576p')]


def write_plot_data(out, runs):
	engines = []
	for eng in ('icount', 'tcg', 'kvm'):
		R = index(runs.get(eng + '-release'))
		if not R:
			continue
		engines.append(eng)
		with open(os.path.join(out, 'api-%s.dat' % eng), 'w') as f:
			f.write('# api lowmem highmem (median per op; < 1 drawn as 1 on the log axis)\n')
			for case, pages, label in PLOT_APIS:
				lo = R.get((case, 'lowmem', pages, 0))
				hi = R.get((case, 'highmem', pages, 0))
				f.write('"%s" %.2f %.2f\n' % (label, max(1, lo['median'] if lo else 1),
							       max(1, hi['median'] if hi else 1)))
		T = {(r['case'], r['threads']): r['median'] for r in R.values()}
		with open(os.path.join(out, 'threads-%s.dat' % eng), 'w') as f:
			f.write('# threads kmap_local kmap (per op, throughput)\n')
			for n in (1, 2, 4, 8):
				f.write('%d %.2f %.2f\n' % (n, T.get(('threads_kmap_local', n), 0),
							    T.get(('threads_kmap', n), 0)))
	R = {n: index(runs.get(n)) for n in ('icount-smp4', 'mttcg-smp4')}
	if any(R.values()):
		with open(os.path.join(out, 'smp.dat'), 'w') as f:
			f.write('# cpus; icount: local kmap kmap_wrap; mttcg: local kmap kmap_wrap\n')
			for n in (1, 2, 4):
				v = []
				for name in ('icount-smp4', 'mttcg-smp4'):
					T = {(k[0], k[3]): r['median'] for k, r in R[name].items()}
					v += [T.get((c, n), 0) for c in SMP_CASES]
				f.write('%d %s\n' % (n, ' '.join('%.2f' % x for x in v)))
	return engines


def plot(out, engines):
	if not shutil.which('gnuplot'):
		return 'gnuplot missing (apt-get install gnuplot-nox): no plot'
	svg = os.path.join(out, 'bench.svg')
	smp = int(os.path.exists(os.path.join(out, 'smp.dat')))
	p = subprocess.run(['gnuplot', '-e', 'outdir="%s"; engines="%s"; smp=%d' % (
		out, ' '.join(engines), smp), PLOT], stdout=subprocess.PIPE,
		stderr=subprocess.STDOUT, universal_newlines=True)
	if p.returncode or not os.path.exists(svg):
		return 'gnuplot failed: ' + (p.stdout.strip().splitlines() or ['?'])[-1]
	return None
