/* SPDX-License-Identifier: GPL-2.0-only */
/* The console sink: Xen's HVM debug port 0xE9, which Xen prints as "(dN) ..." per line. */
#include "console.h"
#include "counters.h"
#include "hw/io.h"

#define XEN_DEBUG_PORT 0xE9

void console_write(const char *s, size_t len)
{
	count_add(COUNT_CON_BYTES, (uint32_t)len);
	count_add(COUNT_CON_EXITS, (uint32_t)len);
	while (len--)
		raw_outb((uint8_t)*s++, XEN_DEBUG_PORT);
}
