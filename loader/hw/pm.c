/* SPDX-License-Identifier: GPL-2.0-only */
/* ACPI mode on qemu's PIIX4 PM: ports only. */
#include "hw/io.h"
#include "hw/pm.h"

#define PM1A_CNT 0xB004
#define SCI_EN 0x0001
#define SMI_CMD 0xB2
#define ACPI_ENABLE 0xF1

bool pm_enable_sci(void)
{
	if (!(inw(PM1A_CNT) & SCI_EN))
		outb(ACPI_ENABLE, SMI_CMD);
	return inw(PM1A_CNT) & SCI_EN;
}
