/* SPDX-License-Identifier: GPL-2.0-only */
/* E820 map building: every change re-normalises the whole (small, bounded) map. */
#include <string.h>
#include "console.h"
#include "e820_build.h"
#include "err.h"
#include "hvm_platform.h"

/* Where ranges overlap, the higher rank wins. */
static int rank(uint32_t type)
{
	switch (type) {
	case E820_RAM:
		return 0;
	case E820_ACPI:
		return 1;
	case E820_NVS:
		return 2;
	case E820_UNUSABLE:
		return 3;
	default:
		return 4; /* E820_RESERVED */
	}
}

void e820_init(struct e820_map *m)
{
	m->nr = 0;
}

/* Ranges here are [start, end) with end computed in 65 bits' worth of care: an entry that
 * reaches exactly 2^64 is stored with end == 0 and handled as "top of the address space". */
struct span {
	uint64_t start;
	uint64_t end_minus_1; /* inclusive end, so the top of the address space is representable */
	uint32_t type;
};

static void sort_u64(uint64_t *v, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		uint64_t x = v[i];
		uint32_t j = i;

		for (; j && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

int e820_add(struct e820_map *m, uint64_t addr, uint64_t size, uint32_t type)
{
	if (!size)
		return 0;
	if (addr + (size - 1) < addr || type < E820_RAM || type > E820_UNUSABLE)
		return -ERR_INVAL;

	struct span in[E820_MAX + 1];
	uint32_t n = 0;

	for (uint32_t i = 0; i < m->nr; i++)
		in[n++] =
			(struct span){ m->entry[i].addr, m->entry[i].addr + (m->entry[i].size - 1), m->entry[i].type };
	in[n++] = (struct span){ addr, addr + (size - 1), type };

	/*
	 * Sweep over the elementary intervals between all range starts and (exclusive) ends:
	 * inside one, the set of covering ranges is fixed, so its type is the strongest of them.
	 * Exclusive ends that would be 2^64 are left out: nothing starts there.
	 */
	uint64_t cut[2 * (E820_MAX + 1)];
	uint32_t ncut = 0;

	for (uint32_t i = 0; i < n; i++) {
		cut[ncut++] = in[i].start;
		if (in[i].end_minus_1 != UINT64_MAX)
			cut[ncut++] = in[i].end_minus_1 + 1;
	}
	sort_u64(cut, ncut);

	struct e820_entry out[E820_MAX];
	uint32_t nout = 0;

	for (uint32_t c = 0; c < ncut; c++) {
		if (c && cut[c] == cut[c - 1])
			continue;
		uint64_t lo = cut[c];
		/* The interval runs to the next distinct cut, or to the top of the address space. */
		uint32_t nx = c + 1;
		while (nx < ncut && cut[nx] == lo)
			nx++;
		uint64_t hi_minus_1 = nx < ncut ? cut[nx] - 1 : UINT64_MAX;

		int best = -1;
		uint32_t best_type = 0;
		for (uint32_t i = 0; i < n; i++) {
			if (in[i].start <= lo && in[i].end_minus_1 >= hi_minus_1 && rank(in[i].type) > best) {
				best = rank(in[i].type);
				best_type = in[i].type;
			}
		}
		if (best < 0)
			continue; /* a hole between ranges */

		struct e820_entry *prev = nout ? &out[nout - 1] : NULL;
		if (prev && prev->type == best_type && prev->addr + prev->size == lo) {
			prev->size += hi_minus_1 - lo + 1;
			continue;
		}
		if (nout == E820_MAX)
			return -ERR_NOSPC;
		out[nout++] = (struct e820_entry){ lo, hi_minus_1 - lo + 1, best_type };
	}

	memcpy(m->entry, out, nout * sizeof(out[0]));
	m->nr = nout;
	return 0;
}

int e820_build(struct e820_map *m, const struct e820_layout *in)
{
	int rc;

	e820_init(m);
	for (uint32_t i = 0; i < in->toolstack_nr; i++) {
		const struct e820_entry *e = &in->toolstack[i];
		uint64_t size = e->size;

		/* RAM the loader moved above 4 GiB no longer sits below it. */
		if (in->low_ram_end && e->type == E820_RAM && e->addr < FOUR_GIB) {
			if (e->addr >= in->low_ram_end)
				continue;
			if (e->addr + size > in->low_ram_end)
				size = in->low_ram_end - e->addr;
		}
		rc = e820_add(m, e->addr, size, e->type);
		if (rc == -ERR_INVAL) {
			/* A malformed toolstack entry must not sink the whole map. */
			log_printf("E820: skipping toolstack entry %u: %llx+%llx type %u\n", i,
				   (unsigned long long)e->addr, (unsigned long long)e->size, e->type);
			continue;
		}
		if (rc)
			return rc;
	}
	rc = e820_add(m, 0, LOW_RAM_END, E820_RAM);
	if (!rc && in->high_ram_end > FOUR_GIB)
		rc = e820_add(m, FOUR_GIB, in->high_ram_end - FOUR_GIB, E820_RAM);
	if (!rc)
		rc = e820_add(m, in->bios_base, BIOS_END - in->bios_base, E820_RESERVED);
	if (!rc)
		rc = e820_add(m, (uint64_t)RESERVED_BASE, FOUR_GIB - (uint64_t)RESERVED_BASE, E820_RESERVED);
	/* NVS is weaker than reserved, so carve it out rather than add it on top. */
	if (!rc && in->tables_end > in->tables_start) {
		struct e820_map keep = *m;

		e820_init(m);
		for (uint32_t i = 0; i < keep.nr && !rc; i++) {
			const struct e820_entry *e = &keep.entry[i];
			uint64_t end = e->addr + e->size;

			if (end <= in->tables_start || e->addr >= in->tables_end) {
				rc = e820_add(m, e->addr, e->size, e->type);
				continue;
			}
			if (e->addr < in->tables_start)
				rc = e820_add(m, e->addr, in->tables_start - e->addr, e->type);
			if (!rc && end > in->tables_end)
				rc = e820_add(m, in->tables_end, end - in->tables_end, e->type);
		}
		if (!rc)
			rc = e820_add(m, in->tables_start, in->tables_end - in->tables_start, E820_NVS);
	}
	return rc;
}

const char *e820_type_name(uint32_t type)
{
	static const char *const names[] = {
		[E820_RAM] = "RAM", [E820_RESERVED] = "RESERVED", [E820_ACPI] = "ACPI",
		[E820_NVS] = "NVS", [E820_UNUSABLE] = "UNUSABLE",
	};

	return type < sizeof(names) / sizeof(names[0]) && names[type] ? names[type] : "TYPE?";
}

void e820_dump(const struct e820_map *m)
{
	log_printf("E820 table:\n");
	for (uint32_t i = 0; i < m->nr; i++) {
		const struct e820_entry *e = &m->entry[i];
		uint64_t end = e->addr + e->size;

		if (i && e->addr > m->entry[i - 1].addr + m->entry[i - 1].size) {
			uint64_t h = m->entry[i - 1].addr + m->entry[i - 1].size;
			log_printf(" HOLE: %08x:%08x - %08x:%08x\n", (unsigned)(h >> 32), (unsigned)h,
				   (unsigned)(e->addr >> 32), (unsigned)e->addr);
		}
		log_printf(" [%02u]: %08x:%08x - %08x:%08x: %s\n", i, (unsigned)(e->addr >> 32), (unsigned)e->addr,
			   (unsigned)(end >> 32), (unsigned)end, e820_type_name(e->type));
	}
}
