# SPDX-License-Identifier: GPL-2.0
#
# monitor_input.py - for scripts/test/monitor_test.py: what the monitor
# must do with bad input (one "error:"/"usage:" line, the prompt back) and
# with a terminal's editing keys.

import re


def has(text, *patterns):
	return text is not None and all(re.search(p, text, re.M) for p in patterns)


BAD_INPUT = [
	('frob', r"^error: unknown command 'frob'"),
	('map zz', r"^error: pfn 'zz' is not a number"),
	('map c000', r"hex needs 0x"),
	('map 0xfffff', r'^error: pfn 0xfffff is beyond the last RAM page'),
	('map 0x0', r'^error: pfn 0x0 is reserved'),
	('map', r'^usage: map <pfn>'),
	('map 1 2', r'^usage: map <pfn>'),
	('pt 0x1ffffffff', r'out of range'),
	('unmap', r'^error: the monitor holds no mapping'),
	('tlbdemo 0', r'^error: trials must be'),
	('cpu_down 99', r'^error: no CPU 99'),
	('cpu_down 0', r'^error: CPU 0 is the boot CPU and cannot go offline'),
	('cpu_up 0', r'^error: CPU 0 is online already'),
	('test nosuch', r"^error: no KUnit suite matches 'nosuch'"),
	('unmap 3', r'^error: the monitor holds no mapping'),
	('trace frob', r'^usage: trace on\|off'),
	('trace on nosuchevent', r"^error: no trace event matches 'nosuchevent'"),
	('bench nosuchcase', r"^error: no benchmark case matches 'nosuchcase'"),
	('faultsleep 99999', r'^error: faultsleep 99999: not 0\.\.10000 ms; kept 0$'),
	('a b c d e f', r'^error: too many words'),
	('x' * 300, r"^error: unknown command 'x{100,}'"),
]


def check_bad_input(m, c):
	for line, pat in BAD_INPUT:
		t = m.cmd(line)
		c.check('bad input %r: one-line error, prompt back' % line[:20],
			has(t, pat) and len([l for l in t.splitlines()[1:] if l.strip()]) == 1, t)


def check_editor(m, c):
	"""The line editor: backspace, ^U, ^C, history, CR LF."""
	t = m.cmd('mxyz\x7f\x7f\x7fem')
	c.check('editor: backspace', has(t, r'^Normal free:'), t)
	t = m.cmd('garbage\x15layout')
	c.check('editor: ^U erases the line', has(t, r'^virtual kernel memory layout'), t)
	m.send('stat\x03')
	t = m.until_prompt(10)
	c.check('editor: ^C abandons the line', has(t, r'\^C') and not has(t, r'^TLB:'), t)
	t = m.cmd('\x1b[A\x1b[A')
	c.check('editor: up-arrow recalls history', has(t, r'^virtual kernel memory layout') is False
		and has(t, r'^Normal free:'), t)
	t = m.cmd('\x1bOA')
	c.check('editor: ESC O A (application mode) recalls too', has(t, r'^Normal free:'), t)
	m.send('help pt\r\n')
	t = m.until_prompt(10)
	t2 = m.cmd('help exit')
	c.check('editor: CR LF is one Enter', has(t, r'^pt <vaddr>') and
		has(t2, r'^exit : leave QEMU'), (t or '') + (t2 or ''))
