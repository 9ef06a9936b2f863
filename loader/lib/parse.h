/* SPDX-License-Identifier: GPL-2.0-only */
/* Strict parsers for toolstack strings: a malformed value is an error, never a wild number. */
#ifndef HVMCHAIN_PARSE_H
#define HVMCHAIN_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Decimal, or hexadecimal after "0x"/"0X": the whole string, no sign, no spaces, no
 * overflow past 2^64-1. (hvmloader's strtoll accepted trailing junk and read hex wrongly:
 * Xen commit 3453aa3f86.) Returns true and sets *v on success.
 */
bool parse_u64(const char *s, uint64_t *v);

/* "1" or "0" (libxl's spelling); also "true"/"false". */
bool parse_bool(const char *s, bool *v);

/* "LO:HI", two parse_u64 numbers: libxl's platform/generation-id. */
bool parse_u64_pair(const char *s, uint64_t *lo, uint64_t *hi);

#endif
