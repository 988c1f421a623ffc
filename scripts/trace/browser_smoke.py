# SPDX-License-Identifier: GPL-2.0
"""browser_smoke.py - a timeline page opened in a real headless browser
(Debian's chromium), when one is installed: the screenshot must not be
blank, and a column near the right edge must cross as many lane bands as
the picture has lanes (CPU lanes first among them).

The PNG is read with zlib alone (no imaging library on the host).
"""

import os
import shutil
import struct
import subprocess
import tempfile
import zlib

BROWSERS = ('chromium', 'chromium-browser', 'google-chrome')


def browser():
	return next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)


def _paeth(a, b, c):
	p = a + b - c
	pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
	return a if pa <= pb and pa <= pc else b if pb <= pc else c


def _unfilter(raw, width, height, bpp):
	"""PNG's five row filters undone: the rows as bytearrays."""
	rows, prev, stride, pos = [], bytearray(width * bpp), width * bpp, 0
	for _ in range(height):
		ftype, row = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
		pos += 1 + stride
		for i in range(stride):
			a = row[i - bpp] if i >= bpp else 0
			b, c = prev[i], prev[i - bpp] if i >= bpp else 0
			row[i] = (row[i] + (0, a, b, (a + b) >> 1, _paeth(a, b, c))[ftype]) & 0xff \
				if ftype else row[i]
		rows.append(row)
		prev = row
	return rows


def read_png(path):
	"""(width, height, bytes per pixel, rows) of an 8-bit RGB/RGBA PNG."""
	data = open(path, 'rb').read()
	pos, idat, hdr = 8, b'', None
	while pos < len(data):
		n, kind = struct.unpack('>I4s', data[pos:pos + 8])
		body = data[pos + 8:pos + 8 + n]
		if kind == b'IHDR':
			hdr = struct.unpack('>IIBB', body[:10])
		elif kind == b'IDAT':
			idat += body
		pos += 12 + n
	width, height, depth, ctype = hdr
	if depth != 8 or ctype not in (2, 6):
		raise ValueError('PNG of depth %d, colour type %d' % (depth, ctype))
	bpp = 3 if ctype == 2 else 4
	return width, height, bpp, _unfilter(zlib.decompress(idat), width, height, bpp)


def screenshot(html, width=1600, height=1400):
	"""The page's PNG, or raise."""
	out = os.path.join(tempfile.mkdtemp(prefix='trace-shot-'), 'shot.png')
	cmd = [browser(), '--headless', '--no-sandbox', '--disable-gpu',
	       '--hide-scrollbars', '--window-size=%d,%d' % (width, height),
	       '--screenshot=%s' % out, 'file://' + os.path.abspath(html)]
	subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
		       timeout=120, check=False)
	if not os.path.exists(out):
		raise RuntimeError('%s wrote no screenshot' % cmd[0])
	return out


def lanes_in_column(rows, bpp, x, tall=24):
	"""Bands crossed going down column x: runs of pixels that are not
	white at least tall pixels high (a lane is 34; text, an arrow or
	the light grey of a time-axis tick is not a band)."""
	bands, run = 0, 0
	for row in rows + [bytearray(b'\xff' * len(rows[0]))]:
		r, g, b = row[x * bpp:x * bpp + 3]
		light = min(r, g, b) >= 250 or (abs(r - 221) < 4 and r == g == b)
		if light:
			bands += run >= tall
			run = 0
		else:
			run += 1
	return bands


def smoke(html, nlanes):
	"""Problems seen in html's screenshot (an empty list: none)."""
	width, height, bpp, rows = read_png(screenshot(html))
	colours = {bytes(row[i:i + 3]) for row in rows[::7] for i in range(0, len(row), bpp * 7)}
	out = []
	if len(colours) < 8:
		out.append('blank: %d colours in the screenshot' % len(colours))
	got = lanes_in_column(rows, bpp, width * 97 // 100)
	if got != nlanes:
		out.append('%d lane bands down the right edge, %d lanes drawn' % (got, nlanes))
	return out
