// SPDX-License-Identifier: GPL-2.0
/*
 * VGA text mode (80x25 at physical 0xb8000, reached through the direct
 * map): a scrolling mirror of the console for whoever watches the
 * QEMU window. Grey on black; no cursor handling.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/page.h>
#include <kmaplab/console.h>

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x0700

static u16 *vga;
static int row, col;

void vga_init(void)
{
	int i;

	vga = __va(0xb8000);
	for (i = 0; i < VGA_COLS * VGA_ROWS; i++)
		vga[i] = VGA_ATTR | ' ';
	row = col = 0;
}

static void vga_newline(void)
{
	int i;

	col = 0;
	if (++row < VGA_ROWS)
		return;
	memmove(vga, vga + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
	for (i = 0; i < VGA_COLS; i++)
		vga[(VGA_ROWS - 1) * VGA_COLS + i] = VGA_ATTR | ' ';
	row = VGA_ROWS - 1;
}

void vga_write(const char *s, size_t len)
{
	if (!vga)
		return;
	for (; len; len--, s++) {
		if (*s == '\n') {
			vga_newline();
			continue;
		}
		if (*s == '\r')
			continue;
		vga[row * VGA_COLS + col] = VGA_ATTR | (u8)*s;
		if (++col == VGA_COLS)
			vga_newline();
	}
}
