/* SPDX-License-Identifier: GPL-2.0-only */
/* Building the E820 map: pure functions over a bounded struct e820_map. */
#ifndef HVMCHAIN_E820_BUILD_H
#define HVMCHAIN_E820_BUILD_H

#include <stdbool.h>
#include "e820.h"

void e820_init(struct e820_map *m);

/*
 * Adds [addr, addr+size) of the given type. The map stays sorted, without overlaps, with
 * touching ranges of one type merged; where ranges overlap the stronger type wins
 * (reserved > unusable > NVS > ACPI > RAM), so RAM never shadows a reservation.
 * Returns 0, -ERR_INVAL for a range that wraps past 2^64 or an unknown type, or
 * -ERR_NOSPC when the result would not fit in E820_MAX entries (the map is then unchanged).
 */
int e820_add(struct e820_map *m, uint64_t addr, uint64_t size, uint32_t type);

/* Inputs for the map a SeaBIOS guest gets. */
struct e820_layout {
	const struct e820_entry *toolstack; /* XENMEM_memory_map entries */
	uint32_t toolstack_nr;
	uint32_t bios_base; /* where the BIOS image starts; it runs up to 1 MiB */
	/* The firmware tables area [tables_start, tables_end) at 0xFC000000 (ACPI, SMBIOS, MP):
	 * NVS, so no OS or boot loader reuses it (Xen de6d188a51: an initrd once landed on
	 * tables marked "ACPI data"). Empty when equal. */
	uint64_t tables_start, tables_end;
	/* When RAM was moved out of the MMIO hole: toolstack RAM at or above low_ram_end (and
	 * below 4 GiB) is gone, and [4 GiB, high_ram_end) is RAM. Both 0 when nothing moved. */
	uint64_t low_ram_end, high_ram_end;
};

/*
 * The map as hvmloader builds it for SeaBIOS: conventional memory [0, 0xA0000) as RAM
 * (the toolstack's map starts at 1 MiB), the BIOS image [bios_base, 1 MiB) reserved, the
 * toolstack's ranges, the tables area as NVS, and the rest of [0xFC000000, 4 GiB) reserved
 * for Xen's special pages and the IOAPIC/HPET/LAPIC windows. Returns 0 or the first
 * e820_add error.
 */
int e820_build(struct e820_map *m, const struct e820_layout *in);

/* "RAM", "RESERVED", "ACPI", "NVS", "UNUSABLE" or "TYPE?" */
const char *e820_type_name(uint32_t type);

/* Prints "E820 table:" and the map the way hvmloader does, with HOLE lines between ranges. */
void e820_dump(const struct e820_map *m);

#endif
