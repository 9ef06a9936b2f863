/* SPDX-License-Identifier: GPL-2.0-only */
/* CMOS memory sizes, through the hw/isa.h CMOS accessors (faked in host tests). */
#include "cmos.h"
#include "hw/isa.h"

static void write16(uint8_t lo_reg, uint8_t hi_reg, uint64_t v)
{
	if (v > 0xFFFF)
		v = 0xFFFF;
	cmos_write(lo_reg, (uint8_t)v);
	cmos_write(hi_reg, (uint8_t)(v >> 8));
}

void cmos_write_memory_size(uint64_t low_end)
{
	uint64_t ext_kib = low_end > 0x100000 ? (low_end - 0x100000) >> 10 : 0;
	uint64_t alt_64k = low_end > 0x1000000 ? (low_end - 0x1000000) >> 16 : 0;

	write16(0x15, 0x16, 640);
	write16(0x17, 0x18, ext_kib);
	write16(0x30, 0x31, ext_kib);
	write16(0x34, 0x35, alt_64k);
}
