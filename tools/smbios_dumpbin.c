/* SPDX-License-Identifier: GPL-2.0-only */
/* SMBIOS in dmidecode's --dump-bin file format (dmidecode(8), BINARY DUMP FILE FORMAT). */
#include <stdio.h>
#include <string.h>
#include "lib/checksum.h"
#include "tools/smbios_dumpbin.h"

bool smbios_write_dump_bin(const char *path, const uint8_t *ep, const uint8_t *table, size_t table_len)
{
	uint8_t head[32] = { 0 };
	FILE *f;

	if (!memcmp(ep, "_SM3_", 5)) {
		/* SMBIOS 3.0 entry point: 64-bit table address at 0x10, checksum at 5 over 0x18. */
		memcpy(head, ep, 0x18);
		memset(head + 0x10, 0, 8);
		head[0x10] = 0x20;
		checksum8_fill(head, 0x18, &head[5]);
	} else {
		/* 2.1 entry point: 32-bit address at 0x18 in the "_DMI_" part (checksum 0x15 over
		 * [0x10, 0x1F)), then the whole entry point's checksum at 4. */
		memcpy(head, ep, 0x1F);
		memset(head + 0x18, 0, 4);
		head[0x18] = 0x20;
		checksum8_fill(head + 0x10, 0x0F, &head[0x15]);
		checksum8_fill(head, 0x1F, &head[4]);
	}
	f = fopen(path, "wb");
	if (!f)
		return false;
	bool ok = fwrite(head, 1, sizeof(head), f) == sizeof(head) && fwrite(table, 1, table_len, f) == table_len;
	return fclose(f) == 0 && ok;
}
