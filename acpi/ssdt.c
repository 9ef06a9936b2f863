/* SPDX-License-Identifier: GPL-2.0-only */
/* The iasl-compiled SSDTs linked when the toolstack enables them: \_S3, \_S4, the laptop/slate device. */
#include <string.h>
#include "acpi/aml_blob.h"
#include "acpi/internal.h"
#include "err.h"

/* Copies a compiled table; its header (IDs, length, revision) is iasl's. */
static int copy_table(struct acpi_ctx *c, const uint8_t *aml, uint32_t len, struct acpi_header **out)
{
	struct acpi_header *h = arena_alloc(c->a, len, 16);

	if (!h)
		return -ERR_NOSPC;
	memcpy(h, aml, len);
	*out = h;
	return 0;
}

int acpi_ssdt_s3_build(struct acpi_ctx *c, struct acpi_header **out)
{
	*out = NULL;
	return c->p->cfg.acpi_s3 ? copy_table(c, acpi_ssdt_s3_aml, acpi_ssdt_s3_aml_len, out) : 0;
}

int acpi_ssdt_s4_build(struct acpi_ctx *c, struct acpi_header **out)
{
	*out = NULL;
	return c->p->cfg.acpi_s4 ? copy_table(c, acpi_ssdt_s4_aml, acpi_ssdt_s4_aml_len, out) : 0;
}

int acpi_ssdt_slate_build(struct acpi_ctx *c, struct acpi_header **out)
{
	*out = NULL;
	return c->p->cfg.acpi_laptop_slate ? copy_table(c, acpi_ssdt_slate_aml, acpi_ssdt_slate_aml_len, out) : 0;
}
