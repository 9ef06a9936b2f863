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
			ok &= CHECK(pend <= e->addr);                          /* sorted, no overlap */
			ok &= CHECK(!(pend == e->addr && p->type == e->type)); /* merged */
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
	map_is_normal(&m);
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
	map_is_normal(&m);
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

TEST(e820_build_reports_overflow)
{
	struct e820_entry *many = calloc(E820_TOOLSTACK_MAX, sizeof(*many));
	for (int i = 0; i < E820_TOOLSTACK_MAX; i++)
		many[i] = (struct e820_entry){ 0x200000 + (uint64_t)i * 0x20000, 0x10000, E820_RAM };
	const struct e820_layout in = { many, E820_TOOLSTACK_MAX, 0xE0000, 0, 0, 0, 0 };
	struct e820_map m;

	CHECK_EQ(e820_build(&m, &in), -ERR_NOSPC);
	CHECK(m.nr <= E820_MAX);
	free(many);
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
	map_is_normal(&m);
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
	map_is_normal(&m);
	CHECK_EQ(type_at(&m, 0xBFFFFFFF), E820_RAM);
	CHECK_EQ(type_at(&m, 0xC0000000), 0);
	CHECK_EQ(type_at(&m, 0xD0000000), E820_RESERVED);
	CHECK_EQ(type_at(&m, 0xEFFFFFFF), 0);
	CHECK_EQ(type_at(&m, 0x100000000ull), E820_RAM);
	CHECK_EQ(type_at(&m, 0x12FFFFFFFull), E820_RAM);
	CHECK_EQ(type_at(&m, 0x130000000ull), 0);
}
