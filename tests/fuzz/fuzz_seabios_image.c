/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes the SeaBIOS payload image check: accepted images are 128/256 KiB ending in a far jump to F000. */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "harness.h"
#include "payloads/seabios/handoff.h"

/*
 * Input: a size selector (4 bytes: 128 KiB, 256 KiB or the value itself below 1 MiB), then
 * the image's last bytes (the reset vector lives 16 bytes from the end); the rest is zero.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	uint32_t sel = fuzz_u32(&in), base = 0;
	char why[160];
	uint64_t len = sel % 4 == 0 ? 128 * 1024 : sel % 4 == 1 ? 256 * 1024 : (sel >> 2) % (1u << 20);

	uint8_t *img = calloc(1, len ? len : 1);
	size_t tail = in.len < len ? in.len : len;
	memcpy(img + len - tail, in.data, tail);
	if (!seabios_image_check(img, len, &base, why, sizeof(why))) {
		CHECK(len == 128 * 1024 || len == 256 * 1024);
		CHECK(base + len == 0x100000);
		CHECK(img[len - 16] == 0xEA && img[len - 13] == 0x00 && img[len - 12] == 0xF0);
	} else {
		CHECK(why[0] != '\0');
	}
	free(img);
	return 0;
}
