/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes the SeaBIOS payload image check: accepted images are 128/256 KiB ending in a far jump to F000. */
#include <stdlib.h>
#include <string.h>
#include <sanitizer/asan_interface.h>
#include "fuzz.h"
#include "harness.h"
#include "payloads/seabios/handoff.h"

#define MAX_LEN (1u << 20)

/*
 * Input: a size selector (4 bytes: 128 KiB, 256 KiB or the value itself below 1 MiB), then
 * the image's last bytes (the reset vector lives 16 bytes from the end); the rest is zero.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	uint32_t sel = fuzz_u32(&in), base = 0;
	char why[160];
	uint64_t len = sel % 4 == 0 ? 128 * 1024 : sel % 4 == 1 ? 256 * 1024 : (sel >> 2) % MAX_LEN;
	/*
	 * One zeroed buffer for all inputs (a fresh allocation of up to 1 MiB per input ran at a
	 * few hundred inputs a second under ASan). The image ends where the buffer does, so a
	 * read past its end lands in ASan's redzone; the 64 KiB before it are poisoned.
	 */
	static uint8_t *buf;
	if (!buf)
		buf = calloc(1, MAX_LEN);
	uint8_t *img = buf + MAX_LEN - len;
	uint64_t guard = MAX_LEN - len < 0x10000 ? MAX_LEN - len : 0x10000;
	size_t tail = in.len < len ? in.len : len;

	ASAN_POISON_MEMORY_REGION(img - guard, guard);
	memcpy(img + len - tail, in.data, tail);
	if (!seabios_image_check(img, len, &base, why, sizeof(why))) {
		CHECK(len == 128 * 1024 || len == 256 * 1024);
		CHECK(base + len == 0x100000);
		CHECK(img[len - 16] == 0xEA && img[len - 13] == 0x00 && img[len - 12] == 0xF0);
	} else {
		CHECK(why[0] != '\0');
	}
	memset(img + len - tail, 0, tail);
	ASAN_UNPOISON_MEMORY_REGION(img - guard, guard);
	return 0;
}
