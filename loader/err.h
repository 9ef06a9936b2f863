/* SPDX-License-Identifier: GPL-2.0-only */
/* Error codes builders and probes return (negated); the caller logs and boots on. */
#ifndef HVMCHAIN_ERR_H
#define HVMCHAIN_ERR_H

enum {
	ERR_INVAL = 1, /* malformed input */
	ERR_NOSPC = 2, /* a bounded array or arena is full */
	ERR_RANGE = 3, /* an address or size outside what is allowed */
	ERR_NOENT = 4, /* something looked up is absent */
	ERR_XEN = 5,   /* a hypercall failed */
};

#endif
