/* SPDX-License-Identifier: GPL-2.0-only */
/* The "XenHVMSeaBIOS" block at 0x1000: SeaBIOS's only source of tables and memory map on Xen. */
#ifndef HVMCHAIN_SEABIOS_HANDOFF_H
#define HVMCHAIN_SEABIOS_HANDOFF_H

#include <stddef.h>
#include <stdint.h>
#include "e820.h"
#include "arena.h"

/* SeaBIOS src/fw/xen.c reads the block here (INFO_PHYSICAL_ADDRESS). */
#define SEABIOS_INFO_PHYS 0x1000u

/* "XenHVMSeaBIOS" and its NUL: SeaBIOS compares all 14 bytes. */
#define SEABIOS_INFO_SIGNATURE "XenHVMSeaBIOS"

/*
 * SeaBIOS 1.16.2 takes its Xen path only if the signature matches, length is at least the
 * size of this struct and the bytes [0, length) sum to zero (xen.c validate_info()).
 */
struct seabios_info {
	char signature[14]; /* SEABIOS_INFO_SIGNATURE, NUL included */
	uint8_t length;     /* sizeof(struct seabios_info) */
	uint8_t checksum;   /* makes bytes [0, length) sum to 0 */
	uint32_t tables;    /* physical address of a uint32_t array of table addresses */
	uint32_t tables_nr; /* entries in it: RSDP, SMBIOS entry point, MP floating pointer, $PIR */
	uint32_t e820;      /* physical address of struct e820_entry[e820_nr] */
	uint32_t e820_nr;
} __attribute__((packed));

_Static_assert(sizeof(struct seabios_info) == 32, "XenHVMSeaBIOS block is 32 bytes");
_Static_assert(offsetof(struct seabios_info, length) == 14, "length at 14");
_Static_assert(offsetof(struct seabios_info, checksum) == 15, "checksum at 15");
_Static_assert(offsetof(struct seabios_info, tables) == 16, "tables at 16");
_Static_assert(offsetof(struct seabios_info, tables_nr) == 20, "tables_nr at 20");
_Static_assert(offsetof(struct seabios_info, e820) == 24, "e820 at 24");
_Static_assert(offsetof(struct seabios_info, e820_nr) == 28, "e820_nr at 28");

/* At most one of each table SeaBIOS's copy_table() knows, with room for SMBIOS 2 and 3. */
#define SEABIOS_MAX_TABLES 8

/*
 * Fills *info (the block; at 0x1000 on the target) with the table list and the map, whose
 * arrays are allocated from scratch (low memory SeaBIOS reads before reusing it), then
 * checksums it. Returns 0, -ERR_NOSPC when scratch is full, -ERR_RANGE for too many tables.
 */
int seabios_handoff_build(struct seabios_info *info, struct arena *scratch, const uint32_t *tables, uint32_t nr_tables,
			  const struct e820_map *e820);

/* SeaBIOS image sizes the loader accepts: 128 KiB (0xE0000) and 256 KiB (0xC0000). */
#define SEABIOS_SIZE_128K 0x20000u
#define SEABIOS_SIZE_256K 0x40000u

/*
 * Checks a SeaBIOS image: 128 or 256 KiB, ending in a far jump to segment F000 in its last
 * 16 bytes (the reset vector a CPU, and our real-mode jump to F000:FFF0, lands on), built
 * for Xen (it contains the "XenHVMSeaBIOS" signature). On
 * success *base is where it must go (1 MiB minus its size). Returns 0, or -ERR_INVAL with
 * the reason in why.
 */
int seabios_image_check(const uint8_t *img, uint64_t size, uint32_t *base, char *why, size_t why_len);

#endif
