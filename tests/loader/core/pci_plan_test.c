/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the PCI planner on many bus shapes, with invariants checked independently. */
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "pci_plan.h"

#define MiB 0x100000ull
#define GiB 0x40000000ull

static struct pci_bar bars[64];

static struct pci_bar *add(int i, uint16_t bdf, uint8_t reg, uint8_t kind, uint64_t size)
{
	memset(&bars[i], 0, sizeof(bars[i]));
	bars[i].bdf = bdf;
	bars[i].reg = reg;
	bars[i].kind = kind;
	bars[i].size = size;
	return &bars[i];
}

static const struct pci_bar *find(const struct pci_plan *pl, uint16_t bdf, uint8_t reg)
{
	for (uint32_t i = 0; i < pl->nr; i++)
		if (pl->bar[i].bdf == bdf && pl->bar[i].reg == reg)
			return &pl->bar[i];
	return NULL;
}

/* Everything placed is aligned, inside its window, clear of RAM, RMRRs and each other. */
static bool plan_is_sound(const struct pci_plan *pl)
{
	bool ok = true;

	for (uint32_t i = 0; i < pl->nr; i++) {
		const struct pci_bar *b = &pl->bar[i];
		if (!b->placed)
			continue;
		ok &= CHECK_EQ(b->addr & (b->size - 1), 0);
		if (b->kind == PCI_BAR_IO) {
			ok &= CHECK(b->addr >= PCI_IO_START && b->addr + b->size <= PCI_IO_END);
		} else if (b->high) {
			ok &= CHECK(b->kind == PCI_BAR_MEM64);
			ok &= CHECK(b->addr >= 0x100000000ull && b->addr >= pl->new_high_mem_end);
			ok &= CHECK(b->addr >= pl->hi_start && b->addr + b->size <= pl->hi_end);
		} else {
			ok &= CHECK(b->addr >= pl->mem_start && b->addr + b->size <= PCI_HOLE_END);
			ok &= CHECK(b->addr >= pl->new_low_mem_end);
		}
		for (uint32_t r = 0; r < pl->map_nr; r++)
			if (pl->map[r].type == E820_RESERVED && b->kind != PCI_BAR_IO)
				ok &= CHECK(b->addr + b->size <= pl->map[r].addr ||
					    b->addr >= pl->map[r].addr + pl->map[r].size);
		for (uint32_t j = i + 1; j < pl->nr; j++) {
			const struct pci_bar *c = &pl->bar[j];
			if (!c->placed || (c->kind == PCI_BAR_IO) != (b->kind == PCI_BAR_IO))
				continue;
			ok &= CHECK(b->addr + b->size <= c->addr || c->addr + c->size <= b->addr);
		}
	}
	/* Sorted largest first. */
	for (uint32_t i = 1; i < pl->nr; i++)
		ok &= CHECK(pl->bar[i - 1].size >= pl->bar[i].size);
	return ok;
}

static void base_plan(struct pci_plan *pl, int n)
{
	memset(pl, 0, sizeof(*pl));
	pl->low_mem_end = 0x3800000;
	pl->phys_bits = 40;
	pl->bar = bars;
	pl->nr = (uint32_t)n;
}

TEST(pci_plan_matches_hvmloader_on_the_default_bus)
{
	struct pci_plan pl;

	/* qemu-xen's devices as hvmloader logged them for a 56 MiB guest. */
	add(0, 0x18, 0x10, PCI_BAR_MEM32, 32 * MiB); /* 03:0 VGA framebuffer */
	add(1, 0x18, 0x14, PCI_BAR_MEM32, 4096);     /* 03:0 VGA MMIO */
	add(2, 0x18, 0x30, PCI_BAR_ROM, 64 * 1024);  /* 03:0 VGA ROM */
	add(3, 0x10, 0x10, PCI_BAR_IO, 256);         /* 02:0 Xen platform I/O */
	add(4, 0x10, 0x14, PCI_BAR_MEM32, 16 * MiB); /* 02:0 Xen platform MMIO */
	add(5, 0x09, 0x20, PCI_BAR_IO, 16);          /* 01:1 IDE bus master */
	base_plan(&pl, 6);
	CHECK_EQ(pci_plan(&pl), 0);
	plan_is_sound(&pl);
	CHECK_EQ(pl.mem_start, 0xF0000000);
	CHECK_EQ(find(&pl, 0x18, 0x10)->addr, 0xF0000000);
	CHECK_EQ(find(&pl, 0x10, 0x14)->addr, 0xF2000000);
	CHECK_EQ(find(&pl, 0x18, 0x30)->addr, 0xF3000000);
	CHECK_EQ(find(&pl, 0x18, 0x14)->addr, 0xF3010000);
	CHECK_EQ(find(&pl, 0x10, 0x10)->addr, 0xC000);
	CHECK_EQ(find(&pl, 0x09, 0x20)->addr, 0xC100);
	CHECK_EQ(pl.hi_end, pl.hi_start); /* nothing high */
	CHECK_EQ(pl.new_low_mem_end, pl.low_mem_end);
}

TEST(pci_plan_grows_the_hole_without_covering_ram)
{
	struct pci_plan pl;

	/* 448 MiB of 32-bit BARs: the default 192 MiB hole must grow to 0xE0000000. */
	for (int i = 0; i < 7; i++)
		add(i, (uint16_t)(0x18 + 8 * i), 0x10, PCI_BAR_MEM32, 64 * MiB);
	base_plan(&pl, 7);
	CHECK_EQ(pci_plan(&pl), 0);
	plan_is_sound(&pl);
	CHECK_EQ(pl.mem_start, 0xE0000000);

	/* With RAM up to 0xE8000000 it may not grow there: some BARs find no room. */
	base_plan(&pl, 7);
	pl.low_mem_end = 0xE8000000;
	uint32_t unplaced = pci_plan(&pl);
	plan_is_sound(&pl);
	CHECK_EQ(pl.mem_start, 0xF0000000);
	CHECK_EQ(unplaced, 4); /* 192 MiB holds three of seven */
	CHECK_EQ(pl.unplaced, unplaced);
}

TEST(pci_plan_puts_huge_and_overflowing_64bit_bars_high)
{
	struct pci_plan pl;

	add(0, 0x18, 0x10, PCI_BAR_MEM64, 2 * GiB); /* never fits low */
	add(1, 0x20, 0x10, PCI_BAR_MEM64, 128 * MiB);
	add(2, 0x28, 0x10, PCI_BAR_MEM64, 128 * MiB);
	add(3, 0x30, 0x10, PCI_BAR_MEM32, 64 * MiB);
	base_plan(&pl, 4);
	pl.low_mem_end = 0xF0000000; /* no room to grow the hole */
	pl.high_mem_end = 0x140000000ull;
	CHECK_EQ(pci_plan(&pl), 0);
	plan_is_sound(&pl);
	const struct pci_bar *huge = find(&pl, 0x18, 0x10);
	CHECK(huge->high);
	CHECK_EQ(huge->addr, 0x180000000ull); /* above high RAM, 2 GiB aligned */
	/* 320 MiB do not fit in 192: one 128 MiB BAR goes high, then the rest fits low. */
	CHECK(find(&pl, 0x20, 0x10)->high);
	CHECK(!find(&pl, 0x28, 0x10)->high);
	CHECK(!find(&pl, 0x30, 0x10)->high);
	CHECK_EQ(pl.hi_start, 0x180000000ull);
	CHECK_EQ(pl.hi_end, 0x208000000ull);
}

TEST(pci_plan_honours_mmio_hole_size)
{
	struct pci_plan pl;

	add(0, 0x18, 0x10, PCI_BAR_MEM32, 16 * MiB);
	base_plan(&pl, 1);
	pl.low_mem_end = 0xC0000000;
	pl.mmio_hole_size = 1 * GiB;
	pci_plan(&pl);
	CHECK_EQ(pl.mem_start, 0xC0000000);
	CHECK_EQ(find(&pl, 0x18, 0x10)->addr, 0xC0000000);

	/* A hole smaller than the default is ignored. */
	base_plan(&pl, 1);
	pl.mmio_hole_size = 64 * MiB;
	pci_plan(&pl);
	CHECK_EQ(pl.mem_start, 0xF0000000);
}

TEST(pci_plan_bounds_mmio_hole_size_and_never_moves_the_loader)
{
	struct pci_plan pl;

	add(0, 0x18, 0x10, PCI_BAR_MEM32, 16 * MiB);
	/* Larger than xl allows (3840 MiB): the hole would start at 1 MiB, over the loader. */
	base_plan(&pl, 1);
	pl.allow_relocate = true;
	pl.mmio_hole_size = 0xFFF00000;
	pci_plan(&pl);
	CHECK_EQ(pl.mem_start, 0xF0000000);
	CHECK_EQ(pl.new_low_mem_end, pl.low_mem_end);
	base_plan(&pl, 1);
	pl.allow_relocate = true;
	pl.mmio_hole_size = 0x100000000ull;
	pci_plan(&pl);
	CHECK_EQ(pl.mem_start, 0xF0000000);

	/* xl's largest, 3840 MiB: the hole starts at 256 MiB and RAM above moves. */
	base_plan(&pl, 1);
	pl.allow_relocate = true;
	pl.low_mem_end = 0xE0000000;
	pl.mmio_hole_size = 0xF0000000;
	pci_plan(&pl);
	CHECK_EQ(pl.mem_start, 0x10000000);
	CHECK_EQ(pl.new_low_mem_end, 0x10000000);

	/* RAM the loader and its modules occupy never moves, whatever the hole asks. */
	base_plan(&pl, 1);
	pl.allow_relocate = true;
	pl.low_mem_end = 0xE0000000;
	pl.keep_end = 0x12345678;
	pl.mmio_hole_size = 0xF0000000;
	pci_plan(&pl);
	CHECK_EQ(pl.mem_start, 0x12400000);
	CHECK(pl.new_low_mem_end >= pl.keep_end);
	plan_is_sound(&pl);
}

TEST(pci_plan_steps_over_reserved_ranges)
{
	struct pci_plan pl;
	const struct e820_entry map[] = {
		{ 0x100000, 0x3700000, E820_RAM },
		{ 0xF1000000, 0x100000, E820_RESERVED }, /* an RMRR inside the default hole */
	};

	for (int i = 0; i < 4; i++)
		add(i, (uint16_t)(0x18 + 8 * i), 0x10, PCI_BAR_MEM32, 16 * MiB);
	base_plan(&pl, 4);
	pl.map = map;
	pl.map_nr = 2;
	CHECK_EQ(pci_plan(&pl), 0);
	plan_is_sound(&pl);
	/* As hvmloader: the hole then starts right after RAM. */
	CHECK_EQ(pl.mem_start, 0x3800000);
}

TEST(pci_plan_keeps_the_xen_platform_bar_out_of_the_uc_range)
{
	struct pci_plan pl;

	add(0, 0x18, 0x10, PCI_BAR_MEM32, 32 * MiB);
	add(1, 0x10, 0x14, PCI_BAR_MEM32, 16 * MiB)->top_of_hole = true;
	base_plan(&pl, 2);
	CHECK_EQ(pci_plan(&pl), 0);
	plan_is_sound(&pl);
	CHECK_EQ(find(&pl, 0x10, 0x14)->addr, 0xFB000000);
	CHECK_EQ(pl.mem_uc_end, 0xFB000000);
	CHECK_EQ(find(&pl, 0x18, 0x10)->addr, 0xF0000000);
}

TEST(pci_plan_keeps_the_top_of_hole_bar_off_reserved_ranges_and_ram)
{
	struct pci_plan pl;
	const struct e820_entry map[] = {
		{ 0x100000, 0x3700000, E820_RAM },
		{ 0xFB800000, 0x100000, E820_RESERVED }, /* an RMRR at the top of the hole */
	};

	add(0, 0x18, 0x10, PCI_BAR_MEM32, 32 * MiB);
	add(1, 0x10, 0x14, PCI_BAR_MEM32, 16 * MiB)->top_of_hole = true;
	base_plan(&pl, 2);
	pl.map = map;
	pl.map_nr = 2;
	CHECK_EQ(pci_plan(&pl), 0);
	plan_is_sound(&pl);
	CHECK_EQ(find(&pl, 0x10, 0x14)->addr, 0xFA000000);
	CHECK(pl.mem_uc_end <= 0xFA000000);

	/* RAM up to 0xFB800000 (a toolstack that left no hole): the BAR may not land on it. */
	add(0, 0x18, 0x10, PCI_BAR_MEM32, 32 * MiB);
	add(1, 0x10, 0x14, PCI_BAR_MEM32, 16 * MiB)->top_of_hole = true;
	base_plan(&pl, 2);
	pl.low_mem_end = 0xFB800000;
	pci_plan(&pl);
	plan_is_sound(&pl);
	const struct pci_bar *b = find(&pl, 0x10, 0x14);
	CHECK(!b->placed || b->addr >= 0xFB800000);
}

TEST(pci_plan_relocates_ram_only_when_allowed)
{
	struct pci_plan pl;

	for (int i = 0; i < 4; i++)
		add(i, (uint16_t)(0x18 + 8 * i), 0x10, PCI_BAR_MEM32, 64 * MiB);
	base_plan(&pl, 4);
	pl.low_mem_end = 0xF0000000;
	pl.allow_relocate = true;
	CHECK_EQ(pci_plan(&pl), 0);
	plan_is_sound(&pl);
	CHECK_EQ(pl.mem_start, 0xE0000000);
	CHECK_EQ(pl.new_low_mem_end, 0xE0000000);
	CHECK_EQ(pl.new_high_mem_end, 0x110000000ull);
}

TEST(pci_plan_io_exhaustion_and_random_shapes)
{
	struct pci_plan pl;

	/* 16 KiB of I/O space: five 4 KiB BARs cannot all fit. */
	for (int i = 0; i < 5; i++)
		add(i, (uint16_t)(0x18 + 8 * i), 0x10, PCI_BAR_IO, 4096);
	base_plan(&pl, 5);
	CHECK_EQ(pci_plan(&pl), 1);
	plan_is_sound(&pl);

	srand(5);
	for (int round = 0; round < 300; round++) {
		int n = 1 + rand() % 40;
		for (int i = 0; i < n; i++) {
			uint8_t kind = (uint8_t)(rand() % 4);
			uint64_t size = kind == PCI_BAR_IO ? 4ull << (rand() % 10) : 4096ull << (rand() % 20);
			add(i, (uint16_t)(i * 8), (uint8_t)(0x10 + 4 * (i % 6)), kind, size);
		}
		base_plan(&pl, n);
		pl.low_mem_end = (uint64_t)(rand() % 0xF0) << 24;
		pl.high_mem_end = rand() % 2 ? 0 : 0x100000000ull + ((uint64_t)(rand() % 64) << 28);
		pl.allow_relocate = rand() % 4 == 0;
		pl.phys_bits = 36 + (uint32_t)(rand() % 10);
		pci_plan(&pl);
		if (!plan_is_sound(&pl))
			return;
	}
}
