/* SPDX-License-Identifier: GPL-2.0-only */
/* What a libFuzzer harness links instead of the unit-test runner: console, crash path, failing checks. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bug.h"
#include "console.h"
#include "fuzz.h"
#include "harness.h"

/*
 * Oracles reuse the unit tests' CHECK macros (tests/acpi/oracle.h and others): here a failed
 * check is a finding, so it stops the run and libFuzzer saves the input.
 */
jmp_buf *crash_catcher;

bool check_at(bool ok, const char *file, int line, const char *expr)
{
	if (!ok) {
		fprintf(stderr, "oracle failed at %s:%d: %s\n", file, line, expr);
		abort();
	}
	return ok;
}

bool check_u64_at(uint64_t got, uint64_t want, const char *file, int line, const char *expr)
{
	if (got != want)
		fprintf(stderr, "got %#llx, want %#llx\n", (unsigned long long)got, (unsigned long long)want);
	return check_at(got == want, file, line, expr);
}

bool check_str_at(const char *got, const char *want, const char *file, int line, const char *expr)
{
	return check_at(got && want && !strcmp(got, want), file, line, expr);
}

/* The console: kept per input (a harness clears it), bounded, so oracles can read the log. */
static char console_buf[1 << 16];
static size_t console_len;

void console_write(const char *s, size_t len)
{
	if (len > sizeof(console_buf) - 1 - console_len)
		len = sizeof(console_buf) - 1 - console_len;
	memcpy(console_buf + console_len, s, len);
	console_len += len;
	console_buf[console_len] = '\0';
}

const char *console_text(void)
{
	return console_buf;
}

void console_clear(void)
{
	console_len = 0;
	console_buf[0] = '\0';
}

/* BUG/ASSERT and fatal(): on the target a crashed domain; toolstack data must never get here. */
void bug_at(const char *file, int line, const char *what)
{
	fprintf(stderr, "BUG: %s at %s:%d\n", what, file, line);
	abort();
}

void fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	abort();
}

size_t fuzz_take(struct fuzz_in *in, void *dst, size_t n)
{
	size_t k = n < in->len ? n : in->len;

	memset(dst, 0, n);
	memcpy(dst, in->data, k);
	in->data += k;
	in->len -= k;
	return k;
}

uint32_t fuzz_u32(struct fuzz_in *in)
{
	uint32_t v;

	fuzz_take(in, &v, sizeof(v));
	return v;
}

uint64_t fuzz_u64(struct fuzz_in *in)
{
	uint64_t v;

	fuzz_take(in, &v, sizeof(v));
	return v;
}
