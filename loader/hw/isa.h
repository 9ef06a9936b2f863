/* SPDX-License-Identifier: GPL-2.0-only */
/* Legacy ISA registers the loader programs: ELCR, CMOS, and presence probes. */
#ifndef HVMCHAIN_HW_ISA_H
#define HVMCHAIN_HW_ISA_H

#include <stdbool.h>
#include <stdint.h>

/* Edge/level control (PIIX3 ELCR1/ELCR2 at 0x4D0/0x4D1): bit n set = IRQ n level-triggered. */
void isa_elcr_write(uint16_t level_irqs);

void cmos_write(uint8_t reg, uint8_t value);

/* Whether a 16550 UART answers at base (scratch register round trip). */
bool uart_present(uint16_t base);
/* Whether a parallel port answers at base (data register round trip). */
bool lpt_present(uint16_t base);

#endif
