/* SPDX-License-Identifier: GPL-2.0-only */
/* A small snprintf: %c %s %d %i %u %x %X %p %%, flags '-' '0' '#', width, precision, l/ll/z. */
#ifndef HVMCHAIN_PRINTF_H
#define HVMCHAIN_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Formats into buf, never writing more than size bytes, always NUL-terminating when
 * size > 0. Returns the length the full output would have had, as C's snprintf does,
 * so a caller can tell truncation (return >= size).
 */
int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
