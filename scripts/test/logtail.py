# SPDX-License-Identifier: GPL-2.0
"""logtail.py - follow a serial log that an emulator is still writing.

Used by the QEMU boots (qemu_boot.py) and the Bochs boots (bochs.py):
each poll returns the complete lines written since the last one; with
final=True (the emulator has exited) a last unterminated line too.
"""


class LogTail:
	def __init__(self, path):
		self.path, self.pos, self.buf = path, 0, b''

	def read(self, final=False):
		"""The new complete lines (bytes), and the partial one if final."""
		try:
			with open(self.path, 'rb') as f:
				f.seek(self.pos)
				data = f.read()
				self.pos += len(data)
		except FileNotFoundError:
			data = b''
		*lines, self.buf = (self.buf + data).split(b'\n')
		if final and self.buf:
			lines, self.buf = lines + [self.buf], b''
		return lines
