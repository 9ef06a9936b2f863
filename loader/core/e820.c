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

		/*
		 * An entry holds at most 2^64 - 1 bytes: a run of one type over the whole address
		 * space (a toolstack can reserve [0, 2^64) in two entries) stays two entries (split
		 * at 2^63 when nothing else cuts it), instead of one whose size wraps to 0.
		 */
		uint64_t len = hi_minus_1 - lo + 1; /* 0 only for [0, 2^64) */
		struct e820_entry *prev = nout ? &out[nout - 1] : NULL;
		if (prev && prev->type == best_type && prev->addr + prev->size == lo && prev->size + len != 0) {
			prev->size += len;
			continue;
		}
		if (nout + !len >= E820_MAX)
			return -ERR_NOSPC;
		if (!len) {
			out[nout++] = (struct e820_entry){ 0, 1ull << 63, best_type };
			lo = len = 1ull << 63;
		}
		out[nout++] = (struct e820_entry){ lo, len, best_type };
	}

	memcpy(m->entry, out, nout * sizeof(out[0]));
	m->nr = nout;
	return 0;
}

/* The map from the toolstack's ranges ts[0, nr) and our own; 0 or the first e820_add error. */
static int e820_build_from(struct e820_map *m, const struct e820_layout *in, const struct e820_entry *ts, uint32_t nr)
{
	int rc;

	e820_init(m);
	for (uint32_t i = 0; i < nr; i++) {
		const struct e820_entry *e = &ts[i];
		uint64_t size = e->size;
		/* Inclusive end: a range may end exactly at 2^64, where an exclusive end wraps to 0. */
		uint64_t last = e->addr + (size - 1);

		/*
		 * RAM the loader moved above 4 GiB no longer sits below it. (A range that wraps has
		 * last < addr, so it reaches e820_add whole, to be refused.)
		 */
		if (in->low_ram_end && e->type == E820_RAM && e->addr < FOUR_GIB && size) {
			if (e->addr >= in->low_ram_end)
				continue;
			if (last >= in->low_ram_end)
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

static void sort_entries(struct e820_entry *e, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		struct e820_entry x = e[i];
		uint32_t j = i;

		for (; j && e[j - 1].addr > x.addr; j--)
			e[j] = e[j - 1];
		e[j] = x;
	}
}

/*
 * Makes a toolstack map that does not fit E820_MAX entries one entry smaller, the safe way:
 * first by leaving out its smallest RAM range (the guest loses that RAM, never a
 * reservation), then by joining the two closest non-RAM ranges into one reservation over
 * the hole between them (a hole is not RAM either). ts is sorted; false when nothing is left
 * to do.
 */
static bool shrink_toolstack(struct e820_entry *ts, uint32_t *nr)
{
	uint32_t pick = *nr;

	for (uint32_t i = 0; i < *nr; i++)
		if (ts[i].type == E820_RAM && ts[i].addr >= LOW_RAM_END && (pick == *nr || ts[i].size <= ts[pick].size))
			pick = i;
	if (pick < *nr) {
		log_error("E820: the toolstack's map needs more than %u entries; dropping RAM %llx+%llx\n", E820_MAX,
			  (unsigned long long)ts[pick].addr, (unsigned long long)ts[pick].size);
		memmove(&ts[pick], &ts[pick + 1], (*nr - pick - 1) * sizeof(*ts));
		(*nr)--;
		return true;
	}
	uint64_t best_gap = UINT64_MAX;
	for (uint32_t i = 0; i + 1 < *nr; i++) {
		uint64_t end = ts[i].addr + ts[i].size;
		uint64_t gap = ts[i + 1].addr > end ? ts[i + 1].addr - end : 0;

		if (gap < best_gap) {
			best_gap = gap;
			pick = i;
		}
	}
	if (pick >= *nr)
		return false;
	uint64_t end = ts[pick].addr + ts[pick].size, end2 = ts[pick + 1].addr + ts[pick + 1].size;
	if (end2 > end)
		end = end2;
	log_error("E820: the toolstack's map needs more than %u entries; reserving %llx-%llx as one range\n", E820_MAX,
		  (unsigned long long)ts[pick].addr, (unsigned long long)end);
	ts[pick].size = end - ts[pick].addr;
	ts[pick].type = E820_RESERVED;
	memmove(&ts[pick + 1], &ts[pick + 2], (*nr - pick - 2) * sizeof(*ts));
	(*nr)--;
	return true;
}

int e820_build(struct e820_map *m, const struct e820_layout *in)
{
	static struct e820_entry ts[E820_TOOLSTACK_MAX];
	uint32_t nr = in->toolstack_nr;
	int rc;

	if (nr > E820_TOOLSTACK_MAX) {
		log_error("E820: the toolstack's map has %u entries; only the first %u are used\n", nr,
			  E820_TOOLSTACK_MAX);
		nr = E820_TOOLSTACK_MAX;
	}
	/* Most maps fit as they are: build straight from the input, as before. */
	rc = e820_build_from(m, in, in->toolstack, nr);
	if (rc != -ERR_NOSPC)
		return rc;
	memcpy(ts, in->toolstack, nr * sizeof(*ts));
	/* Entries Xen would refuse anyway (e820_add's -ERR_INVAL) are skipped in the build. */
	sort_entries(ts, nr);
	while (rc == -ERR_NOSPC && shrink_toolstack(ts, &nr))
		rc = e820_build_from(m, in, ts, nr);
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
