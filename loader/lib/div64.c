/* SPDX-License-Identifier: GPL-2.0-only */
/* Long division in 32-bit steps: the 32-bit target links no libgcc __udivdi3. */
#include "bug.h"
#include "lib/div64.h"

uint64_t div64_32(uint64_t n, uint32_t d, uint32_t *rem)
{
	ASSERT(d);
	uint32_t hi = (uint32_t)(n >> 32), lo = (uint32_t)n;
	uint32_t qhi = hi / d, qlo = 0;

	/*
	 * Printing divides by 10 or 16 per digit. Below 2^16, a remainder (< d) shifted left by
	 * 16 with the next 16 bits of lo still fits in 32 bits: two native divisions replace
	 * the 32 steps of the loop below.
	 */
	if (d <= 0xFFFFu) {
		uint32_t t = (hi % d) << 16 | lo >> 16;

		qlo = t / d << 16;
		t = (t % d) << 16 | (lo & 0xFFFFu);
		qlo |= t / d;
		if (rem)
			*rem = t % d;
		return ((uint64_t)qhi << 32) | qlo;
	}
	/* r < d always, so r << 1 | bit fits in 33 bits: keep it in 64. */
	uint64_t r = hi % d;

	for (int i = 31; i >= 0; i--) {
		r = (r << 1) | ((lo >> i) & 1);
		qlo <<= 1;
		if (r >= d) {
			r -= d;
			qlo |= 1;
		}
	}
	if (rem)
		*rem = (uint32_t)r;
	return ((uint64_t)qhi << 32) | qlo;
}

uint64_t mul64_32_shr32(uint64_t a, uint32_t mul)
{
	uint64_t lo = (uint64_t)(uint32_t)a * mul;
	uint64_t hi = (a >> 32) * mul;

	return hi + (lo >> 32);
}
