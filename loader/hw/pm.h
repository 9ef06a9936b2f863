/* SPDX-License-Identifier: GPL-2.0-only */
/* The PIIX4 power-management block at 0xB000 the FADT describes. */
#ifndef HVMCHAIN_HW_PM_H
#define HVMCHAIN_HW_PM_H

#include <stdbool.h>

/*
 * Switches the PM block to ACPI mode: qemu's PIIX4 starts with SCI_EN clear and Xen
 * has no SMM to set it when the OS asks, so the loader writes ACPI_ENABLE (0xF1) to the
 * SMI command port (0xB2) itself, as hvmloader does, and our FADT leaves SMI_CMD 0.
 * Returns whether SCI_EN is set afterwards.
 */
bool pm_enable_sci(void);

#endif
