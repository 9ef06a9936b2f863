/* SPDX-License-Identifier: GPL-2.0-only */
/* The one PCI configuration-space API, keyed by a packed bus/device/function. */
#ifndef HVMCHAIN_HW_PCI_H
#define HVMCHAIN_HW_PCI_H

#include <stdint.h>
#include "pci_regs.h"

/* Type 1 configuration access through ports 0xCF8/0xCFC (PCI Local Bus 3.0, 3.2.2.3.2).
 * Tests link an in-memory fake of these instead (tests/fakes/pci_fake.c). */
uint32_t pci_cfg_read32(uint16_t bdf, uint8_t reg);
uint16_t pci_cfg_read16(uint16_t bdf, uint8_t reg);
uint8_t pci_cfg_read8(uint16_t bdf, uint8_t reg);
void pci_cfg_write32(uint16_t bdf, uint8_t reg, uint32_t value);
void pci_cfg_write16(uint16_t bdf, uint8_t reg, uint16_t value);
void pci_cfg_write8(uint16_t bdf, uint8_t reg, uint8_t value);

#endif
