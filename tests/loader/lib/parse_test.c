/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the strict parsers for xenstore values. */
#include "harness.h"
#include "lib/parse.h"

TEST(parse_u64_accepts_decimal_and_hex)
{
	uint64_t v = 0;

	CHECK(parse_u64("0", &v) && v == 0);
	CHECK(parse_u64("268435456", &v) && v == 268435456);
	CHECK(parse_u64("0x10000000", &v) && v == 0x10000000);
	CHECK(parse_u64("0XfC000000", &v) && v == 0xFC000000);
	CHECK(parse_u64("18446744073709551615", &v) && v == UINT64_MAX);
	CHECK(parse_u64("0xffffffffffffffff", &v) && v == UINT64_MAX);
}

TEST(parse_u64_refuses_junk_and_overflow)
{
	uint64_t v = 42;

	CHECK(!parse_u64("", &v));
	CHECK(!parse_u64("12a", &v));
	CHECK(!parse_u64(" 12", &v));
	CHECK(!parse_u64("-1", &v));
	CHECK(!parse_u64("0x", &v));
	CHECK(!parse_u64("0x1g", &v));
	CHECK(!parse_u64("18446744073709551616", &v));
	CHECK(!parse_u64("99999999999999999999", &v));
	CHECK(!parse_u64("0x10000000000000000", &v));
	CHECK_EQ(v, 42); /* untouched */
}

TEST(parse_bool_and_pair)
{
	bool b = false;
	uint64_t lo = 0, hi = 0;

	CHECK(parse_bool("1", &b) && b);
	CHECK(parse_bool("0", &b) && !b);
	CHECK(parse_bool("true", &b) && b);
	CHECK(!parse_bool("yes", &b));
	CHECK(!parse_bool("", &b));
	CHECK(!parse_bool("10", &b));
	CHECK(parse_u64_pair("123:456", &lo, &hi) && lo == 123 && hi == 456);
	CHECK(parse_u64_pair("0:0", &lo, &hi) && lo == 0 && hi == 0);
	CHECK(!parse_u64_pair("123", &lo, &hi));
	CHECK(!parse_u64_pair(":5", &lo, &hi));
	CHECK(!parse_u64_pair("5:", &lo, &hi));
	CHECK(!parse_u64_pair("1:2:3", &lo, &hi));
}
