/* SPDX-License-Identifier: GPL-2.0-only */
/* BUG/ASSERT for programmer invariants only; toolstack input gets logged errors instead. */
#ifndef HVMCHAIN_BUG_H
#define HVMCHAIN_BUG_H

/*
 * Logs "*** hvmchain bug at FILE:LINE" and ends the domain with SCHEDOP_shutdown(crash),
 * as hvmloader's BUG() does, so `xl list` shows a crashed guest rather than a hang.
 * Host tests link their own version that records the failure.
 */
void bug_at(const char *file, int line, const char *what) __attribute__((noreturn));

/* Logs the reason and crashes the domain: for input the boot cannot go on without. */
void fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#define BUG() bug_at(__FILE__, __LINE__, "BUG")
#define ASSERT(cond)                                                                                                   \
	do {                                                                                                           \
		if (!(cond))                                                                                           \
			bug_at(__FILE__, __LINE__, "assertion " #cond);                                                \
	} while (0)

#endif
