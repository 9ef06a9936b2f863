/* SPDX-License-Identifier: GPL-2.0-only */
/* struct boot: what the boot built for the payload, kept apart from the probed struct platform. */
#ifndef HVMCHAIN_BOOT_H
#define HVMCHAIN_BOOT_H

#include <stdint.h>

/* At most one of each table a payload is told about, with room for SMBIOS 2 and 3. */
#define BOOT_MAX_TABLES 8

struct boot {
	/* Where the payload was placed: [bios_base, 1 MiB). */
	uint32_t bios_base;
	/* 0, or where low RAM ends after the payload moved pages from its top into the MMIO hole
	 * (the OVMF flash, when the domain's allowance is used up). */
	uint64_t low_ram_end;

	/* Physical addresses of the tables handed to the payload, in the order it gets them. */
	uint32_t tables_nr;
	uint32_t tables[BOOT_MAX_TABLES];
};

#endif
