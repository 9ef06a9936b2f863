/* SPDX-License-Identifier: GPL-2.0-only */
/* The crash path for host tools built from loader code (acpi-dump, smbios-dump): say why, exit 2. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "bug.h"

void bug_at(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s at %s:%d\n", what, file, line);
	exit(2);
}

void fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	exit(2);
}
