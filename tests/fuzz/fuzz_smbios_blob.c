/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes the SMBIOS builder with an arbitrary smbios_firmware blob. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "fuzz.h"
#include "harness.h"
#include "fixture.h"
#include "smbios_oracle.h"
#include "tables/tables.h"

#define PHYS 0xFC100000u

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct platform *p;
	struct arena a;
	uint32_t ep21 = 0, ep30 = 0;

	if (!p)
		p = sample_platform(2, 0x20000000, 0);
	console_clear();
	/* The blob as the loader sees it: guest memory of exactly its length (ASan bounds). */
	uint8_t *blob = malloc(size ? size : 1);
	memcpy(blob, data, size);
	p->cfg.smbios_blob = blob;
	p->cfg.smbios_blob_len = (uint32_t)size;
	size_t arena = SMBIOS_ARENA_MAX(size);
	uint8_t *mem = malloc(arena);
	arena_init(&a, mem, PHYS, arena);
	if (!CHECK_EQ(smbios_build(p, &a, &ep21, &ep30), 0))
		abort();
	smbios_oracle(mem, PHYS, arena, ep30, ep21);
	free(mem);
	free(blob);
	return 0;
}
