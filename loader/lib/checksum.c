/* SPDX-License-Identifier: GPL-2.0-only */
/* 8-bit two's-complement checksums: written once here, applied everywhere. */
#include "checksum.h"

uint8_t sum8(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	while (len--)
		sum += *b++;
	return sum;
}

uint8_t checksum8(const void *p, size_t len)
{
	return (uint8_t)(0 - sum8(p, len));
}

void checksum8_fill(void *p, size_t len, uint8_t *field)
{
	*field = 0;
	*field = checksum8(p, len);
}
