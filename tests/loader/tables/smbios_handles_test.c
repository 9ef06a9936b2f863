/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests that smbios_firmware vendor records with colliding handles are renumbered fast and boundedly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "harness.h"
#include "fixture.h"
#include "tables/tables.h"

#define PHYS 0xFC000000u
#define ARENA_SIZE (2u * 1024 * 1024)

/* One blob of n type-200 records, all with handle 4: the smallest legal structure each. */
static uint8_t *colliding_blob(uint32_t n, uint32_t *len)
{
	static const uint8_t rec[10] = { 6, 0, 0, 0, 200, 4, 4, 0, 0, 0 };
	uint8_t *blob = malloc((size_t)n * sizeof(rec));

	for (uint32_t i = 0; i < n; i++)
		memcpy(blob + (size_t)i * sizeof(rec), rec, sizeof(rec));
	*len = n * (uint32_t)sizeof(rec);
	return blob;
}

struct walked {
	uint32_t nr, nr_vendor;
	bool unique, framed;
};

/* Walks the 3.0 entry point's table with our own framing and a bitmap of handles seen. */
static struct walked walk(const uint8_t *mem, uint32_t ep30)
{
	static uint8_t seen[65536];
	struct walked w = { .unique = true };
	const uint8_t *e = mem + (ep30 - PHYS);
	uint32_t len, at = 0;
	uint64_t table;

	memcpy(&len, e + 0x0C, 4);
	memcpy(&table, e + 0x10, 8);
	if (table < PHYS || table + len > PHYS + ARENA_SIZE)
		return w;
	const uint8_t *t = mem + (table - PHYS);
	memset(seen, 0, sizeof(seen));
	while (at + 4 <= len) {
		uint16_t h = (uint16_t)(t[at + 2] | t[at + 3] << 8);
		uint8_t type = t[at];
		uint32_t i = at + t[at + 1];

		if (seen[h])
			w.unique = false;
		seen[h] = 1;
		w.nr++;
		w.nr_vendor += type == 200;
		while (i + 1 < len && (t[i] || t[i + 1]))
			i++;
		if (i + 1 >= len)
			return w;
		at = i + 2;
		if (type == 127)
			break;
	}
	w.framed = at == len;
	return w;
}

static double seconds_since(clock_t start)
{
	return (double)(clock() - start) / CLOCKS_PER_SEC;
}

TEST(smbios_thousands_of_colliding_handles_finish_fast)
{
	struct platform *p = sample_platform(1, 1ull << 30, 0);
	uint8_t *mem = calloc(1, ARENA_SIZE);
	struct arena a;
	uint32_t len, ep21 = 0, ep30 = 0;

	/* 4,000 records: the old search rescanned the table per candidate, seconds here. */
	p->cfg.smbios_blob = colliding_blob(4000, &len);
	p->cfg.smbios_blob_len = len;
	arena_init(&a, mem, PHYS, ARENA_SIZE);
	clock_t start = clock();
	int rc = smbios_build(p, &a, &ep21, &ep30);
	double took = seconds_since(start);
	printf("    4000 colliding records: %.3f s\n", took);
	CHECK(took < 0.5);
	if (CHECK_EQ(rc, 0)) {
		struct walked w = walk(mem, ep30);
		CHECK(w.framed);
		CHECK(w.unique);
		CHECK_EQ(w.nr_vendor, 4000);
	}
	/* One line per renumbered structure would flood xl dmesg: a few, then a count. */
	const char *log = console_text();
	CHECK(strstr(log, "handle 0x4 is taken; using 0x8000") != NULL);
	CHECK(strstr(log, "3999 smbios_firmware structures renumbered") != NULL);
	CHECK(strlen(log) < 4096);
	free((void *)p->cfg.smbios_blob);
	free(mem);
	free(p);
}

TEST(smbios_more_structures_than_handles_stop_with_a_log_line)
{
	struct platform *p = sample_platform(1, 1ull << 30, 0);
	uint8_t *mem = calloc(1, ARENA_SIZE);
	struct arena a;
	uint32_t len, ep21 = 0, ep30 = 0;

	/* 70,000 records: more than the 65,279 handles below the reserved range. */
	p->cfg.smbios_blob = colliding_blob(70000, &len);
	p->cfg.smbios_blob_len = len;
	arena_init(&a, mem, PHYS, ARENA_SIZE);
	clock_t start = clock();
	int rc = smbios_build(p, &a, &ep21, &ep30);
	double took = seconds_since(start);
	printf("    70000 colliding records: %.3f s\n", took);
	CHECK(took < 1.0);
	if (CHECK_EQ(rc, 0)) {
		struct walked w = walk(mem, ep30);
		CHECK(w.framed);
		CHECK(w.unique);
		/* Renumbered handles come from [0x8000, 0xFF00): 32,512 of them. */
		CHECK_EQ(w.nr_vendor, 0xFF00 - 0x8000);
		CHECK(w.nr < 0xFF00);
	}
	CHECK(strstr(console_text(), "no free handle is left; the remaining smbios_firmware structures are dropped") !=
	      NULL);
	free((void *)p->cfg.smbios_blob);
	free(mem);
	free(p);
}
