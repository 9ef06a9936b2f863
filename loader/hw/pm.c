/* SPDX-License-Identifier: GPL-2.0-only */
/* ACPI mode on qemu's PIIX4 PM: ports only. */
#include "hw/io.h"
#include "hvm_platform.h"
#include "hw/pm.h"

#define SMI_CMD 0xB2
#define ACPI_ENABLE 0xF1

bool pm_enable_sci(void)
{
	if (!(inw(PM1A_CNT_BLK) & PM1_CNT_SCI_EN))
		outb(ACPI_ENABLE, SMI_CMD);
	return inw(PM1A_CNT_BLK) & PM1_CNT_SCI_EN;
}
