/* SPDX-License-Identifier: GPL-2.0-only */
/* The BIOS E820 memory map: entry layout (as Xen's XENMEM_memory_map and SeaBIOS use it) and the bounded map. */
#ifndef HVMCHAIN_E820_H
#define HVMCHAIN_E820_H

#include <stddef.h>
#include <stdint.h>

/* Range types, ACPI 6.5 table 15.4 (Address Range Types). */
#define E820_RAM 1
#define E820_RESERVED 2
#define E820_ACPI 3
#define E820_NVS 4
#define E820_UNUSABLE 5

/* One range; 20 bytes packed, the layout of INT 15h AX=E820h, Xen's struct e820entry and
 * SeaBIOS's struct e820entry alike, so arrays pass between them unchanged. */
struct e820_entry {
	uint64_t addr; /* first byte of the range */
	uint64_t size; /* length in bytes, never 0 in a built map */
	uint32_t type; /* E820_* */
} __attribute__((packed));

_Static_assert(sizeof(struct e820_entry) == 20, "E820 entry is 20 bytes");
_Static_assert(offsetof(struct e820_entry, size) == 8, "E820 size at offset 8");
_Static_assert(offsetof(struct e820_entry, type) == 16, "E820 type at offset 16");

/*
 * The map handed to the payload. SeaBIOS 1.16 keeps at most 32 entries (BUILD_MAX_E820 in
 * src/config.h) and drops the rest with "Overflowed e820 list!", so a larger map would be
 * lost on the way; hvmloader used a 16-entry array it never bounds-checked.
 */
#define E820_MAX 32

struct e820_map {
	uint32_t nr;
	struct e820_entry entry[E820_MAX];
};

/* The toolstack's XENMEM_memory_map can hold up to 128 entries (hvmloader's E820MAX). */
#define E820_TOOLSTACK_MAX 128

#endif
