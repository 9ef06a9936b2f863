/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes SMBIOS with arbitrary bios-strings values: any bytes, full-length, unterminated, 99 OEM strings. */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "harness.h"
#include "fixture.h"
#include "smbios_oracle.h"
#include "tables/tables.h"

#define PHYS 0xFC100000u
/* The most bytes an input can use (run.sh passes it as -max_len): flags, count, 17 + 99 values. */
#define FUZZ_MAX_LEN 14966
_Static_assert(FUZZ_MAX_LEN == 2 + (17 + PLATFORM_MAX_OEM_STRINGS) * (1 + PLATFORM_STRING_MAX), "max_len");

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct platform *p;
	struct fuzz_in in = { data, size };
	struct arena a;
	uint32_t ep21 = 0, ep30 = 0;
	uint8_t oem = 0, flags = 0;

	if (!p)
		p = sample_platform(1, 0x10000000, 0);
	console_clear();
	fuzz_take(&in, &flags, 1);
	fuzz_take(&in, &oem, 1);
	p->cfg.smbios_default_battery = flags & 1;
	/* Each field gets raw bytes: probe_config() NUL-terminates, but a builder must not rely on it. */
	struct platform_bios_strings *s = &p->strings;
	memset(s, 0, sizeof(*s));
	char *fields[] = { s->bios_vendor,
			   s->bios_version,
			   s->system_manufacturer,
			   s->system_product_name,
			   s->system_version,
			   s->system_serial_number,
			   s->baseboard_manufacturer,
			   s->baseboard_product_name,
			   s->baseboard_version,
			   s->baseboard_serial_number,
			   s->baseboard_asset_tag,
			   s->baseboard_location_in_chassis,
			   s->enclosure_manufacturer,
			   s->enclosure_serial_number,
			   s->enclosure_asset_tag,
			   s->battery_manufacturer,
			   s->battery_device_name };
	_Static_assert(sizeof(fields) / sizeof(fields[0]) == 17, "FUZZ_MAX_LEN counts 17 fields");
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]) && in.len; i++) {
		uint8_t n = 0;
		fuzz_take(&in, &n, 1);
		fuzz_take(&in, fields[i], n % (PLATFORM_STRING_MAX + 1));
	}
	s->oem_nr = oem % (PLATFORM_MAX_OEM_STRINGS + 1);
	for (uint32_t i = 0; i < s->oem_nr; i++) {
		uint8_t n = 0;
		fuzz_take(&in, &n, 1);
		fuzz_take(&in, s->oem[i], n % (PLATFORM_STRING_MAX + 1));
	}
	size_t arena = SMBIOS_ARENA_MAX(0);
	uint8_t *mem = malloc(arena);
	arena_init(&a, mem, PHYS, arena);
	CHECK_EQ(smbios_build(p, &a, &ep21, &ep30), 0);
	smbios_oracle(mem, PHYS, arena, ep30, ep21);
	free(mem);
	return 0;
}
