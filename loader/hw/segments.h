/* SPDX-License-Identifier: GPL-2.0-only */
/* GDT selectors, shared by the entry code and the real-mode trampoline. */
#ifndef HVMCHAIN_HW_SEGMENTS_H
#define HVMCHAIN_HW_SEGMENTS_H

#define SEL_CODE32 0x08 /* flat 4 GiB, 32-bit */
#define SEL_DATA32 0x10
#define SEL_CODE16 0x18 /* base 0, limit 64 KiB, 16-bit: the step down to real mode */
#define SEL_DATA16 0x20
/* The GDT's limit: it ends with the last selector's descriptor (entry.S checks its table). */
#define BOOT_GDT_LIMIT (SEL_DATA16 + 7)

#endif
