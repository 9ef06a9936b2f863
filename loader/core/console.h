/* SPDX-License-Identifier: GPL-2.0-only */
/* Log lines to the Xen debug console (port 0xE9, shown by `xl dmesg` as "(dN) ..."). */
#ifndef HVMCHAIN_CONSOLE_H
#define HVMCHAIN_CONSOLE_H

#include <stddef.h>

/*
 * Formats one or more whole lines. Every format must end in "\n": Xen holds port-0xE9
 * output until a newline and drops a partial line if the guest dies. A line longer than
 * the buffer is cut and still ends in a newline.
 */
void log_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Like log_printf with an "ERROR: " prefix, for input the loader refuses or skips. */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The sink: the target writes to port 0xE9 (loader/hw/console_e9.c); tests capture it. */
void console_write(const char *s, size_t len);

#endif
