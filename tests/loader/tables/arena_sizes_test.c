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

/* One builder over the worst platform in an arena of size bytes at 0xFC100000, with guard
 * bytes after it; returns its result and checks nothing past the arena was written. */
static int build_in(const struct platform *p, int which, uint32_t size, uint32_t *used)
{
	static uint8_t mem[(1 << 20) + 64];
	struct arena a;
	uint32_t x, y;
	int rc;

	memset(mem, 0xA5, sizeof(mem));
	arena_init(&a, mem, 0xFC100000, size);
	switch (which) {
	case 0:
		rc = smbios_build(p, &a, &x, &y);
		break;
	case 1:
		rc = mptable_build(p, &a, &x);
		break;
	default:
		rc = pir_build(p, &a, &x);
		break;
	}
	for (uint32_t i = size; i < size + 64; i++)
		if (mem[i] != 0xA5) {
			CHECK(!"a builder wrote past its arena");
			break;
		}
	*used = (uint32_t)a.used;
	return rc;
}

/* Each builder in exactly the space the worst platform needs, then in one byte less (ACPI's
 * arena sizes are walked byte by byte in tests/acpi/build_test.c). */
TEST(tables_at_capacity_and_one_byte_short)
{
	struct platform *p = worst_platform();
	const uint32_t max[] = { SMBIOS_ARENA_MAX(0), MPTABLE_ARENA_MAX, PIR_ARENA_MAX };

	for (int which = 0; which < 3; which++) {
		uint32_t need, used;

		if (!CHECK_EQ(build_in(p, which, max[which], &need), 0))
			continue;
		CHECK(need > 0 && need <= max[which]);
		CHECK_EQ(build_in(p, which, need, &used), 0);
		CHECK_EQ(used, need);
		CHECK(build_in(p, which, need - 1, &used) != 0);
		CHECK(used <= need - 1);
	}
	free(p);
}
