/* SPDX-License-Identifier: GPL-2.0-only */
/* The crash path: log why, then ask Xen to end the domain as crashed. */
#include <stdarg.h>
#include "bug.h"
#include "console.h"
#include "lib/printf.h"
#include "xen/hypercall.h"

void bug_at(const char *file, int line, const char *what)
{
	log_printf("*** hvmchain bug at %s:%d: %s\n", file, line, what);
	log_printf("*** hvmchain crashed.\n");
	xen_crash();
}

void fatal(const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	log_error("%s\n", msg);
	log_printf("*** hvmchain crashed.\n");
	xen_crash();
}
