/* SPDX-License-Identifier: GPL-2.0-only */
/* The one PCI configuration-space API, keyed by a packed bus/device/function. */
#ifndef HVMCHAIN_HW_PCI_H
#define HVMCHAIN_HW_PCI_H

#include <stdint.h>

/* bus << 8 | device << 3 | function, as a PCI Type 1 address carries them. */
#define PCI_BDF(bus, dev, fn) ((uint16_t)(((bus) << 8) | ((dev) << 3) | (fn)))
#define PCI_BUS(bdf) ((uint8_t)((bdf) >> 8))
#define PCI_DEV(bdf) ((uint8_t)(((bdf) >> 3) & 0x1f))
#define PCI_FN(bdf) ((uint8_t)((bdf) & 7))

/* Type 1 configuration access through ports 0xCF8/0xCFC (PCI Local Bus 3.0, 3.2.2.3.2).
 * Tests link an in-memory fake of these instead (tests/fakes/pci_fake.c). */
uint32_t pci_cfg_read32(uint16_t bdf, uint8_t reg);
uint16_t pci_cfg_read16(uint16_t bdf, uint8_t reg);
uint8_t pci_cfg_read8(uint16_t bdf, uint8_t reg);
void pci_cfg_write32(uint16_t bdf, uint8_t reg, uint32_t value);
void pci_cfg_write16(uint16_t bdf, uint8_t reg, uint16_t value);
void pci_cfg_write8(uint16_t bdf, uint8_t reg, uint8_t value);

/* Configuration registers used here (PCI Local Bus 3.0, 6.1). */
#define PCI_VENDOR_ID 0x00
#define PCI_DEVICE_ID 0x02
#define PCI_COMMAND 0x04
#define PCI_COMMAND_IO 0x1
#define PCI_COMMAND_MEMORY 0x2
#define PCI_COMMAND_MASTER 0x4
#define PCI_CLASS_REVISION 0x08
#define PCI_HEADER_TYPE 0x0e
#define PCI_HEADER_MULTI_FUNCTION 0x80
#define PCI_BASE_ADDRESS_0 0x10
#define PCI_ROM_ADDRESS 0x30
#define PCI_INTERRUPT_LINE 0x3c
#define PCI_INTERRUPT_PIN 0x3d

#define PCI_BAR_SPACE_IO 0x1
#define PCI_BAR_MEM_TYPE_MASK 0x6
#define PCI_BAR_MEM_TYPE_64 0x4
#define PCI_BAR_MEM_PREFETCH 0x8
#define PCI_ROM_ENABLE 0x1

#endif
