/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_CONSOLE_H
#define _KMAPLAB_CONSOLE_H

#include <linux/types.h>

/* drivers/tty/serial/8250_early.c: the 16550 UART on COM1, 115200 8N1. */
void serial_init(void);
void serial_putc(char c);
int serial_getc(void);		/* -1 when no byte is waiting */
bool serial_present(void);
void serial_enable_rx_irq(void);	/* IRQ 4 on each byte received */

/* drivers/tty/tty_console.c: /dev/console's wake-up on input (IRQ 4). */
void console_tty_init(void);

/* drivers/video/console/vgacon.c: a mirror of the console on the VGA text screen. */
void vga_init(void);
void vga_write(const char *s, size_t len);

/* Both consoles. */
void console_write(const char *s, size_t len);

#endif /* _KMAPLAB_CONSOLE_H */
