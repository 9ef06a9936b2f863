/* SPDX-License-Identifier: GPL-2.0-only */
/* The tests' byte oracles: an 8-bit sum and little-endian reads, written apart from the loader's code. */
#ifndef HVMCHAIN_TESTS_BYTES_H
#define HVMCHAIN_TESTS_BYTES_H

#include <stddef.h>
#include <stdint.h>

/*
 * Tests read what the builders wrote byte by byte, as a guest would, instead of through the
 * builders' own structs and checksum helper: a wrong layout or checksum then shows up as a
 * test failure rather than agreeing with itself. The only copies in the tree are these.
 */

/* The 8-bit sum of [p, p+n): 0 over a table whose checksum is right. */
static inline uint8_t t_sum8(const void *p, size_t n)
{
	const uint8_t *b = p;
	unsigned int s = 0;

	for (size_t i = 0; i < n; i++)
		s += b[i];
	return (uint8_t)s;
}

/* n (1..4) little-endian bytes at p. */
static inline uint32_t t_le(const uint8_t *p, unsigned n)
{
	uint32_t v = 0;

	for (unsigned i = 0; i < n; i++)
		v |= (uint32_t)p[i] << (8 * i);
	return v;
}

static inline uint16_t t_le16(const uint8_t *p)
{
	return (uint16_t)t_le(p, 2);
}

static inline uint32_t t_le32(const uint8_t *p)
{
	return t_le(p, 4);
}

static inline uint64_t t_le64(const uint8_t *p)
{
	return t_le(p, 4) | (uint64_t)t_le(p + 4, 4) << 32;
}

#endif
