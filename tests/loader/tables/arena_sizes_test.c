/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests that the worst-case platform fits the arena sizes tables.h promises the loader. */
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "fixture.h"
#include "tables/tables.h"

/* Everything at its bound: 128 vCPUs, every string 127 bytes, 4 TiB + RAM, 256 PCI functions. */
static struct platform *worst_platform(void)
{
	struct platform *p = sample_platform(PLATFORM_MAX_VCPUS, 0xF0000000, (1ull << 32) + (4ull << 40));
	struct platform_bios_strings *s = &p->strings;
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

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		memset(fields[i], 'x', PLATFORM_STRING_MAX - 1);
	s->oem_nr = PLATFORM_MAX_OEM_STRINGS;
	for (int i = 0; i < PLATFORM_MAX_OEM_STRINGS; i++)
		memset(s->oem[i], 'o', PLATFORM_STRING_MAX - 1);
	p->cfg.smbios_default_battery = true;
	memcpy(p->vcpus.vendor, "SomeOtherCPU", 13); /* "unknown" is the longest manufacturer */
	p->pci.nr = 0;
	for (uint32_t dev = 0; dev < 32; dev++)
		for (uint32_t fn = 0; fn < 8; fn++)
			sample_add_func(p, dev, fn, 0x1AF4, 0x1000, (uint8_t)(1 + (fn & 3)));
	return p;
}

TEST(tables_fit_the_documented_arena_sizes)
{
	struct platform *p = worst_platform();
	static uint8_t mem[1 << 20];
	struct arena a;
	uint32_t x, y;

	arena_init(&a, mem, 0xFC100000, SMBIOS_ARENA_MAX(0));
	if (CHECK_EQ(smbios_build(p, &a, &x, &y), 0))
		CHECK(a.used > SMBIOS_ARENA_MAX(0) - 0x1000); /* the bound is tight, not a guess */
	arena_init(&a, mem, 0xFC100000, MPTABLE_ARENA_MAX);
	CHECK_EQ(mptable_build(p, &a, &x), 0);
	arena_init(&a, mem, 0xFC100000, PIR_ARENA_MAX);
	CHECK_EQ(pir_build(p, &a, &x), 0);
	free(p);
}
