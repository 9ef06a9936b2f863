/* SPDX-License-Identifier: GPL-2.0-only */
/* The HPET table (IA-PC HPET specification 1.0a §3.2.4) for Xen's emulated HPET, when it exists. */
#include "acpi/internal.h"
#include "err.h"
#include "hvm_platform.h"

/*
 * The event timer block ID: the low half of the capabilities register Xen's hpet.c
 * presents (vendor 0x8086, legacy-replacement capable, 64-bit counter, 3 timers,
 * revision 1), the value hvmloader writes.
 */
#define HPET_BLOCK_ID 0x8086A201

int acpi_hpet_build(struct acpi_ctx *c, struct acpi_header **out)
{
	struct acpi_hpet *h;

	*out = NULL;
	/* Xen builds without an HPET (hpet=0 in xl.cfg): no table, and the DSDT's HPET
	 * device reports itself absent through FHPT. */
	if (!c->p->isa.hpet)
		return 0;
	h = acpi_table_alloc(c, "HPET", sizeof(*h), ACPI_HPET_REVISION);
	if (!h)
		return -ERR_NOSPC;
	h->block_id = HPET_BLOCK_ID;
	h->address = (struct acpi_gas){ .space_id = ACPI_GAS_MEMORY, .bit_width = 64, .address = HPET_BASE };
	h->hpet_number = 0;
	h->min_tick = 0; /* as hvmloader: no periodic-mode minimum is claimed */
	*out = &h->header;
	return 0;
}
