/* SPDX-License-Identifier: GPL-2.0-only */
/* The WAET (Microsoft's Windows ACPI Emulated Devices Table): tells Windows which emulated-device workarounds it can
 * skip. */
#include "acpi/internal.h"
#include "err.h"

int acpi_waet_build(struct acpi_ctx *c, struct acpi_header **out)
{
	/*
	 * Microsoft required it for Windows 8 certification (Xen ee3665984b). The flags must
	 * match Xen's device models: its RTC needs no register C read to rearm the interrupt,
	 * and its PM timer is consistent on a single read.
	 */
	struct acpi_waet *w = acpi_table_alloc(c, "WAET", sizeof(*w), ACPI_WAET_REVISION);

	if (!w)
		return -ERR_NOSPC;
	w->flags = ACPI_WAET_RTC_NO_ACK | ACPI_WAET_PM_TIMER_ONE_READ;
	*out = &w->header;
	return 0;
}
