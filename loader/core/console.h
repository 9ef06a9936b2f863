/* SPDX-License-Identifier: GPL-2.0-only */
/* Log lines to the Xen debug console (port 0xE9, shown by `xl dmesg` as "(dN) ..."). */
#ifndef HVMCHAIN_CONSOLE_H
#define HVMCHAIN_CONSOLE_H

#include <stddef.h>

/*
 * The log policy. Pure builders and parsers return an error code (and, where the caller
 * needs it, a reason string) and log only what their caller cannot know; the boot
 * sequence (main.c) decides what a failure means and logs it once.
 *   LOG_ERROR  input refused or a step that failed: "ERROR: " prefix; boot goes on unless
 *              fatal() is called;
 *   LOG_WARN   something the guest may notice but that is not a failure: "WARNING: ";
 *   LOG_INFO   the progress lines hvmloader prints too ("HVM Loader", "E820 table:",
 *              "Invoking SeaBIOS ..."), which people and tests grep for;
 *   LOG_DEBUG  hvmchain's own detail (table sizes, slot counts).
 * Lines above LOG_LEVEL (default: everything) are left out at build time.
 */
enum log_level {
	LOG_ERROR,
	LOG_WARN,
	LOG_INFO,
	LOG_DEBUG
};

#ifndef LOG_LEVEL
#define LOG_LEVEL LOG_DEBUG
#endif

/*
 * Formats one or more whole lines at a level. Every format must end in "\n": Xen holds
 * port-0xE9 output until a newline and drops a partial line if the guest dies. A line
 * longer than the buffer is cut and still ends in a newline.
 */
void log_at(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_error(...) log_at(LOG_ERROR, __VA_ARGS__)
#define log_warn(...) log_at(LOG_WARN, __VA_ARGS__)
#define log_info(...) log_at(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_at(LOG_DEBUG, __VA_ARGS__)
/* The name most of the tree uses for info lines. */
#define log_printf log_info

/* The sink: the target writes to port 0xE9 (loader/hw/console_e9.c); tests capture it. */
void console_write(const char *s, size_t len);

#endif
