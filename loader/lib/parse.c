/* SPDX-License-Identifier: GPL-2.0-only */
/* Number and flag parsing for xenstore values; pure and host-tested. */
#include <string.h>
#include "lib/parse.h"

static bool parse_u64_n(const char *s, size_t n, uint64_t *v)
{
	unsigned int base = 10;
	uint64_t x = 0;

	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		n -= 2;
	}
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned int d;
		char c = s[i];

		if (c >= '0' && c <= '9')
			d = (unsigned int)(c - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = (unsigned int)(c - 'a' + 10);
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = (unsigned int)(c - 'A' + 10);
		else
			return false;
		/* x * base + d must not pass 2^64 - 1 = 18446744073709551615. */
		if (base == 16 ? x >> 60 != 0 : x > 1844674407370955161ull || (x == 1844674407370955161ull && d > 5))
			return false;
		x = base == 16 ? (x << 4) | d : x * 10 + d;
	}
	*v = x;
	return true;
}

bool parse_u64(const char *s, uint64_t *v)
{
	return parse_u64_n(s, strlen(s), v);
}

bool parse_bool(const char *s, bool *v)
{
	if (!strcmp(s, "1") || !strcmp(s, "true")) {
		*v = true;
		return true;
	}
	if (!strcmp(s, "0") || !strcmp(s, "false")) {
		*v = false;
		return true;
	}
	return false;
}

bool parse_u64_pair(const char *s, uint64_t *lo, uint64_t *hi)
{
	const char *colon = s;
	uint64_t a, b;

	while (*colon && *colon != ':')
		colon++;
	if (!*colon || !parse_u64_n(s, (size_t)(colon - s), &a) || !parse_u64(colon + 1, &b))
		return false;
	*lo = a;
	*hi = b;
	return true;
}
