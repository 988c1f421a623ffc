// SPDX-License-Identifier: GPL-2.0
/*
 * The console: a 16550 UART on COM1 at 115200 baud, 8N1, polled (its
 * receive interrupt only wakes /dev/console's readers). The
 * serial log is the record of a run -- the host test runner reads it --
 * so the VGA screen is only a mirror.
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <kmaplab/console.h>

#define COM1 0x3f8
#define UART_DATA 0		/* DLAB=0: data; DLAB=1: divisor low */
#define UART_IER 1		/* DLAB=0: interrupt enable; DLAB=1: divisor high */
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_SCR 7
#define IER_RX 0x01		/* interrupt when a byte is received */
#define MCR_OUT2 0x08		/* on a PC, gates the UART's IRQ line */
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20
#define LCR_DLAB 0x80
#define LCR_8N1 0x03

static bool present;

bool serial_present(void)
{
	return present;
}

void serial_init(void)
{
	/* A UART keeps what is written to its scratch register. */
	outb(0x5a, COM1 + UART_SCR);
	present = inb(COM1 + UART_SCR) == 0x5a;
	if (!present)
		return;
	outb(0x00, COM1 + UART_IER);		/* polled: no UART interrupts */
	outb(LCR_DLAB, COM1 + UART_LCR);
	outb(1, COM1 + UART_DATA);		/* divisor 1: 115200 baud */
	outb(0, COM1 + UART_IER);
	outb(LCR_8N1, COM1 + UART_LCR);
	outb(0xc7, COM1 + UART_FCR);		/* FIFOs on, cleared, 14-byte trigger */
	outb(0x03, COM1 + UART_MCR);		/* DTR and RTS */
}

void serial_putc(char c)
{
	int spins = 100000;

	if (!present)
		return;
	/* Bounded wait: a wedged UART must not hang the kernel. */
	while (!(inb(COM1 + UART_LSR) & LSR_THR_EMPTY) && --spins)
		;
	outb(c, COM1 + UART_DATA);
}

/*
 * Raise IRQ 4 when a byte arrives (the console's poll() and read() sleep
 * until then). The byte stays in the UART for serial_getc().
 */
void serial_enable_rx_irq(void)
{
	if (!present)
		return;
	outb(0x03 | MCR_OUT2, COM1 + UART_MCR);
	outb(IER_RX, COM1 + UART_IER);
}

int serial_getc(void)
{
	if (!present || !(inb(COM1 + UART_LSR) & LSR_DATA_READY))
		return -1;
	return inb(COM1 + UART_DATA);
}

void console_write(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
	vga_write(s, len);
}
