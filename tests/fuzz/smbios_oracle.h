/* SPDX-License-Identifier: GPL-2.0-only */
/* An SMBIOS oracle for the fuzzers: entry-point checksums and a structure walk written from DSP0134. */
#ifndef HVMCHAIN_FUZZ_SMBIOS_ORACLE_H
#define HVMCHAIN_FUZZ_SMBIOS_ORACLE_H

#include <string.h>
#include "bytes.h"
#include "harness.h"

/*
 * The table the 3.0 entry point at ep30 (guest-physical, in [phys, phys+size) backed by
 * mem) names: it lies inside the arena, is a sequence of structures each with a formatted
 * area of at least 4 bytes and a double-NUL-ended string set, ends with type 127, and no
 * two structures share a handle. The 2.1 entry point, when there is one, agrees.
 */
static inline void smbios_oracle(const uint8_t *mem, uint64_t phys, size_t size, uint32_t ep30, uint32_t ep21)
{
	static uint8_t seen[65536];
	uint64_t table, len = 0;
	uint32_t nr = 0;

	CHECK(ep30 >= phys && ep30 + 0x18 <= phys + size);
	const uint8_t *e = mem + (ep30 - phys);
	CHECK(!memcmp(e, "_SM3_", 5) && e[6] == 0x18 && t_sum8(e, 0x18) == 0);
	memcpy(&len, e + 0x0C, 4);
	memcpy(&table, e + 0x10, 8);
	CHECK(table >= phys && table + len <= phys + size);
	const uint8_t *t = mem + (table - phys);
	memset(seen, 0, sizeof(seen));
	size_t at = 0;
	uint8_t last = 0;
	while (at < len) {
		CHECK(len - at >= 6 && t[at + 1] >= 4 && t[at + 1] + 2u <= len - at);
		uint16_t h = (uint16_t)(t[at + 2] | t[at + 3] << 8);
		CHECK(!seen[h]);
		seen[h] = 1;
		last = t[at];
		size_t i = at + t[at + 1];
		while (i + 1 < len && (t[i] || t[i + 1]))
			i++;
		CHECK(i + 1 < len);
		at = i + 2;
		nr++;
		if (last == 127)
			break;
	}
	CHECK(last == 127 && at == len);
	if (ep21) {
		CHECK(ep21 >= phys && ep21 + 0x1F <= phys + size);
		const uint8_t *e2 = mem + (ep21 - phys);
		uint32_t t21;
		uint16_t len21, nr21;
		CHECK(!memcmp(e2, "_SM_", 4) && t_sum8(e2, 0x1F) == 0 && t_sum8(e2 + 0x10, 0x0F) == 0);
		memcpy(&len21, e2 + 0x16, 2);
		memcpy(&t21, e2 + 0x18, 4);
		memcpy(&nr21, e2 + 0x1C, 2);
		CHECK(t21 == table && len21 == len && nr21 == nr);
	}
}

#endif
