/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the libgcc-free 64-bit division and scaling against the host's native arithmetic. */
#include <stdlib.h>
#include "harness.h"
#include "lib/div64.h"

TEST(div64_matches_native_division)
{
	srand(3);
	for (int i = 0; i < 2000; i++) {
		uint64_t n = ((uint64_t)rand() << 33) ^ ((uint64_t)rand() << 11) ^ (uint64_t)rand();
		uint32_t d = (uint32_t)rand() | (i & 1 ? 0x80000000u : 0);
		uint32_t r;
		if (!d)
			d = 7;
		if (!CHECK_EQ(div64_32(n, d, &r), n / d) || !CHECK_EQ(r, n % d))
			return;
	}
	/* Divisors below 2^16 take the two-step path: every size up to its edge, and past it. */
	static const uint32_t small[] = { 1, 2, 3, 7, 10, 16, 255, 0x7FFF, 0xFFFE, 0xFFFF, 0x10000, 0x10001 };
	for (size_t k = 0; k < sizeof(small) / sizeof(small[0]); k++) {
		for (int i = 0; i < 500; i++) {
			uint64_t n = ((uint64_t)rand() << 33) ^ ((uint64_t)rand() << 11) ^ (uint64_t)rand();
			uint32_t r;
			if (i == 0)
				n = UINT64_MAX;
			else if (i == 1)
				n = small[k] - 1u;
			if (!CHECK_EQ(div64_32(n, small[k], &r), n / small[k]) || !CHECK_EQ(r, n % small[k]))
				return;
		}
	}
	uint32_t r;
	CHECK_EQ(div64_32(UINT64_MAX, 1, &r), UINT64_MAX);
	CHECK_EQ(div64_32(UINT64_MAX, 0xFFFFFFFFu, &r), UINT64_MAX / 0xFFFFFFFFu);
	CHECK(CRASHES(div64_32(1, 0, NULL)));
}

TEST(mul64_32_shr32_matches_128_bit_product)
{
	srand(4);
	for (int i = 0; i < 2000; i++) {
		uint64_t a = ((uint64_t)rand() << 33) ^ (uint64_t)rand();
		uint32_t m = (uint32_t)rand() * 2u + 1u;
		unsigned __int128 want = ((unsigned __int128)a * m) >> 32;
		if (!CHECK_EQ(mul64_32_shr32(a, m), (uint64_t)want))
			return;
	}
}
