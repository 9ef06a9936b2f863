/* SPDX-License-Identifier: GPL-2.0-only */
/* The console sink: Xen's HVM debug port 0xE9, which Xen prints as "(dN) ..." per line. */
#include "console.h"
#include "counters.h"
#include "hw/io.h"

#define XEN_DEBUG_PORT 0xE9

/*
 * One string instruction per call, so a log line is one exit instead of one per byte.
 * Xen 4.17 handles port 0xE9 itself (hvm_print_line(), registered as a port-I/O handler
 * in arch/x86/hvm/hvm.c); a rep outsb to it is emulated in Xen, whose intercept loop
 * (hvm_process_io_intercept()) feeds the handler byte by byte from guest memory, so the
 * console shows the same text. Xen may split the rep at a page boundary; that costs an
 * exit more, not a byte.
 */
void console_write(const char *s, size_t len)
{
	if (!len)
		return;
	count_add(COUNT_CON_BYTES, (uint32_t)len);
	count_add(COUNT_CON_EXITS, 1);
	raw_outsb(s, len, XEN_DEBUG_PORT);
}
