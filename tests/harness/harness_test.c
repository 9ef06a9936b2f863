/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the harness itself: a test that crashes is one failure, reported, and the run goes on. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness.h"

/*
 * Runs the unit-test binary itself (/proc/self/exe) on the crashing test below, which only
 * crashes when HVMCHAIN_HARNESS_CRASH is set, and reads its report: a crash must show as
 * "crashed" and FAIL, with the "1 failed" total, not end the run.
 */
TEST(harness_crashing_test_crashes_when_asked)
{
	if (getenv("HVMCHAIN_HARNESS_CRASH")) {
		CHECK(true);
		raise(SIGSEGV);
	}
	CHECK(true);
}

TEST(harness_reports_a_crash_as_one_failure)
{
	char out[4096] = "";
	int fds[2];

	if (!CHECK_EQ(pipe(fds), 0))
		return;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		/* The sanitizer's report of the crash goes to stderr: not wanted in this log. */
		freopen("/dev/null", "w", stderr);
		setenv("HVMCHAIN_HARNESS_CRASH", "1", 1);
		execl("/proc/self/exe", "unit-tests", "harness_crashing_test_crashes_when_asked", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	size_t len = 0;
	ssize_t n;
	while (len < sizeof(out) - 1 && (n = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += (size_t)n;
	out[len] = '\0';
	close(fds[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	/* A segfault under ASan ends in its report and exit status 1, without it in SIGSEGV. */
	CHECK(strstr(out, "harness_crashing_test_crashes_when_asked crashed: ") != NULL);
	CHECK(strstr(out, "FAIL harness_crashing_test_crashes_when_asked") != NULL);
	CHECK(strstr(out, "0 passed, 1 failed") != NULL);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
}
