/* SPDX-License-Identifier: GPL-2.0-only */
/* ISA programming and probes: ports only, no decisions. */
#include "hw/io.h"
#include "hw/isa.h"

#define ELCR1 0x4D0
#define ELCR2 0x4D1
#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71

void isa_elcr_write(uint16_t level_irqs)
{
	outb((uint8_t)level_irqs, ELCR1);
	outb((uint8_t)(level_irqs >> 8), ELCR2);
}

void cmos_write(uint8_t reg, uint8_t value)
{
	/* Bit 7 of the index port masks NMI; keep it clear as firmware leaves it. */
	outb(reg & 0x7F, CMOS_INDEX);
	outb(value, CMOS_DATA);
}

bool uart_present(uint16_t base)
{
	/* Scratch register (base+7): what is written reads back only on a real UART. */
	uint16_t scr = (uint16_t)(base + 7);
	uint8_t old = inb(scr);
	bool ok;

	/* Ports nothing decodes read all ones; so does no UART's line status register (bit 7 is
	 * a FIFO error, bit 0 data ready). Under Xen each access is a round trip to qemu-xen:
	 * an absent UART costs two, not six. */
	if (old == 0xFF && inb((uint16_t)(base + 5)) == 0xFF)
		return false;
	outb(0x5A, scr);
	ok = inb(scr) == 0x5A;
	outb(0xA5, scr);
	ok = ok && inb(scr) == 0xA5;
	outb(old, scr);
	return ok;
}

bool lpt_present(uint16_t base)
{
	uint8_t old = inb(base);
	bool ok;

	outb(0x5A, base);
	ok = inb(base) == 0x5A;
	outb(old, base);
	return ok;
}
