/* SPDX-License-Identifier: GPL-2.0-only */
/* Talking to Xen: detection, the hypercall page and the few hypercalls the loader makes. */
#ifndef HVMCHAIN_XEN_HYPERCALL_H
#define HVMCHAIN_XEN_HYPERCALL_H

#include <stdint.h>
#include "e820.h"
#include "xen/info.h"

/*
 * Finds Xen's CPUID leaves, installs the hypercall page and reads the version.
 * Returns 0, or -ERR_NOENT when not running on Xen.
 */
int xen_setup(struct xen_info *xi);

/* XENMEM_memory_map: the toolstack's map for this domain, at most max entries. */
int xen_memory_map(struct e820_entry *buf, uint32_t max, uint32_t *nr);

/* HVMOP_get_param / HVMOP_set_param for this domain. */
int xen_hvm_param_get(uint32_t index, uint64_t *value);
int xen_hvm_param_set(uint32_t index, uint64_t value);

/* XENVER_guest_handle: the domain's UUID as the toolstack created it. */
int xen_guest_handle(uint8_t uuid[16]);

/*
 * Maps Xen's shared info page at guest frame gpfn (XENMAPSPACE_shared_info); needed for
 * time (polling timeouts, the TSC frequency) and the event-channel bitmaps.
 */
int xen_map_shared_info(uint32_t gpfn);

/* TSC frequency in kHz from vCPU 0's time info, or 0 before the shared info is mapped. */
uint32_t xen_tsc_khz(void);

/* EVTCHNOP_send. */
void xen_evtchn_send(uint32_t port);

/* SCHEDOP_poll on one port for at most timeout_ns (a plain yield when time is unknown). */
void xen_poll(uint32_t port, uint64_t timeout_ns);

/* Clears a port's pending and mask bits and vCPU 0's upcall flags, so the OS starts clean. */
void xen_evtchn_reset(uint32_t port);

/* SCHEDOP_yield: let other vCPUs of this domain run. */
void xen_yield(void);

/* XENMEM_populate_physmap: back [pfn, pfn+nr) with RAM from the domain's allowance.
 * xen_populate_upto stops at the first page Xen refuses and returns how many it backed, from
 * pfn on; xen_populate wants all of them. */
uint32_t xen_populate_upto(uint32_t pfn, uint32_t nr);
int xen_populate(uint32_t pfn, uint32_t nr);

/* VCPUOP_initialise + VCPUOP_up in 32-bit flat protected mode at eip with the given stack
 * and eax; VCPUOP_down. */
int xen_vcpu_start(uint32_t vcpu, uint32_t eip, uint32_t esp, uint32_t eax);
int xen_vcpu_stop(uint32_t vcpu);

/* Moves the RAM pages at [from, from+bytes) to guest-physical to (XENMEM_add_to_physmap
 * with XENMAPSPACE_gmfn_range), page-aligned, in chunks. */
int xen_relocate_ram(uint64_t from, uint64_t to, uint64_t bytes);

/* XENMEM_get_vnumainfo for this domain. Returns 0; -ERR_NOENT when the domain has no vNUMA
 * layout; -ERR_NOSPC when an array is too small (the counts then say what Xen has);
 * -ERR_XEN otherwise. */
int xen_vnuma_info(struct xen_vnuma_buffers *b);

/* SCHEDOP_shutdown(SHUTDOWN_crash); halts if Xen returns (or was never found). */
void xen_crash(void) __attribute__((noreturn));

#endif
