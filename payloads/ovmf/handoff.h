/* SPDX-License-Identifier: GPL-2.0-only */
/* The "XenHVMOVMF" block at 0x1000, the low copies OVMF's Xen drivers scan for, and the image check. */
#ifndef HVMCHAIN_OVMF_HANDOFF_H
#define HVMCHAIN_OVMF_HANDOFF_H

#include <stddef.h>
#include <stdint.h>
#include "e820.h"
#include "arena.h"

/* edk2 OvmfPkg/XenPlatformPei (OVMF_INFO_PHYSICAL_ADDRESS) reads the block here. */
#define OVMF_INFO_PHYS 0x1000u

/* "XenHVMOVMF" padded with NULs to 14 bytes: XenPlatformPei compares it as a C string. */
#define OVMF_INFO_SIGNATURE "XenHVMOVMF"

/*
 * Layout of hvmloader's struct ovmf_info (Xen 4.17 tools/firmware/hvmloader/ovmf.c) and
 * edk2's EFI_XEN_OVMF_INFO (OvmfPkg/XenPlatformPei/Xen.h). edk2 2022.11 uses only the
 * signature and the e820 fields: with e820_nr 0 it would ask Xen for the toolstack's raw map
 * instead, which lacks the loader's reservations.
 */
struct ovmf_info {
	char signature[14]; /* OVMF_INFO_SIGNATURE, NUL padded */
	uint8_t length;     /* sizeof(struct ovmf_info) */
	uint8_t checksum;   /* makes bytes [0, length) sum to 0 */
	uint64_t tables;    /* physical address of a uint64_t array of table addresses */
	uint32_t tables_nr; /* entries in it */
	uint64_t e820;      /* physical address of struct e820_entry[e820_nr] */
	uint32_t e820_nr;
} __attribute__((packed));

_Static_assert(sizeof(struct ovmf_info) == 40, "XenHVMOVMF block is 40 bytes");
_Static_assert(offsetof(struct ovmf_info, length) == 14, "length at 14");
_Static_assert(offsetof(struct ovmf_info, checksum) == 15, "checksum at 15");
_Static_assert(offsetof(struct ovmf_info, tables) == 16, "tables at 16");
_Static_assert(offsetof(struct ovmf_info, tables_nr) == 24, "tables_nr at 24");
_Static_assert(offsetof(struct ovmf_info, e820) == 28, "e820 at 28");
_Static_assert(offsetof(struct ovmf_info, e820_nr) == 36, "e820_nr at 36");

/*
 * OVMF's Xen drivers find the tables by scanning low memory, not through the block:
 * XenAcpiPlatformDxe looks for "RSD PTR " from 0xEA020 (XEN_ACPI_PHYSICAL_ADDRESS) in 16-byte
 * steps up to 1 MiB, and SmbiosPlatformDxe (X86Xen.c) for a 2.1 "_SM_" entry point in
 * [0xEB000, 0xF0000). hvmloader builds them there (rombios config.h ACPI_PHYSICAL_ADDRESS,
 * SMBIOS_PHYSICAL_ADDRESS); we build them in the tables area and copy the two entry points.
 */
#define OVMF_LOW_BASE 0xEA000u
#define OVMF_LOW_END 0xF0000u
#define OVMF_RSDP_PHYS 0xEA020u
#define OVMF_SMBIOS_PHYS 0xEB000u

/* The reset-vector chunk: the image's last 64 KiB go to [0xF0000, 1 MiB), where F000:FFF0 lands. */
#define OVMF_LOWCHUNK_PHYS 0xF0000u
#define OVMF_LOWCHUNK_SIZE 0x10000u

/*
 * The flash sits at 4 GiB minus its size rounded up to 1 MiB (hvmloader's OVMF_BEGIN). It must
 * stay above Xen's special pages, which end at 0xFF000000 (X86_HVM_END_SPECIAL_REGION), and
 * the IOAPIC/HPET/LAPIC windows below them: 16 MiB at most.
 */
#define OVMF_FLASH_ALIGN 0x100000u
#define OVMF_MAX_SIZE 0x1000000u

/* A table the loader built: its guest-physical address and its bytes as the loader sees them. */
struct ovmf_table {
	uint32_t paddr;
	const uint8_t *data;
};

/* What ovmf_handoff_build() placed in low memory. */
struct ovmf_placed {
	uint32_t rsdp;   /* OVMF_RSDP_PHYS, or 0 when no RSDP was among the tables */
	uint32_t smbios; /* OVMF_SMBIOS_PHYS, or 0 when no SMBIOS 2.1 entry point was */
};

#define OVMF_MAX_TABLES 8

/*
 * Fills *info (the block; at 0x1000 on the target): copies the RSDP and the SMBIOS 2.1 entry
 * point among tables[] into low (which maps [OVMF_LOW_BASE, OVMF_LOW_END)), lists the copies
 * as the block's 64-bit table array, and hands over e820 with [0xF0000, 1 MiB) and the flash
 * [flash_base, 4 GiB) reserved. Arrays come from scratch (low memory OVMF's PEI reads before it
 * reuses it). MP and $PIR tables are not for OVMF and are skipped. Returns 0, -ERR_NOSPC when
 * scratch or the map is full, -ERR_RANGE for too many tables or a bad flash range.
 */
int ovmf_handoff_build(struct ovmf_info *info, struct arena *scratch, uint8_t *low, const struct ovmf_table *tables,
		       uint32_t nr_tables, const struct e820_map *e820, uint64_t flash_base,
		       struct ovmf_placed *placed);

/*
 * Checks an OVMF flash image: a non-zero multiple of 64 KiB up to OVMF_MAX_SIZE, a near jump
 * in its reset vector (the last 16 bytes; edk2's ResetVector ends in one, SeaBIOS has a far
 * jump there) and a UEFI firmware volume ("_FVH" at offset 40 of a 64 KiB block). On success
 * *base is where it goes: 4 GiB minus its size rounded up to 1 MiB. Returns 0, or -ERR_INVAL
 * with what is wrong in why.
 */
int ovmf_image_check(const uint8_t *img, uint64_t size, uint64_t *base, char *why, size_t why_len);

#endif
