/* SPDX-License-Identifier: GPL-2.0-only */
/* The host unit-test harness: TEST() registers a test; CHECK*() record failures without stopping it. */
#ifndef HVMCHAIN_HARNESS_H
#define HVMCHAIN_HARNESS_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct test {
	const char *name;
	const char *file;
	void (*fn)(void);
	struct test *next;
};

void test_register(struct test *t);

#define TEST(fn_name)                                                                                                  \
	static void fn_name(void);                                                                                     \
	static struct test fn_name##_test = { #fn_name, __FILE__, fn_name, NULL };                                     \
	__attribute__((constructor)) static void fn_name##_register(void)                                              \
	{                                                                                                              \
		test_register(&fn_name##_test);                                                                        \
	}                                                                                                              \
	static void fn_name(void)

/* Each returns whether the check held, so a test can stop early when later checks would
 * only repeat the failure. A test that makes no check at all fails: it proves nothing. */
bool check_at(bool ok, const char *file, int line, const char *expr);
bool check_u64_at(uint64_t got, uint64_t want, const char *file, int line, const char *expr);
bool check_str_at(const char *got, const char *want, const char *file, int line, const char *expr);

#define CHECK(cond) check_at((cond), __FILE__, __LINE__, #cond)
#define CHECK_EQ(got, want) check_u64_at((uint64_t)(got), (uint64_t)(want), __FILE__, __LINE__, #got " == " #want)
#define CHECK_STR(got, want) check_str_at((got), (want), __FILE__, __LINE__, #got " == " #want)

/* Everything the code under test wrote to its console since the last console_clear(). */
const char *console_text(void);
void console_clear(void);

/*
 * Runs stmt expecting it to reach BUG/ASSERT or fatal() (which end in a crashed domain on
 * the target); true if it did. Tests use it to prove invariants are enforced.
 */
extern jmp_buf *crash_catcher;
#define CRASHES(stmt)                                                                                                  \
	({                                                                                                             \
		jmp_buf jb_;                                                                                           \
		bool crashed_ = false;                                                                                 \
		crash_catcher = &jb_;                                                                                  \
		if (setjmp(jb_) == 0) {                                                                                \
			stmt;                                                                                          \
		} else {                                                                                               \
			crashed_ = true;                                                                               \
		}                                                                                                      \
		crash_catcher = NULL;                                                                                  \
		crashed_;                                                                                              \
	})

#endif
