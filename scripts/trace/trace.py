#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""trace.py - kmaplab's trace dumps as pictures (make trace; docs/trace.md).

  trace.py LOG [--scenario NAME] [--out DIR]
	every dump in a saved serial log (or the named scenario's) as
	DIR/NAME.json (Chrome Trace Event: Perfetto, chrome://tracing),
	DIR/NAME.html (the timeline, self-contained), DIR/NAME.svg (the
	same picture alone) and DIR/NAME.txt (the ftrace text)
  trace.py --boot [--scenario NAME] [--out DIR]
	first boot the lecture scenarios under QEMU (the runner's
	tcg-trace-scenarios run, narrowed to NAME), then the same from
	its log
"""

import argparse
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from ftrace_log import read_dumps		# noqa: E402
from timeline import Timeline			# noqa: E402
from chrome_json import to_chrome		# noqa: E402
from timeline_svg import to_html, to_svg	# noqa: E402

RUN = 'tcg-trace-scenarios'
SUITE = 'trace_scenarios'


def write_dump(dump, out):
	"""The four files of one dump; their paths."""
	tl = Timeline(dump)
	base = os.path.join(out, dump.name)
	svg = to_svg(tl)
	files = {'.json': json.dumps(to_chrome(tl), indent=0) + '\n', '.svg': svg,
		 '.html': to_html(tl, svg, dump.text), '.txt': '\n'.join(dump.text) + '\n'}
	for ext, text in files.items():
		with open(base + ext, 'w', encoding='utf-8') as f:
			f.write(text)
	return [base + ext for ext in files]


def boot(scenario):
	"""Boot the scenarios' run; its log's path."""
	glob = '%s.%s' % (SUITE, scenario) if scenario else SUITE
	cmd = [sys.executable, os.path.join(ROOT, 'scripts/test/runner.py'),
	       '--runs', RUN, '--filter', glob]
	rc = subprocess.call(cmd, cwd=ROOT)
	if rc:
		print('trace: the %s boot failed (exit %d): pictures drawn from what '
		      'it logged' % (RUN, rc), file=sys.stderr)
	return os.path.join(ROOT, 'build/test-logs/%s.log' % RUN), rc


def main():
	ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
	ap.add_argument('log', nargs='?', help='a serial log holding trace dumps')
	ap.add_argument('--boot', action='store_true', help='boot the scenarios first')
	ap.add_argument('--scenario', help='only this dump (a scenario name)')
	ap.add_argument('--out', default=os.path.join(ROOT, 'build/trace'))
	a = ap.parse_args()
	if not a.log and not a.boot:
		ap.error('a LOG, or --boot')
	log, rc = boot(a.scenario) if a.boot else (a.log, 0)
	with open(log, encoding='utf-8', errors='replace') as f:
		dumps = read_dumps(f)
	if a.scenario:
		dumps = [d for d in dumps if d.name == a.scenario]
	if not dumps:
		sys.exit('trace: no trace dump%s in %s' % (
			' named ' + a.scenario if a.scenario else '', log))
	os.makedirs(a.out, exist_ok=True)
	for d in dumps:
		paths = write_dump(d, a.out)
		print('trace: %s: %d events -> %s' % (d.name, len(d.events),
						     ', '.join(os.path.relpath(p) for p in paths)))
	return 1 if rc else 0


if __name__ == '__main__':
	sys.exit(main())
