/* SPDX-License-Identifier: GPL-2.0-only */
/* What the fake hypercall layer saw. */
#ifndef HVMCHAIN_XEN_FAKE_H
#define HVMCHAIN_XEN_FAKE_H

#include <stdint.h>

struct xen_fake {
	int relocations;
	uint64_t reloc_from, reloc_to, reloc_bytes;
};

extern struct xen_fake xen_fake;

#endif
