/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests acpi/aml.c: integer and NameString encodings, PkgLength sizes, counting vs writing. */
#include "acpi/aml.h"
#include "harness.h"
#include <string.h>

static size_t emit_one(uint8_t *buf, size_t cap, void (*fn)(struct aml *m, uint64_t v), uint64_t v)
{
	struct aml m;

	aml_init(&m, buf, cap);
	fn(&m, v);
	return m.overflow ? 0 : m.len;
}

static void int_fn(struct aml *m, uint64_t v)
{
	aml_int(m, v);
}

TEST(aml_integers_use_the_shortest_prefix)
{
	uint8_t b[16];

	CHECK_EQ(emit_one(b, sizeof(b), int_fn, 0), 1);
	CHECK_EQ(b[0], 0x00);
	CHECK_EQ(emit_one(b, sizeof(b), int_fn, 1), 1);
	CHECK_EQ(b[0], 0x01);
	CHECK_EQ(emit_one(b, sizeof(b), int_fn, 0xFE), 2);
	CHECK(!memcmp(b, "\x0a\xfe", 2));
	CHECK_EQ(emit_one(b, sizeof(b), int_fn, 0x1234), 3);
	CHECK(!memcmp(b, "\x0b\x34\x12", 3));
	CHECK_EQ(emit_one(b, sizeof(b), int_fn, 0xFEC00000), 5);
	CHECK(!memcmp(b, "\x0c\x00\x00\xc0\xfe", 5));
	CHECK_EQ(emit_one(b, sizeof(b), int_fn, 0x100000000ull), 9);
	CHECK(!memcmp(b, "\x0e\x00\x00\x00\x00\x01\x00\x00\x00", 9));
	CHECK_EQ(emit_one(b, 3, int_fn, 0xFEC00000), 0); /* overflow */
}

TEST(aml_paths_encode_root_dual_and_multi)
{
	uint8_t b[32];
	struct aml m;

	aml_init(&m, b, sizeof(b));
	aml_path(&m, "CP0A");
	CHECK_EQ(m.len, 4);
	CHECK(!memcmp(b, "CP0A", 4));
	aml_init(&m, b, sizeof(b));
	aml_path(&m, "\\_SB_.CSTA");
	CHECK_EQ(m.len, 10);
	CHECK(!memcmp(b, "\\\x2e_SB_CSTA", 10));
	aml_init(&m, b, sizeof(b));
	aml_path(&m, "\\_SB_.PCI0.LNKA");
	CHECK_EQ(m.len, 15);
	CHECK(!memcmp(b, "\\\x2f\x03_SB_PCI0LNKA", 15));
	aml_init(&m, b, sizeof(b));
	aml_path(&m, "\\_SB.X");
	CHECK(m.overflow);
}

/* A scope holding body bytes of filler: returns the encoded PkgLength size. */
static size_t pkglen_bytes(size_t body, uint8_t *buf, size_t cap, size_t *total)
{
	struct aml m;

	aml_init(&m, buf, cap);
	aml_byte(&m, 0x10);
	aml_open(&m);
	for (size_t i = 0; i < body; i++)
		aml_byte(&m, (uint8_t)i);
	aml_close(&m);
	*total = m.len;
	return m.len - 1 - body;
}

TEST(aml_pkglength_boundaries)
{
	static uint8_t buf[1 << 21];
	size_t total;
	/* body + length bytes: up to 63 in one byte, then 2, 3, 4 bytes (§20.2.4). */
	const struct {
		size_t body, n;
	} cases[] = {
		{ 0, 1 }, { 62, 1 }, { 63, 2 }, { 4093, 2 }, { 4094, 3 }, { (1 << 20) - 4, 3 }, { (1 << 20) - 3, 4 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = pkglen_bytes(cases[i].body, buf, sizeof(buf), &total);
		if (!CHECK_EQ(n, cases[i].n))
			continue;
		/* Decode independently and check the body survived the move. */
		size_t len = n == 1 ? buf[1] : (buf[1] & 0x0F);
		for (size_t k = 1; k < n; k++)
			len |= (size_t)buf[1 + k] << (4 + 8 * (k - 1));
		CHECK_EQ(buf[1] >> 6, n - 1);
		CHECK_EQ(len, cases[i].body + n);
		if (cases[i].body)
			CHECK_EQ(buf[1 + n + cases[i].body - 1], (uint8_t)(cases[i].body - 1));
		/* Counting gives the same length. */
		size_t counted;
		pkglen_bytes(cases[i].body, NULL, 0, &counted);
		CHECK_EQ(counted, total);
	}
}

TEST(aml_unbalanced_close_and_depth_are_errors)
{
	struct aml m;
	uint8_t b[64];

	aml_init(&m, b, sizeof(b));
	aml_close(&m);
	CHECK(m.overflow);
	aml_init(&m, NULL, 0);
	for (int i = 0; i <= AML_MAX_DEPTH; i++)
		aml_open(&m);
	CHECK(m.overflow);
}
