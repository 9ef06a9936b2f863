/* SPDX-License-Identifier: GPL-2.0-only */
/* Host-test stand-in for loader/xen/hypercall.c: records what would have been asked of Xen. */
#include "err.h"
#include "xen_fake.h"
#include "xen/hypercall.h"

struct xen_fake xen_fake;

int xen_relocate_ram(uint64_t from, uint64_t to, uint64_t bytes)
{
	xen_fake.relocations++;
	xen_fake.reloc_from = from;
	xen_fake.reloc_to = to;
	xen_fake.reloc_bytes = bytes;
	return 0;
}
