/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes the ACPI builder with an arbitrary acpi_firmware blob; tables are walked from the RSDP independently. */
#include <stdlib.h>
#include <string.h>
#include "acpi/build.h"
#include "fuzz.h"
#include "harness.h"
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct platform *p;
	struct t_mem m;
	struct acpi_tables out;
	struct t_walk w;

	if (!p)
		p = t_platform(2, NULL);
	console_clear();
	uint8_t *blob = malloc(size ? size : 1);
	memcpy(blob, data, size);
	p->cfg.acpi_blob = blob;
	p->cfg.acpi_blob_len = (uint32_t)size;
	/* t_build: every table sums to zero, lies in the arena, and the RSDT and XSDT agree. */
	t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w);
	/* Oracle: the blob adds no second FADT, DSDT or FACS. */
	CHECK(t_find(&w, "FACP", 1) == NULL);
	CHECK(t_find(&w, "DSDT", 0) == NULL);
	t_mem_free(&m);
	free(blob);
	return 0;
}
