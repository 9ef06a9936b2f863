/* SPDX-License-Identifier: GPL-2.0-only */
/* The PCI resource planner; pure, so every shape of bus is tested on the host. */
#include <string.h>
#include "pci_plan.h"

static void sort_by_size(struct pci_bar *b, uint32_t n)
{
	/* Stable insertion sort, descending: equal sizes keep bus order, so plans repeat. */
	for (uint32_t i = 1; i < n; i++) {
		struct pci_bar x = b[i];
		uint32_t j = i;

		for (; j && b[j - 1].size < x.size; j--)
			b[j] = b[j - 1];
		b[j] = x;
	}
}

static bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

/* The first toolstack RESERVED range overlapping [base, base+size), or NULL. */
static const struct e820_entry *reserved_overlap(const struct pci_plan *pl, uint64_t base, uint64_t size)
{
	for (uint32_t i = 0; i < pl->map_nr; i++)
		if (pl->map[i].type == E820_RESERVED && overlaps(base, size, pl->map[i].addr, pl->map[i].size))
			return &pl->map[i];
	return NULL;
}

struct window {
	uint64_t next, end;
};

/* Bump allocation, naturally aligned, stepping over reserved ranges. */
static bool take(const struct pci_plan *pl, struct window *w, uint64_t size, uint64_t *addr)
{
	uint64_t base = (w->next + size - 1) & ~(size - 1);

	for (;;) {
		if (base < w->next || base > w->end || size > w->end - base)
			return false;
		const struct e820_entry *r = reserved_overlap(pl, base, size);
		if (!r)
			break;
		base = (r->addr + r->size + size - 1) & ~(size - 1);
	}
	*addr = base;
	w->next = base + size;
	return true;
}

static bool is_mem(const struct pci_bar *b)
{
	return b->kind != PCI_BAR_IO;
}

uint32_t pci_plan(struct pci_plan *pl)
{
	uint64_t low_total = 0, hole_end = PCI_HOLE_END;

	sort_by_size(pl->bar, pl->nr);
	pl->unplaced = 0;
	for (uint32_t i = 0; i < pl->nr; i++) {
		pl->bar[i].placed = pl->bar[i].high = false;
		pl->bar[i].addr = 0;
	}

	/* BARs kept out of the UC range go first, at the very top of the hole: below any
	 * reserved range there (an RMRR) and above RAM, or else among the others. */
	uint64_t top_floor = pl->low_mem_end > PCI_HOLE_DEFAULT_START ? pl->low_mem_end : PCI_HOLE_DEFAULT_START;
	for (uint32_t i = 0; i < pl->nr; i++) {
		struct pci_bar *b = &pl->bar[i];
		const struct e820_entry *r;

		if (!b->top_of_hole || !is_mem(b) || b->size > hole_end - top_floor)
			continue;
		uint64_t addr = (hole_end - b->size) & ~(b->size - 1);
		while (addr >= top_floor && (r = reserved_overlap(pl, addr, b->size)))
			addr = r->addr >= top_floor + b->size ? (r->addr - b->size) & ~(b->size - 1) : 0;
		if (addr < top_floor)
			continue;
		b->addr = addr;
		b->placed = true;
		hole_end = b->addr;
	}
	pl->mem_uc_end = hole_end;

	for (uint32_t i = 0; i < pl->nr; i++) {
		const struct pci_bar *b = &pl->bar[i];

		if (is_mem(b) && !b->placed && !(b->kind == PCI_BAR_MEM64 && b->size >= PCI_BAR64_HIGH_THRESHOLD))
			low_total += b->size;
	}

	/* Size the low hole. */
	uint64_t start = PCI_HOLE_DEFAULT_START;
	if (pl->mmio_hole_size) {
		/* Only a larger hole than the default is honoured, as hvmloader does, and no
		 * larger than xl allows. */
		if (pl->mmio_hole_size >= FOUR_GIB - PCI_HOLE_DEFAULT_START && pl->mmio_hole_size <= PCI_HOLE_SIZE_MAX)
			start = (FOUR_GIB - pl->mmio_hole_size) & ~0xFFFFFull;
	} else {
		while (low_total > hole_end - start && start > PCI_HOLE_MAX_START &&
		       (pl->allow_relocate || ((start << 1) & 0xFFFFFFFFull) >= pl->low_mem_end))
			start = (start << 1) & 0xFFFFFFFFull;
		/* An RMRR in the hole: start right after RAM and let allocation step over it. */
		if (start > pl->low_mem_end && reserved_overlap(pl, start, hole_end - start))
			start = (pl->low_mem_end + 0xFFFFF) & ~0xFFFFFull;
	}
	/* Without relocation, the hole may not cover RAM, whatever asked for it. */
	if (start < pl->low_mem_end && !pl->allow_relocate)
		start = (pl->low_mem_end + 0xFFFFF) & ~0xFFFFFull;
	/* The loader runs from the RAM it would relocate: that part never moves. */
	if (start < pl->keep_end)
		start = (pl->keep_end + 0xFFFFF) & ~0xFFFFFull;
	pl->mem_start = start;

	/* RAM displaced by the hole moves above 4 GiB (or above existing high RAM). */
	pl->new_low_mem_end = pl->low_mem_end;
	pl->new_high_mem_end = pl->high_mem_end;
	if (start < pl->low_mem_end) {
		pl->new_low_mem_end = start;
		pl->new_high_mem_end = (pl->high_mem_end ? pl->high_mem_end : FOUR_GIB) + (pl->low_mem_end - start);
	}

	uint64_t hi_base = pl->new_high_mem_end > FOUR_GIB ? pl->new_high_mem_end : FOUR_GIB;
	uint32_t bits = pl->phys_bits >= 32 && pl->phys_bits <= 52 ? pl->phys_bits : 36;
	struct window low = { start, hole_end };
	struct window high = { hi_base, 1ull << bits };
	struct window io = { PCI_IO_START, PCI_IO_END };
	bool relocate64 = low_total > hole_end - start;

	pl->hi_start = pl->hi_end = hi_base;
	for (uint32_t i = 0; i < pl->nr; i++) {
		struct pci_bar *b = &pl->bar[i];

		if (b->placed)
			continue;
		if (b->kind == PCI_BAR_IO) {
			b->placed = take(pl, &io, b->size, &b->addr);
		} else if (b->kind == PCI_BAR_MEM64 &&
			   (b->size >= PCI_BAR64_HIGH_THRESHOLD || (relocate64 && low_total > low.end - low.next))) {
			/* Largest first: moving this one high may let the rest fit low. */
			if (b->size < PCI_BAR64_HIGH_THRESHOLD)
				low_total -= b->size;
			b->placed = b->high = take(pl, &high, b->size, &b->addr);
		} else {
			b->placed = take(pl, &low, b->size, &b->addr);
			low_total -= b->size;
		}
		if (!b->placed)
			pl->unplaced++;
	}
	pl->hi_end = high.next;
	for (uint32_t i = 0; i < pl->nr && pl->hi_end > pl->hi_start; i++)
		if (pl->bar[i].high) {
			pl->hi_start = pl->bar[i].addr; /* the largest high BAR starts the window */
			break;
		}
	return pl->unplaced;
}
