/* SPDX-License-Identifier: GPL-2.0-only */
/* struct platform: every fact probed from Xen and the hardware, in plain data, for the builders. */
#ifndef HVMCHAIN_PLATFORM_H
#define HVMCHAIN_PLATFORM_H

#include <stdbool.h>
#include <stdint.h>
#include <e820.h>
#include "start_info.h"
#include "xen/xen.h"

struct platform {
	struct xen_info xen;

	/* hvm_start_info, from %ebx at entry. */
	uint32_t start_info_paddr;
	bool start_info_valid;
	struct start_info_result start_info;

	/* The toolstack's memory map (XENMEM_memory_map). */
	uint32_t memmap_nr;
	struct e820_entry memmap[E820_TOOLSTACK_MAX];

	/* The loader image in guest memory. */
	uint32_t image_start, image_end;

	/* Where the payload was placed: [bios_base, 1 MiB). */
	uint32_t bios_base;

	/* Physical addresses of the tables handed to the payload (none yet). */
	uint32_t tables_nr;
	uint32_t tables[8];
};

#endif
