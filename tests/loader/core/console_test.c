/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the log functions: whole lines, prefixes, and cut lines that still end in a newline. */
#include <string.h>
#include "console.h"
#include "harness.h"

TEST(log_lines_and_error_prefix)
{
	log_printf("Detected Xen v%u.%u%s\n", 4u, 17u, ".5");
	log_error("SeaBIOS image rejected: %s\n", "why");
	CHECK_STR(console_text(), "Detected Xen v4.17.5\nERROR: SeaBIOS image rejected: why\n");
}

TEST(log_levels_have_their_prefixes)
{
	log_at(LOG_ERROR, "e %d\n", 1);
	log_warn("w %d\n", 2);
	log_info("i %d\n", 3);
	log_debug("d %d\n", 4);
	log_at((enum log_level)(LOG_DEBUG + 1), "never\n");
	CHECK_STR(console_text(), "ERROR: e 1\nWARNING: w 2\ni 3\nd 4\n");
}

TEST(log_cuts_long_lines_but_keeps_the_newline)
{
	char big[600];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	log_printf("%s\n", big);
	const char *t = console_text();
	size_t n = strlen(t);
	CHECK(n > 100 && n < sizeof(big));
	CHECK_EQ(t[n - 1], '\n');
	CHECK(strchr(t, '\n') == t + n - 1);
}
