/* SPDX-License-Identifier: GPL-2.0-only */
/* PCI addressing and configuration-space register numbers (PCI Local Bus 3.0): plain constants. */
#ifndef HVMCHAIN_PCI_REGS_H
#define HVMCHAIN_PCI_REGS_H

#include <stdint.h>

/* bus << 8 | device << 3 | function, as a PCI Type 1 address carries them. */
#define PCI_BDF(bus, dev, fn) ((uint16_t)(((bus) << 8) | ((dev) << 3) | (fn)))
#define PCI_BUS(bdf) ((uint8_t)((bdf) >> 8))
#define PCI_DEV(bdf) ((uint8_t)(((bdf) >> 3) & 0x1f))
#define PCI_FN(bdf) ((uint8_t)((bdf)&7))
#define PCI_DEVS_PER_BUS 32

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

/* The PIIX3 PCI-ISA bridge every Xen HVM guest has at 00:01.0 (8086:7000), and its
 * PIRQA-D route registers, config bytes 0x60-0x63 (82371SB datasheet 2.2.13). */
#define PCI_ISA_BRIDGE_DEVFN 0x08
#define PIIX_PIRQ_ROUTE 0x60

#endif
