/* SPDX-License-Identifier: GPL-2.0-only */
/* Talking to Xen: detection, the hypercall page and the few hypercalls the loader makes. */
#ifndef HVMCHAIN_XEN_XEN_H
#define HVMCHAIN_XEN_XEN_H

#include <stdint.h>
#include <e820.h>

struct xen_info {
	uint32_t cpuid_base; /* leaf holding "XenVMMXenVMM" */
	uint32_t major, minor;
	char extra[16]; /* XENVER_extraversion, e.g. ".5" */
};

/*
 * Finds Xen's CPUID leaves, installs the hypercall page and reads the version.
 * Returns 0, or -ERR_NOENT when not running on Xen.
 */
int xen_setup(struct xen_info *xi);

/* XENMEM_memory_map: the toolstack's map for this domain, at most max entries. */
int xen_memory_map(struct e820_entry *buf, uint32_t max, uint32_t *nr);

/* Moves the RAM pages at [from, from+bytes) to guest-physical to (XENMEM_add_to_physmap
 * with XENMAPSPACE_gmfn_range), page-aligned, in chunks. */
int xen_relocate_ram(uint64_t from, uint64_t to, uint64_t bytes);

/* SCHEDOP_shutdown(SHUTDOWN_crash); halts if Xen returns (or was never found). */
void xen_crash(void) __attribute__((noreturn));

#endif
