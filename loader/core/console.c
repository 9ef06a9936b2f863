/* SPDX-License-Identifier: GPL-2.0-only */
/* Line-buffered logging on top of the console sink. */
#include <stdarg.h>
#include "console.h"
#include "lib/printf.h"

#define LINE_MAX 256

static const char *const prefixes[] = {
	[LOG_ERROR] = "ERROR: ",
	[LOG_WARN] = "WARNING: ",
	[LOG_INFO] = "",
	[LOG_DEBUG] = "",
};

static void vlog(const char *prefix, const char *fmt, va_list ap)
{
	char line[LINE_MAX];
	int p = fmt_snprintf(line, sizeof(line), "%s", prefix);
	int n = fmt_vsnprintf(line + p, sizeof(line) - (size_t)p, fmt, ap);
	size_t len = (size_t)p + (size_t)n;

	if (len >= sizeof(line)) {
		/* Cut: keep the line whole for Xen by ending it in a newline. */
		len = sizeof(line) - 1;
		line[len - 1] = '\n';
	}
	console_write(line, len);
}

void log_at(enum log_level level, const char *fmt, ...)
{
	va_list ap;

	if (level > LOG_LEVEL || level > LOG_DEBUG)
		return;
	va_start(ap, fmt);
	vlog(prefixes[level], fmt, ap);
	va_end(ap);
}
