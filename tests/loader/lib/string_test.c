/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests loader/lib/string.c (built renamed t_*) against hand-computed results. */
#include "rename_string.h"
#include <string.h>
#include "harness.h"

TEST(memmove_handles_both_overlaps)
{
	char a[] = "0123456789";

	memmove(a + 2, a, 5); /* destination after source: must copy backwards */
	CHECK(!__builtin_memcmp(a, "0101234789", 10));

	char b[] = "0123456789";
	memmove(b, b + 3, 5); /* destination before source */
	CHECK(!__builtin_memcmp(b, "3456756789", 10));
}

TEST(memcpy_memset_memcmp)
{
	unsigned char x[4] = { 1, 2, 3, 4 }, y[4];

	memset(y, 0xAB, sizeof(y));
	CHECK_EQ(y[3], 0xAB);
	memcpy(y, x, 4);
	CHECK_EQ(memcmp(x, y, 4), 0);
	y[2] = 0xFF; /* compares as unsigned: 0xFF > 3 */
	CHECK_EQ(memcmp(x, y, 4), -1);
	CHECK_EQ(memcmp(y, x, 4), 1);
	CHECK_EQ(memcmp(x, y, 2), 0);
}

TEST(memchr_finds_the_first_match_within_n)
{
	const unsigned char b[] = { 'a', 0xFF, 'X', 'X', 0 };

	CHECK(memchr(b, 'X', sizeof(b)) == b + 2);   /* the first of two */
	CHECK(memchr(b, 0x1FF, sizeof(b)) == b + 1); /* c compares as unsigned char */
	CHECK(memchr(b, 0, sizeof(b)) == b + 4);
	CHECK(memchr(b, 'X', 2) == NULL); /* never past n */
	CHECK(memchr(b, 'a', 0) == NULL);
}

TEST(string_compare_and_length)
{
	CHECK_EQ(strlen(""), 0);
	CHECK_EQ(strlen("firmware"), 8);
	CHECK_EQ(strnlen("firmware", 4), 4);
	CHECK_EQ(strnlen("fw", 10), 2);
	CHECK_EQ(strcmp("firmware", "firmware"), 0);
	CHECK(strcmp("firmware", "firmwarf") < 0);
	CHECK(strcmp("firmware2", "firmware") > 0);
	CHECK(strcmp("\xff", "a") > 0); /* bytes compare unsigned */
	CHECK_EQ(strncmp("ipxe-rom", "ipxe", 4), 0);
	CHECK(strncmp("ipxe", "ipxf", 4) < 0);
}
