/* SPDX-License-Identifier: GPL-2.0-only */
/* What the loader learnt about Xen itself, as plain data: no hypercall API, so builders may see it. */
#ifndef HVMCHAIN_XEN_INFO_H
#define HVMCHAIN_XEN_INFO_H

#include <stdint.h>

struct xen_info {
	uint32_t cpuid_base; /* leaf holding "XenVMMXenVMM" */
	uint32_t major, minor;
	char extra[16]; /* XENVER_extraversion, e.g. ".5" */
};

#endif
