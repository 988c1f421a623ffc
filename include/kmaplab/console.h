/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_CONSOLE_H
#define _KMAPLAB_CONSOLE_H

#include <linux/types.h>

/* drivers/tty/serial/8250_early.c: the 16550 UART on COM1, 115200 8N1. */
void serial_init(void);
void serial_putc(char c);
int serial_getc(void);		/* -1 when no byte is waiting */
bool serial_present(void);

/* drivers/video/console/vgacon.c: a mirror of the console on the VGA text screen. */
void vga_init(void);
void vga_write(const char *s, size_t len);

/* Both consoles. */
void console_write(const char *s, size_t len);

#endif /* _KMAPLAB_CONSOLE_H */
