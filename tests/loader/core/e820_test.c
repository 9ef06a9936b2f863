/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the E820 builder: normalisation, precedence, bounds, the SeaBIOS layout and the log format. */
#include <stdlib.h>
#include <string.h>
#include "e820_build.h"
#include "err.h"
#include "harness.h"

/* The invariants every built map must meet, checked entry by entry. */
static bool map_is_normal(const struct e820_map *m)
{
	bool ok = CHECK(m->nr <= E820_MAX);

	for (uint32_t i = 0; i < m->nr; i++) {
		const struct e820_entry *e = &m->entry[i];
		ok &= CHECK(e->size != 0);
		if (i) {
			const struct e820_entry *p = &m->entry[i - 1];
			uint64_t pend = p->addr + p->size;
			ok &= CHECK(pend <= e->addr); /* sorted, no overlap */
			/* merged, unless together they would be all 2^64 bytes */
			ok &= CHECK(!(pend == e->addr && p->type == e->type && p->size + e->size != 0));
		}
	}
	return ok;
}

/* The type the map gives one address, or 0 in a hole. */
static uint32_t type_at(const struct e820_map *m, uint64_t a)
{
	for (uint32_t i = 0; i < m->nr; i++)
		if (a >= m->entry[i].addr && a - m->entry[i].addr < m->entry[i].size)
			return m->entry[i].type;
	return 0;
}

static int oracle_rank(uint32_t t)
{
	static const int r[] = {
		[E820_RAM] = 1, [E820_ACPI] = 2, [E820_NVS] = 3, [E820_UNUSABLE] = 4, [E820_RESERVED] = 5
	};
	return r[t];
}

TEST(e820_sorts_and_merges)
{
	struct e820_map m;

	e820_init(&m);
	CHECK_EQ(e820_add(&m, 0x200000, 0x100000, E820_RAM), 0);
	CHECK_EQ(e820_add(&m, 0x100000, 0x100000, E820_RAM), 0); /* touches: merges */
	CHECK_EQ(e820_add(&m, 0, 0xA0000, E820_RAM), 0);
	CHECK_EQ(e820_add(&m, 0, 0, E820_RESERVED), 0); /* empty: ignored */
	map_is_normal(&m);
	if (CHECK_EQ(m.nr, 2)) {
		CHECK_EQ(m.entry[0].addr, 0);
		CHECK_EQ(m.entry[0].size, 0xA0000);
		CHECK_EQ(m.entry[1].addr, 0x100000);
		CHECK_EQ(m.entry[1].size, 0x200000);
	}
}

TEST(e820_reservation_wins_over_ram)
{
	struct e820_map m;

	e820_init(&m);
	CHECK_EQ(e820_add(&m, 0x100000, 0x7F00000, E820_RAM), 0);
	CHECK_EQ(e820_add(&m, 0x400000, 0x1000, E820_RESERVED), 0);
	/* RAM added over a reservation must not reclaim it. */
	CHECK_EQ(e820_add(&m, 0x3FF000, 0x3000, E820_RAM), 0);
	CHECK_EQ(e820_add(&m, 0x500000, 0x2000, E820_NVS), 0);
	map_is_normal(&m);
	CHECK_EQ(m.nr, 5);
	CHECK_EQ(type_at(&m, 0x3FFFFF), E820_RAM);
	CHECK_EQ(type_at(&m, 0x400000), E820_RESERVED);
	CHECK_EQ(type_at(&m, 0x400FFF), E820_RESERVED);
	CHECK_EQ(type_at(&m, 0x401000), E820_RAM);
	CHECK_EQ(type_at(&m, 0x501FFF), E820_NVS);
	CHECK_EQ(type_at(&m, 0x7FFFFFF), E820_RAM);
	CHECK_EQ(type_at(&m, 0x8000000), 0);
}

TEST(e820_refuses_bad_ranges)
{
	struct e820_map m;

	e820_init(&m);
	CHECK_EQ(e820_add(&m, 0xFFFFFFFFFFFFF000ull, 0x2000, E820_RAM), -ERR_INVAL); /* wraps */
	CHECK_EQ(e820_add(&m, 0x1000, 0x1000, 0), -ERR_INVAL);
	CHECK_EQ(e820_add(&m, 0x1000, 0x1000, 7), -ERR_INVAL);
	CHECK_EQ(m.nr, 0);
	/* Reaching exactly the top of the address space is fine. */
	CHECK_EQ(e820_add(&m, 0xFFFFFFFFFFFFF000ull, 0x1000, E820_RESERVED), 0);
	CHECK_EQ(e820_add(&m, 0xFFFFFFFFFFFFE000ull, 0x1000, E820_RESERVED), 0);
	if (CHECK_EQ(m.nr, 1))
		CHECK_EQ(m.entry[0].size, 0x2000);
}

TEST(e820_full_map_is_refused_and_unchanged)
{
	struct e820_map m;

	e820_init(&m);
	for (uint32_t i = 0; i < E820_MAX; i++)
		CHECK_EQ(e820_add(&m, (uint64_t)i * 0x2000, 0x1000, E820_RAM), 0);
	CHECK_EQ(m.nr, E820_MAX);
	struct e820_map before = m;
	CHECK_EQ(e820_add(&m, 0x1000000, 0x1000, E820_RAM), -ERR_NOSPC);
	CHECK(!memcmp(&before, &m, sizeof(m)));
	/* A range that splits nothing new still fits: it merges into an existing one. */
	CHECK_EQ(e820_add(&m, 0x1000, 0x1000, E820_RAM), 0);
	CHECK_EQ(m.nr, E820_MAX - 1);
}

TEST(e820_random_ranges_match_a_brute_force_oracle)
{
	srand(2);
	for (int round = 0; round < 300; round++) {
		struct e820_map m;
		uint64_t a[12], s[12];
		uint32_t t[12];
		int n = 1 + rand() % 12;

		e820_init(&m);
		for (int i = 0; i < n; i++) {
			a[i] = (uint64_t)(rand() % 64) * 0x1000;
			s[i] = (uint64_t)(1 + rand() % 16) * 0x1000;
			t[i] = 1 + (uint32_t)(rand() % 5);
			if (!CHECK_EQ(e820_add(&m, a[i], s[i], t[i]), 0))
				return;
		}
		if (!map_is_normal(&m))
			return;
		/* Every page: the strongest type of the ranges covering it, or a hole. */
		for (uint64_t pg = 0; pg < 80 * 0x1000; pg += 0x1000) {
			uint32_t want = 0;
			for (int i = 0; i < n; i++)
				if (pg >= a[i] && pg < a[i] + s[i] && (!want || oracle_rank(t[i]) > oracle_rank(want)))
					want = t[i];
			if (!CHECK_EQ(type_at(&m, pg + 0xFFF), want) || !CHECK_EQ(type_at(&m, pg), want))
				return;
		}
	}
}

TEST(e820_build_gives_seabios_the_hvmloader_layout)
{
	/* What libxl passes for a 56 MiB guest: RAM from 1 MiB. */
	const struct e820_entry toolstack[] = { { 0x100000, 0x3700000, E820_RAM } };
	const struct e820_layout in = { toolstack, 1, 0xC0000, 0, 0, 0, 0 };
	struct e820_map m;

	CHECK_EQ(e820_build(&m, &in), 0);
	CHECK(map_is_normal(&m));
	const struct e820_entry want[] = {
		{ 0, 0xA0000, E820_RAM },
		{ 0xC0000, 0x40000, E820_RESERVED },
		{ 0x100000, 0x3700000, E820_RAM },
		{ 0xFC000000, 0x4000000, E820_RESERVED },
	};
	if (CHECK_EQ(m.nr, 4))
		for (int i = 0; i < 4; i++) {
			CHECK_EQ(m.entry[i].addr, want[i].addr);
			CHECK_EQ(m.entry[i].size, want[i].size);
			CHECK_EQ(m.entry[i].type, want[i].type);
		}
}

TEST(e820_build_keeps_toolstack_reservations_and_high_ram)
{
	/* An RDM reservation inside low RAM and RAM above 4 GiB, out of order. */
	const struct e820_entry toolstack[] = {
		{ 0x100000000ull, 0x40000000, E820_RAM },
		{ 0x100000, 0x7FF00000, E820_RAM },
		{ 0x70000000, 0x100000, E820_RESERVED },
		{ 0x1000, 0x1000, 9 }, /* unknown type: logged and skipped */
	};
	const struct e820_layout in = { toolstack, 4, 0xE0000, 0, 0, 0, 0 };
	struct e820_map m;

	CHECK_EQ(e820_build(&m, &in), 0);
	CHECK(map_is_normal(&m));
	CHECK_EQ(m.nr, 7);
	CHECK_EQ(type_at(&m, 0x1000), E820_RAM);
	CHECK_EQ(type_at(&m, 0xDFFFF), 0);
	CHECK_EQ(type_at(&m, 0xE0000), E820_RESERVED);
	CHECK_EQ(type_at(&m, 0x6FFFFFFF), E820_RAM);
	CHECK_EQ(type_at(&m, 0x70000000), E820_RESERVED);
	CHECK_EQ(type_at(&m, 0x70100000), E820_RAM);
	CHECK_EQ(type_at(&m, 0xFFFFFFFF), E820_RESERVED);
	CHECK_EQ(type_at(&m, 0x13FFFFFFFull), E820_RAM);
	CHECK(strstr(console_text(), "skipping toolstack entry 3") != NULL);
}

/* Every toolstack reservation is still reserved, and all RAM in m was RAM in the input. */
static bool reservations_kept(const struct e820_map *m, const struct e820_entry *ts, uint32_t nr)
{
	bool ok = true;

	for (uint32_t i = 0; i < nr; i++)
		if (ts[i].type == E820_RESERVED)
			for (uint64_t a = ts[i].addr; a < ts[i].addr + ts[i].size; a += 0x1000)
				ok &= CHECK_EQ(type_at(m, a), E820_RESERVED);
	for (uint32_t j = 0; j < m->nr; j++) {
		const struct e820_entry *e = &m->entry[j];

		if (e->type != E820_RAM || e->addr + e->size <= 0xA0000)
			continue;
		for (uint64_t a = e->addr; a < e->addr + e->size; a += 0x10000) {
			bool was_ram = false;
			for (uint32_t i = 0; i < nr; i++)
				was_ram |= ts[i].type == E820_RAM && a >= ts[i].addr && a - ts[i].addr < ts[i].size;
			ok &= CHECK(was_ram);
		}
	}
	return ok;
}

TEST(e820_build_fits_a_fragmented_toolstack_map)
{
	/* 29 alternating RAM/RESERVED entries of 1 MiB from 1 MiB, then the bulk of RAM. */
	struct e820_entry ts[30];
	for (int i = 0; i < 29; i++)
		ts[i] = (struct e820_entry){ 0x100000 + (uint64_t)i * 0x100000, 0x100000,
					     i % 2 ? E820_RESERVED : E820_RAM };
	ts[29] = (struct e820_entry){ 0x2000000, 0x6000000, E820_RAM };
	const struct e820_layout in = { ts, 30, 0xE0000, 0xFC000000, 0xFC010000, 0, 0 };
	struct e820_map m;

	CHECK_EQ(e820_build(&m, &in), 0);
	CHECK(map_is_normal(&m));
	reservations_kept(&m, ts, 30);
	CHECK_EQ(type_at(&m, 0x5000000), E820_RAM); /* the bulk of RAM stays */
	CHECK_EQ(type_at(&m, 0xFC000000), E820_NVS);
	CHECK(strstr(console_text(), "E820: the toolstack's map needs more than 32 entries; dropping RAM") != NULL);
}

TEST(e820_build_fits_more_than_128_toolstack_entries)
{
	/* 70 reservations with holes between them and 70 RAM fragments: 140 entries. */
	struct e820_entry *ts = calloc(140, sizeof(*ts));
	for (int i = 0; i < 70; i++) {
		ts[2 * i] = (struct e820_entry){ 0x200000 + (uint64_t)i * 0x40000, 0x10000, E820_RAM };
		ts[2 * i + 1] = (struct e820_entry){ 0x220000 + (uint64_t)i * 0x40000, 0x10000, E820_RESERVED };
	}
	const struct e820_layout in = { ts, 140, 0xE0000, 0, 0, 0, 0 };
	struct e820_map m;

	CHECK_EQ(e820_build(&m, &in), 0);
	CHECK(map_is_normal(&m));
	/* XENMEM_memory_map gives the loader at most 128 (hvmloader's E820MAX); past that a
	 * caller can only say so. */
	reservations_kept(&m, ts, E820_TOOLSTACK_MAX);
	CHECK(strstr(console_text(), "E820: the toolstack's map has 140 entries; only the first 128 are used") != NULL);
	CHECK(strstr(console_text(), "E820: the toolstack's map needs more than 32 entries; reserving") != NULL);
	free(ts);
}

/*
 * Found by fuzz-e820: two reservations that together cover all 2^64 bytes were merged into
 * one entry of 2^64 bytes, whose size wrapped to 0 (a guest would see no reservation at all).
 */
TEST(e820_build_splits_a_map_over_the_whole_address_space)
{
	const struct e820_entry toolstack[] = {
		{ 0, 0xFFFFFFFFFFFFFF00ull, E820_RESERVED },
		{ 0x100000000ull, 0xFFFFFFFF00000000ull, E820_RESERVED },
	};
	const struct e820_layout in = { toolstack, 2, 0xE0000, 0, 0, 0, 0 };
	struct e820_map m;

	CHECK_EQ(e820_build(&m, &in), 0);
	CHECK(map_is_normal(&m));
	CHECK_EQ(m.nr, 2);
	CHECK_EQ(type_at(&m, 0), E820_RESERVED);
	CHECK_EQ(type_at(&m, (1ull << 63) - 1), E820_RESERVED);
	CHECK_EQ(type_at(&m, 1ull << 63), E820_RESERVED);
	CHECK_EQ(type_at(&m, UINT64_MAX), E820_RESERVED);

	/* The same through e820_add, adding the last byte; and a map that is then rebuilt. */
	e820_init(&m);
	CHECK_EQ(e820_add(&m, 0, UINT64_MAX, E820_RAM), 0);
	CHECK_EQ(e820_add(&m, UINT64_MAX, 1, E820_RAM), 0);
	CHECK(map_is_normal(&m));
	CHECK_EQ(m.nr, 2);
	CHECK_EQ(e820_add(&m, 0x1000, 0x1000, E820_RESERVED), 0);
	CHECK(map_is_normal(&m));
	CHECK_EQ(type_at(&m, 0x1000), E820_RESERVED);
	CHECK_EQ(type_at(&m, UINT64_MAX), E820_RAM);
}

TEST(e820_dump_prints_hvmloader_lines)
{
	const struct e820_entry toolstack[] = { { 0x100000, 0x3700000, E820_RAM } };
	const struct e820_layout in = { toolstack, 1, 0xC0000, 0, 0, 0, 0 };
	struct e820_map m;

	e820_build(&m, &in);
	console_clear();
	e820_dump(&m);
	CHECK_STR(console_text(), "E820 table:\n"
				  " [00]: 00000000:00000000 - 00000000:000a0000: RAM\n"
				  " HOLE: 00000000:000a0000 - 00000000:000c0000\n"
				  " [01]: 00000000:000c0000 - 00000000:00100000: RESERVED\n"
				  " [02]: 00000000:00100000 - 00000000:03800000: RAM\n"
				  " HOLE: 00000000:03800000 - 00000000:fc000000\n"
				  " [03]: 00000000:fc000000 - 00000001:00000000: RESERVED\n");
}

TEST(e820_build_marks_the_tables_area_nvs)
{
	const struct e820_entry toolstack[] = { { 0x100000, 0x3700000, E820_RAM } };
	const struct e820_layout in = { toolstack, 1, 0xE0000, 0xFC000000, 0xFC00B000, 0, 0 };
	struct e820_map m;

	CHECK_EQ(e820_build(&m, &in), 0);
	CHECK(map_is_normal(&m));
	CHECK_EQ(type_at(&m, 0xFBFFFFFF), 0);
	CHECK_EQ(type_at(&m, 0xFC000000), E820_NVS);
	CHECK_EQ(type_at(&m, 0xFC00AFFF), E820_NVS);
	CHECK_EQ(type_at(&m, 0xFC00B000), E820_RESERVED);
	CHECK_EQ(type_at(&m, 0xFFFFFFFF), E820_RESERVED);
	CHECK_EQ(m.nr, 5);
}

TEST(e820_build_follows_ram_moved_out_of_the_hole)
{
	/* 3.75 GiB of low RAM, of which everything above 3 GiB moved to 4 GiB. */
	const struct e820_entry toolstack[] = {
		{ 0x100000, 0xEFF00000, E820_RAM },
		{ 0xD0000000, 0x100000, E820_RESERVED }, /* an RMRR the move must not touch */
	};
	const struct e820_layout in = { toolstack, 2, 0xE0000, 0, 0, 0xC0000000, 0x130000000ull };
	struct e820_map m;

	CHECK_EQ(e820_build(&m, &in), 0);
	CHECK(map_is_normal(&m));
	CHECK_EQ(type_at(&m, 0xBFFFFFFF), E820_RAM);
	CHECK_EQ(type_at(&m, 0xC0000000), 0);
	CHECK_EQ(type_at(&m, 0xD0000000), E820_RESERVED);
	CHECK_EQ(type_at(&m, 0xEFFFFFFF), 0);
	CHECK_EQ(type_at(&m, 0x100000000ull), E820_RAM);
	CHECK_EQ(type_at(&m, 0x12FFFFFFFull), E820_RAM);
	CHECK_EQ(type_at(&m, 0x130000000ull), 0);
}

/*
 * Found by fuzz-e820: a RAM range ending exactly at 2^64 has an exclusive end of 0, so the
 * clip at low_ram_end passed it whole and the guest got RAM in the MMIO hole, where the
 * loader had moved it away from. A range that wraps stays refused, and an empty one at 0 must
 * not become RAM up to low_ram_end.
 */
TEST(e820_build_clips_moved_ram_that_ends_at_the_top)
{
	const struct e820_entry toolstack[] = {
		{ 0x100000, 0 - 0x100000ull, E820_RAM },
		{ 0x200000, 0xFFFFFFFFFFFFF000ull, E820_RAM }, /* wraps: it ends at 0x1FF000 */
		{ 0, 0, E820_RAM },
	};
	const struct e820_layout in = { toolstack, 3, 0xE0000, 0, 0, 0xC0000000, 0x130000000ull };
	struct e820_map m;

	console_clear();
	CHECK_EQ(e820_build(&m, &in), 0);
	CHECK(map_is_normal(&m));
	CHECK_EQ(type_at(&m, 0xBFFFFFFF), E820_RAM);
	CHECK_EQ(type_at(&m, 0xC0000000), 0);
	CHECK_EQ(type_at(&m, 0xFBFFFFFF), 0);
	CHECK_EQ(type_at(&m, 0x12FFFFFFFull), E820_RAM);
	CHECK_EQ(type_at(&m, 0x130000000ull), 0);
	CHECK(strstr(console_text(), "E820: skipping toolstack entry 1: 200000+fffffffffffff000 type 1") != NULL);
}
