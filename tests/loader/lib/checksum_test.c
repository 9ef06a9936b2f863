/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the one checksum helper with an independent byte sum. */
#include <stdlib.h>
#include "bytes.h"
#include "harness.h"
#include "lib/checksum.h"

TEST(checksum_makes_sum_zero)
{
	unsigned char buf[257];

	srand(1);
	for (int round = 0; round < 50; round++) {
		size_t n = 1 + (size_t)rand() % sizeof(buf);
		for (size_t i = 0; i < n; i++)
			buf[i] = (unsigned char)rand();
		size_t at = (size_t)rand() % n;
		checksum8_fill(buf, n, &buf[at]);
		if (!CHECK_EQ(t_sum8(buf, n), 0))
			break;
	}
	CHECK_EQ(checksum8("", 0), 0);
	CHECK_EQ(checksum8("\x01", 1), 0xff);
}
