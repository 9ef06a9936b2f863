/* SPDX-License-Identifier: GPL-2.0-only */
/* PCI setup on bus 0: interrupt routing, quirks, BAR sizing and placement, decode enable. */
#ifndef HVMCHAIN_PCI_H
#define HVMCHAIN_PCI_H

#include "pci_regs.h"
#include "platform.h"

/* ISA IRQs for PCI links: 5, 10 and 11 (hvmloader's PCI_ISA_IRQ_MASK). */
#define PCI_ISA_IRQ_MASK 0x0c20

/*
 * Scans bus 0 (function 0 first, others only on multi-function devices: each config
 * access is a round trip to the device model), routes the PIIX3 links and each
 * function's INTx, applies hvmloader's device quirks, sizes every BAR with decode off,
 * places them with pci_plan(), programs them, then enables decode and bus mastering.
 * Fills p->pci; moves RAM out of the hole (p->mem) only when relocation is allowed.
 * Returns the number of BARs left unplaced.
 */
uint32_t pci_setup(struct platform *p);

#endif
