/* SPDX-License-Identifier: GPL-2.0-only */
/* Pure builders for OVMF: the 0x1000 block, the low RSDP/SMBIOS copies and the image check; host-tested. */
#include <stdbool.h>
#include <string.h>
#include "e820_build.h"
#include "err.h"
#include "lib/checksum.h"
#include "lib/printf.h"
#include "payloads/ovmf/handoff.h"

#define FOUR_GIB 0x100000000ull
#define ONE_MIB 0x100000u

/* ACPI 6.5 5.2.5.3: 20 bytes in revision 0 (ACPI 1.0), 36 from revision 2 on. */
static uint32_t rsdp_len(const uint8_t *rsdp)
{
	return rsdp[15] >= 2 ? 36 : 20;
}

int ovmf_handoff_build(struct ovmf_info *info, struct arena *scratch, uint8_t *low, const struct ovmf_table *tables,
		       uint32_t nr_tables, const struct e820_map *e820, uint64_t flash_base, struct ovmf_placed *placed)
{
	struct e820_map map; /* 644 bytes; the loader stack is 16 KiB */
	uint64_t list[OVMF_MAX_TABLES];
	uint32_t nr_list = 0;
	int rc;

	if (nr_tables > OVMF_MAX_TABLES || e820->nr > E820_MAX)
		return -ERR_RANGE;
	if (flash_base < FOUR_GIB - OVMF_MAX_SIZE || flash_base >= FOUR_GIB || flash_base % OVMF_FLASH_ALIGN)
		return -ERR_RANGE;

	memset(placed, 0, sizeof(*placed));
	for (uint32_t i = 0; i < nr_tables; i++) {
		const uint8_t *t = tables[i].data;

		if (!placed->rsdp && !memcmp(t, "RSD PTR ", 8)) {
			memcpy(low + (OVMF_RSDP_PHYS - OVMF_LOW_BASE), t, rsdp_len(t));
			placed->rsdp = OVMF_RSDP_PHYS;
			list[nr_list++] = OVMF_RSDP_PHYS;
		} else if (!placed->smbios && !memcmp(t, "_SM_", 4)) {
			/* SMBIOS 3.7 table 1: the 2.1 entry point is 0x1F bytes (length at offset 5);
			 * its structure table address stays valid in the copy. */
			uint8_t len = t[5];

			if (len < 0x1F || len > 0x20)
				continue;
			memcpy(low + (OVMF_SMBIOS_PHYS - OVMF_LOW_BASE), t, len);
			placed->smbios = OVMF_SMBIOS_PHYS;
			list[nr_list++] = OVMF_SMBIOS_PHYS;
		}
		/* "_SM3_", MP and $PIR: OVMF's Xen code reads none of them. */
	}

	/* The reset-vector chunk and the flash must stay out of the OS's RAM; hvmloader's map
	 * reserves [0xF0000, 1 MiB) and [0xFC000000, 4 GiB), which holds a flash of 16 MiB at most. */
	map = *e820;
	rc = e820_add(&map, OVMF_LOWCHUNK_PHYS, ONE_MIB - OVMF_LOWCHUNK_PHYS, E820_RESERVED);
	if (!rc)
		rc = e820_add(&map, flash_base, FOUR_GIB - flash_base, E820_RESERVED);
	if (rc)
		return rc;

	memset(info, 0, sizeof(*info));
	memcpy(info->signature, OVMF_INFO_SIGNATURE, sizeof(OVMF_INFO_SIGNATURE));
	info->length = sizeof(*info);
	if (nr_list) {
		uint64_t *l = arena_alloc(scratch, nr_list * sizeof(*l), 8);

		if (!l)
			return -ERR_NOSPC;
		memcpy(l, list, nr_list * sizeof(*l));
		info->tables = arena_v2p(scratch, l);
		info->tables_nr = nr_list;
	}
	struct e820_entry *m = arena_alloc(scratch, map.nr * sizeof(*m), 8);
	if (!m)
		return -ERR_NOSPC;
	memcpy(m, map.entry, map.nr * sizeof(*m));
	info->e820 = arena_v2p(scratch, m);
	info->e820_nr = map.nr;
	checksum8_fill(info, info->length, &info->checksum);
	return 0;
}

int ovmf_image_check(const uint8_t *img, uint64_t size, uint64_t *base, char *why, size_t why_len)
{
	if (size < OVMF_LOWCHUNK_SIZE || size % OVMF_LOWCHUNK_SIZE) {
		fmt_snprintf(why, why_len, "%llu bytes, not a multiple of 64 KiB as a UEFI flash image is",
			     (unsigned long long)size);
		return -ERR_INVAL;
	}
	if (size > OVMF_MAX_SIZE) {
		fmt_snprintf(why, why_len, "%llu bytes, more than the %u MiB below 4 GiB a flash may take",
			     (unsigned long long)size, OVMF_MAX_SIZE >> 20);
		return -ERR_INVAL;
	}
	/*
	 * The CPU's first instruction (F000:FFF0) is the image's last 16 bytes. edk2's
	 * ResetVectorVtf0.asm puts a near jump there ("jmp near" = E9, after NOPs or a CR0 test);
	 * a SeaBIOS image has a far jump (EA) instead.
	 */
	const uint8_t *rv = img + size - 16;
	if (rv[0] == 0xEA) {
		fmt_snprintf(why, why_len, "a legacy BIOS image (far jump at its reset vector)");
		return -ERR_INVAL;
	}
	bool near_jump = false;
	for (int i = 0; i < 16; i++)
		near_jump |= rv[i] == 0xE9;
	if (!near_jump) {
		fmt_snprintf(why, why_len, "without a reset vector (no near jump in its last 16 bytes)");
		return -ERR_INVAL;
	}
	/* PI spec 1.7 vol. 3 3.2.1: EFI_FIRMWARE_VOLUME_HEADER.Signature is at offset 40 of a
	 * volume. OvmfPkgX64's flash starts with one (the variable store); OvmfXen's starts with an
	 * ELF header for PVH boot and has its first volume at 128 KiB. Volumes start on 64 KiB
	 * boundaries in both. */
	bool volume = false;
	for (uint64_t off = 0; off < size && !volume; off += OVMF_LOWCHUNK_SIZE)
		volume = !memcmp(img + off + 40, "_FVH", 4);
	if (!volume) {
		fmt_snprintf(why, why_len, "without a UEFI firmware volume (no \"_FVH\" header at a 64 KiB boundary)");
		return -ERR_INVAL;
	}
	*base = FOUR_GIB - ((size + OVMF_FLASH_ALIGN - 1) & ~(uint64_t)(OVMF_FLASH_ALIGN - 1));
	return 0;
}
