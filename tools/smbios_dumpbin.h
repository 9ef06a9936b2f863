/* SPDX-License-Identifier: GPL-2.0-only */
/* SMBIOS in dmidecode's --dump-bin file format, shared by hvmchain-tables and tables-check. */
#ifndef HVMCHAIN_TOOLS_SMBIOS_DUMPBIN_H
#define HVMCHAIN_TOOLS_SMBIOS_DUMPBIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Writes path as dmidecode(8) "BINARY DUMP FILE FORMAT" wants it: the entry point at offset 0
 * with its table address rewritten to 0x20 and its checksums fixed, the structure table at
 * 0x20. ep is a 0x18-byte "_SM3_" or 0x1F-byte "_SM_" entry point. False on an I/O error.
 */
bool smbios_write_dump_bin(const char *path, const uint8_t *ep, const uint8_t *table, size_t table_len);

#endif
