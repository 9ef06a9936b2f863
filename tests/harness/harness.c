/* SPDX-License-Identifier: GPL-2.0-only */
/* Runs every registered test in its own process, ends with "N passed, N failed"; fakes the crash path and console. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bug.h"
#include "console.h"
#include "harness.h"
#include "lib/printf.h"

static struct test *tests_head, **tests_tail = &tests_head;
static int checks_made, checks_failed;
jmp_buf *crash_catcher;

void test_register(struct test *t)
{
	*tests_tail = t;
	tests_tail = &t->next;
}

bool check_at(bool ok, const char *file, int line, const char *expr)
{
	checks_made++;
	if (!ok) {
		checks_failed++;
		printf("    %s:%d: check failed: %s\n", file, line, expr);
	}
	return ok;
}

bool check_u64_at(uint64_t got, uint64_t want, const char *file, int line, const char *expr)
{
	if (got == want)
		return check_at(true, file, line, expr);
	printf("    %s:%d: got %#llx (%llu), want %#llx (%llu)\n", file, line, (unsigned long long)got,
	       (unsigned long long)got, (unsigned long long)want, (unsigned long long)want);
	return check_at(false, file, line, expr);
}

bool check_str_at(const char *got, const char *want, const char *file, int line, const char *expr)
{
	if (got && want && !strcmp(got, want))
		return check_at(true, file, line, expr);
	printf("    %s:%d: got \"%s\", want \"%s\"\n", file, line, got ? got : "(null)", want ? want : "(null)");
	return check_at(false, file, line, expr);
}

/* The console sink the loader's log functions write to. */
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

static __attribute__((noreturn)) void crash(const char *what)
{
	if (crash_catcher)
		longjmp(*crash_catcher, 1);
	printf("    unexpected crash: %s\n", what);
	checks_failed++;
	checks_made++;
	fflush(stdout);
	abort();
}

void bug_at(const char *file, int line, const char *what)
{
	char msg[256];

	snprintf(msg, sizeof(msg), "%s at %s:%d", what, file, line);
	crash(msg);
}

void fatal(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	crash(msg);
}

/* How a test's process ends: all checks held, a check failed, or no check was made. */
enum {
	T_OK = 0,
	T_FAILED = 3,
	T_NO_CHECKS = 4
};

static int run_one(const struct test *t)
{
	console_clear();
	t->fn();
	if (checks_made == 0) {
		printf("    %s made no checks\n", t->name);
		return T_NO_CHECKS;
	}
	return checks_failed ? T_FAILED : T_OK;
}

/*
 * Each test runs in a child process, so a test that crashes (a sanitizer report, a
 * segfault, an abort) is one failure and the others still run, each from the same
 * starting state.
 */
static bool run_forked(const struct test *t)
{
	int status;

	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		int rc = run_one(t);
		fflush(stdout);
		_exit(rc);
	}
	if (waitpid(pid, &status, 0) != pid) {
		perror("waitpid");
		exit(2);
	}
	if (WIFEXITED(status) &&
	    (WEXITSTATUS(status) == T_OK || WEXITSTATUS(status) == T_FAILED || WEXITSTATUS(status) == T_NO_CHECKS))
		return WEXITSTATUS(status) == T_OK;
	if (WIFSIGNALED(status))
		printf("    %s crashed: signal %d\n", t->name, WTERMSIG(status));
	else
		printf("    %s crashed: exit status %d\n", t->name, WEXITSTATUS(status));
	return false;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	const char *only = argc > 1 ? argv[1] : NULL;

	for (struct test *t = tests_head; t; t = t->next) {
		if (only && !strstr(t->name, only) && !strstr(t->file, only))
			continue;
		bool ok = run_forked(t);

		printf("%s %s\n", ok ? "PASS" : "FAIL", t->name);
		if (ok)
			passed++;
		else
			failed++;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
