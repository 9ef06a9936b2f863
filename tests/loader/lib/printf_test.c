/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests loader/lib/printf.c against the host C library's snprintf as the oracle. */
#include <stdio.h>
#include <string.h>
#include "harness.h"
#include "lib/printf.h"

/* Formats with both implementations and compares text and return value. */
#define SAME(fmt, ...)                                                                                                 \
	do {                                                                                                           \
		char ours_[128], libc_[128];                                                                           \
		int n1_ = fmt_snprintf(ours_, sizeof(ours_), fmt, __VA_ARGS__);                                        \
		int n2_ = snprintf(libc_, sizeof(libc_), fmt, __VA_ARGS__);                                            \
		CHECK_STR(ours_, libc_);                                                                               \
		CHECK_EQ(n1_, n2_);                                                                                    \
	} while (0)

TEST(printf_matches_libc_for_integers)
{
	SAME("%d %i %u", 0, -1, 4000000000u);
	SAME("%d", -2147483647 - 1);
	SAME("%x %X %08x %-8x|", 0xdeadbeefu, 0xabcu, 0x1234u, 0x55u);
	SAME("%lld %llu %llx", -9223372036854775807ll - 1, 18446744073709551615ull, 0x123456789abcdefull);
	SAME("%ld %lu %lx", -5l, 7ul, 0xfffful);
	SAME("%zu %zd", (size_t)12345, (size_t)42);
	SAME("%5d|%-5d|%05d|%05d", 42, 42, 42, -42);
	SAME("%#x %#x %#010x %#llx", 0u, 0x1fu, 0xc0000u, 0x100000000ull);
	SAME("%*d|%-*d|", 6, 7, 6, 7);
	SAME("[%02u]: %08x:%08x", 3u, 0u, 0xfc000000u);
}

TEST(printf_matches_libc_for_text)
{
	SAME("%s|%10s|%-10s|%.3s|%.*s", "abc", "abc", "abc", "abcdef", 2, "xyz");
	SAME("%c%c%c %%", 'a', 'b', 'c');
	SAME("plain text %s", "");
	char ours[32], libc[32];
	void *ptr = (void *)0x1000;
	fmt_snprintf(ours, sizeof(ours), "%p", ptr);
	snprintf(libc, sizeof(libc), "%p", ptr);
	CHECK_STR(ours, libc);
}

TEST(printf_truncates_and_reports_full_length)
{
	char buf[8];

	memset(buf, 'Z', sizeof(buf));
	int n = fmt_snprintf(buf, sizeof(buf), "%s-%d", "hello", 12345);
	CHECK_EQ(n, 11);
	CHECK_STR(buf, "hello-1");

	/* Size 0 writes nothing at all, not even the NUL. */
	buf[0] = 'Q';
	CHECK_EQ(fmt_snprintf(buf, 0, "abc"), 3);
	CHECK_EQ(buf[0], 'Q');

	/* Size 1 holds only the NUL. */
	CHECK_EQ(fmt_snprintf(buf, 1, "abc"), 3);
	CHECK_EQ(buf[0], '\0');
}

/* Deliberately malformed formats: the compiler's format check would reject them. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
TEST(printf_shows_unknown_conversions)
{
	char buf[32];

	fmt_snprintf(buf, sizeof(buf), "a%wb");
	CHECK_STR(buf, "a%wb");
	fmt_snprintf(buf, sizeof(buf), "end%");
	CHECK_STR(buf, "end");
}
