/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes the E820 builder with arbitrary toolstack maps: normal output, reservations kept, RAM only where it was. */
#include <string.h>
#include "e820_build.h"
#include "err.h"
#include "fuzz.h"
#include "harness.h"

#define FOUR_GIB 0x100000000ull

/* The most bytes an input can use (run.sh passes it as -max_len): 20 of layout, then the map. */
#define FUZZ_MAX_LEN 2740
_Static_assert(FUZZ_MAX_LEN == 4 + 8 + 8 + (E820_TOOLSTACK_MAX + 8) * sizeof(struct e820_entry), "max_len");

static uint32_t type_at(const struct e820_map *m, uint64_t a)
{
	for (uint32_t i = 0; i < m->nr; i++)
		if (a >= m->entry[i].addr && a - m->entry[i].addr < m->entry[i].size)
			return m->entry[i].type;
	return 0;
}

/* Whether a is RAM in the input: a toolstack RAM range (less what moved), or one we add. */
static bool was_ram(const struct e820_layout *in, uint64_t a)
{
	if (a < 0xA0000 || (in->high_ram_end > FOUR_GIB && a >= FOUR_GIB && a < in->high_ram_end))
		return true;
	for (uint32_t i = 0; i < in->toolstack_nr && i < E820_TOOLSTACK_MAX; i++) {
		const struct e820_entry *e = &in->toolstack[i];
		if (e->type == E820_RAM && a >= e->addr && a - e->addr < e->size)
			return !(in->low_ram_end && a < FOUR_GIB && a >= in->low_ram_end);
	}
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct e820_entry ts[E820_TOOLSTACK_MAX + 8];
	struct fuzz_in in = { data, size };
	struct e820_map m;

	console_clear();
	uint32_t bios = fuzz_u32(&in);
	uint64_t tables = fuzz_u64(&in);
	uint64_t moved = fuzz_u64(&in);
	struct e820_layout lay = {
		.toolstack = ts,
		/* The BIOS image ends at 1 MiB and starts on a 4 KiB boundary below it. */
		.bios_base = 0x100000u - ((bios % 0x40u) + 1) * 0x1000u,
		.tables_start = 0xFC000000u,
		.tables_end = 0xFC000000u + (tables % 0x400u) * 0x1000u,
		.low_ram_end = moved & 1 ? (moved >> 1) % FOUR_GIB & ~0xFFFull : 0,
		.high_ram_end = moved & 1 ? FOUR_GIB + ((moved >> 33) << 12) : 0,
	};
	lay.toolstack_nr = (uint32_t)(fuzz_take(&in, ts, sizeof(ts)) / sizeof(ts[0]));

	CHECK_EQ(e820_build(&m, &lay), 0);
	CHECK(m.nr <= E820_MAX);
	for (uint32_t i = 0; i < m.nr; i++) {
		const struct e820_entry *e = &m.entry[i];
		CHECK(e->size != 0);
		CHECK(e->addr + (e->size - 1) >= e->addr);
		if (i)
			CHECK(m.entry[i - 1].addr + m.entry[i - 1].size <= e->addr);
		/* RAM only where there was RAM (both ends checked: ranges are merged runs). */
		if (e->type == E820_RAM) {
			CHECK(was_ram(&lay, e->addr));
			CHECK(was_ram(&lay, e->addr + e->size - 1));
		}
	}
	/* Every well-formed toolstack reservation outside the tables area stays reserved. */
	for (uint32_t i = 0; i < lay.toolstack_nr && i < E820_TOOLSTACK_MAX; i++) {
		const struct e820_entry *e = &ts[i];
		uint64_t last = e->addr + e->size - 1;
		if (e->type != E820_RESERVED || !e->size || last < e->addr)
			continue;
		if (!(e->addr >= lay.tables_start && e->addr < lay.tables_end))
			CHECK_EQ(type_at(&m, e->addr), E820_RESERVED);
		if (!(last >= lay.tables_start && last < lay.tables_end))
			CHECK_EQ(type_at(&m, last), E820_RESERVED);
	}
	return 0;
}
