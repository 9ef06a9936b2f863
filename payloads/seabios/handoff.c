/* SPDX-License-Identifier: GPL-2.0-only */
/* Pure builders for SeaBIOS: the 0x1000 block and the image check; host-tested. */
#include <stdbool.h>
#include <string.h>
#include "err.h"
#include "lib/checksum.h"
#include "lib/printf.h"
#include "payloads/seabios/handoff.h"

int seabios_handoff_build(struct seabios_info *info, struct arena *scratch, const uint32_t *tables, uint32_t nr_tables,
			  const struct e820_map *e820)
{
	if (nr_tables > SEABIOS_MAX_TABLES || e820->nr > E820_MAX)
		return -ERR_RANGE;

	memset(info, 0, sizeof(*info));
	memcpy(info->signature, SEABIOS_INFO_SIGNATURE, sizeof(info->signature));
	info->length = sizeof(*info);

	if (nr_tables) {
		uint32_t *list = arena_alloc(scratch, nr_tables * sizeof(*list), 4);

		if (!list)
			return -ERR_NOSPC;
		memcpy(list, tables, nr_tables * sizeof(*list));
		info->tables = (uint32_t)arena_v2p(scratch, list);
		info->tables_nr = nr_tables;
	}
	if (e820->nr) {
		struct e820_entry *map = arena_alloc(scratch, e820->nr * sizeof(*map), 8);

		if (!map)
			return -ERR_NOSPC;
		memcpy(map, e820->entry, e820->nr * sizeof(*map));
		info->e820 = (uint32_t)arena_v2p(scratch, map);
		info->e820_nr = e820->nr;
	}
	checksum8_fill(info, info->length, &info->checksum);
	return 0;
}

/* Does the image contain SEABIOS_INFO_SIGNATURE (without its NUL) anywhere? */
static bool seabios_has_signature(const uint8_t *img, uint64_t size)
{
	const size_t n = sizeof(SEABIOS_INFO_SIGNATURE) - 1;
	const uint8_t *p = img, *last = img + size - n; /* size is 128 or 256 KiB here */

	/* memchr to each candidate first byte: the image is mostly code that never matches. */
	while (p <= last && (p = memchr(p, SEABIOS_INFO_SIGNATURE[0], (size_t)(last - p) + 1)) != NULL) {
		if (!memcmp(p, SEABIOS_INFO_SIGNATURE, n))
			return true;
		p++;
	}
	return false;
}

int seabios_image_check(const uint8_t *img, uint64_t size, uint32_t *base, char *why, size_t why_len)
{
	if (size != SEABIOS_SIZE_128K && size != SEABIOS_SIZE_256K) {
		fmt_snprintf(why, why_len, "%llu bytes; expected %u (128 KiB) or %u (256 KiB)",
			     (unsigned long long)size, SEABIOS_SIZE_128K, SEABIOS_SIZE_256K);
		return -ERR_INVAL;
	}
	/* SeaBIOS romlayout.S: reset_vector is "ljmpw $SEG_BIOS, $entry_post" = EA off16 seg16. */
	const uint8_t *rv = img + size - 16;
	if (rv[0] != 0xEA || rv[3] != 0x00 || rv[4] != 0xF0) {
		fmt_snprintf(why, why_len, "no far jump to F000 at its reset vector (bytes %02x %02x %02x %02x %02x)",
			     rv[0], rv[1], rv[2], rv[3], rv[4]);
		return -ERR_INVAL;
	}
	/*
	 * SeaBIOS carries its Xen support only when built with CONFIG_XEN; src/fw/xen.c then holds
	 * the signature it compares at 0x1000. Without it SeaBIOS ignores our tables and e820 and
	 * probes for QEMU's fw_cfg, which Xen does not offer: Debian's bios.bin and
	 * bios-microvm.bin are such images, its bios-256k.bin is Xen's.
	 */
	if (!seabios_has_signature(img, size)) {
		fmt_snprintf(why, why_len,
			     "not built for Xen (no \"" SEABIOS_INFO_SIGNATURE "\" signature); "
			     "use /usr/share/seabios/bios-256k.bin or hvmchain's bios-xen-128k.bin");
		return -ERR_INVAL;
	}
	*base = (uint32_t)(0x100000u - size);
	return 0;
}
