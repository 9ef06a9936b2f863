/* SPDX-License-Identifier: GPL-2.0-only */
/* The CMOS memory-size bytes legacy software reads (IBM AT layout, as hvmloader writes them). */
#ifndef HVMCHAIN_CMOS_H
#define HVMCHAIN_CMOS_H

#include <stdint.h>

/* 0x15/0x16 base KiB (640), 0x17/0x18 and 0x30/0x31 KiB above 1 MiB, 0x34/0x35 64 KiB
 * units above 16 MiB; each capped at 0xFFFF. low_end: where RAM below 4 GiB ends. */
void cmos_write_memory_size(uint64_t low_end);

#endif
