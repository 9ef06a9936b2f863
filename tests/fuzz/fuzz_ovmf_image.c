/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes the OVMF payload image check: only a flash image (64 KiB blocks, near-jump reset vector, a "_FVH") passes. */
#include <stdlib.h>
#include <string.h>
#include <sanitizer/asan_interface.h>
#include "fuzz.h"
#include "harness.h"
#include "payloads/ovmf/handoff.h"

/*
 * The check reads only the last 16 bytes (the reset vector) and 4 bytes at offset 40 of each
 * 64 KiB block (a firmware volume's signature), so the input describes exactly those:
 *   u32 size selector: 0 mod 4 -> (sel >> 2) % 272 blocks of 64 KiB (0 to 17 MiB, past the
 *       16 MiB limit); 1 -> any size below 17 MiB; 2 -> 2 MiB (Debian's OVMF.fd); 3 -> 4 MiB
 *   16 bytes: the image's last 16 bytes
 *   then records of 6 bytes: u16 block number, the 4 bytes at that block's offset 40
 * Everything else is zero. tests/fuzz/seeds.py encodes Debian's OVMF.fd this way.
 */
#define BLOCK 0x10000u
#define MAX_LEN (17u << 20)

/* The rules as README and handoff.h state them, checked over the bytes the loader saw. */
static bool oracle_is_flash(const uint8_t *img, uint64_t size)
{
	if (size == 0 || size % BLOCK || size > 16u << 20)
		return false;
	const uint8_t *rv = img + size - 16;
	if (rv[0] == 0xEA || !memchr(rv, 0xE9, 16))
		return false;
	for (uint64_t b = 0; b < size / BLOCK; b++)
		if (img[b * BLOCK + 40] == '_' && img[b * BLOCK + 41] == 'F' && img[b * BLOCK + 42] == 'V' &&
		    img[b * BLOCK + 43] == 'H')
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	uint32_t sel = fuzz_u32(&in);
	uint64_t len = sel % 4 == 0   ? (uint64_t)((sel >> 2) % 272) * BLOCK
		       : sel % 4 == 1 ? (sel >> 2) % MAX_LEN
		       : sel % 4 == 2 ? 2u << 20
				      : 4u << 20;
	uint8_t rv[16], rec[6];
	char why[160] = "";
	uint64_t base = 0;

	/*
	 * One zeroed buffer for all inputs (a fresh 17 MiB allocation per input spends seconds in
	 * ASan's quarantine). The image ends where the buffer does, so ASan reports a read past
	 * its end, and the 64 KiB before it are poisoned for a read before its start (poisoning
	 * all of the rest costs a 2 MiB shadow write per input).
	 */
	static uint8_t *buf;
	static uint64_t written[65536 / sizeof(rec) + 1];
	uint32_t nr_written = 0;
	if (!buf)
		buf = calloc(1, MAX_LEN);
	uint8_t *img = buf + MAX_LEN - len;
	uint64_t guard = MAX_LEN - len < BLOCK ? MAX_LEN - len : BLOCK;
	ASAN_POISON_MEMORY_REGION(img - guard, guard);

	fuzz_take(&in, rv, sizeof(rv));
	if (len >= 16)
		memcpy(img + len - 16, rv, 16);
	while (in.len >= sizeof(rec)) {
		fuzz_take(&in, rec, sizeof(rec));
		uint64_t at = (uint64_t)(rec[0] | rec[1] << 8) * BLOCK + 40;
		if (at + 4 <= len && nr_written < sizeof(written) / sizeof(written[0])) {
			memcpy(img + at, rec + 2, 4);
			written[nr_written++] = at;
		}
	}

	bool want = oracle_is_flash(img, len);
	int rc = ovmf_image_check(img, len, &base, why, sizeof(why));
	CHECK(want == (rc == 0));
	if (rc == 0) {
		/* hvmloader's OVMF_BEGIN: 4 GiB minus the size rounded up to 1 MiB, above Xen's special pages. */
		uint64_t mib = (len + (1u << 20) - 1) >> 20;
		CHECK(base == (1ull << 32) - (mib << 20));
		CHECK(base >= 0xFF000000u);
	} else {
		CHECK(why[0] != '\0');
		CHECK(memchr(why, '\0', sizeof(why)) != NULL);
	}
	/* Back to all zeros for the next input. */
	if (len >= 16)
		memset(img + len - 16, 0, 16);
	while (nr_written)
		memset(img + written[--nr_written], 0, 4);
	ASAN_UNPOISON_MEMORY_REGION(img - guard, guard);
	return 0;
}
