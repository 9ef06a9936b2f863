/* SPDX-License-Identifier: GPL-2.0-only */
/* The legacy BIOS table builders: SMBIOS, MP 1.4 and $PIR, from struct platform into an arena. */
#ifndef HVMCHAIN_TABLES_H
#define HVMCHAIN_TABLES_H

#include <stdint.h>
#include "arena.h"
#include "platform.h"

/*
 * Each builder reads only *p, writes only through a (which must lie below 4 GiB: every
 * consumer takes 32-bit addresses) and returns 0 or -ERR_*; on error nothing it returned
 * is valid, and the caller boots on without the table. Toolstack input that is malformed
 * is logged and skipped, never fatal.
 */

/*
 * SMBIOS 3.0 structures with both entry points. *ep21_paddr is 0 when the table cannot be
 * described by the 32-bit entry point (larger than 64 KiB); *ep30_paddr is always set on
 * success. SeaBIOS copies the entry points into its F-segment; the structure table stays
 * where it is built, so the arena must be memory the e820 map reserves.
 */
int smbios_build(const struct platform *p, struct arena *a, uint32_t *ep21_paddr, uint32_t *ep30_paddr);

/*
 * The MP floating pointer followed by its configuration table. Returns -ERR_NOENT when the
 * guest has no I/O APIC (p->apic_mode false): there is then nothing an MP table could say.
 * SeaBIOS copies both into its F-segment, but only when together they fit in
 * MPTABLE_SEABIOS_MAX bytes; the builder logs when they do not.
 */
int mptable_build(const struct platform *p, struct arena *a, uint32_t *mpfp_paddr);

/* SeaBIOS 1.16 BUILD_MAX_MPTABLE_FSEG (src/config.h): larger MP tables are not copied. */
#define MPTABLE_SEABIOS_MAX 600u

/*
 * The $PIR table, one slot entry per bus-0 device with an interrupt pin; -ERR_NOENT when no
 * device has one. SeaBIOS copies it into its F-segment.
 */
int pir_build(const struct platform *p, struct arena *a, uint32_t *pir_paddr);

/*
 * Arena bytes each builder needs at most: PLATFORM_MAX_VCPUS vCPUs, every bios-strings
 * value and all 99 OEM strings at full length, 256 memory devices, all 256 PCI functions
 * with pins (tests/loader/tables/arena_sizes_test.c checks these). SMBIOS also copies the
 * smbios_firmware blob's structures, so its size grows with the blob, and with a blob it
 * needs an 8 KiB handle bitmap while it writes.
 */
#define SMBIOS_ARENA_MAX(blob_len) (0x9000u + (blob_len) + ((blob_len) ? 0x2000u : 0))
#define MPTABLE_ARENA_MAX 0x1000u
#define PIR_ARENA_MAX 0x400u

#endif
