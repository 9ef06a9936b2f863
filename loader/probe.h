/* SPDX-License-Identifier: GPL-2.0-only */
/* Probing: gathering facts from Xen, xenstore, the CPU and legacy devices into struct platform. */
#ifndef HVMCHAIN_PROBE_H
#define HVMCHAIN_PROBE_H

#include "platform.h"
#include "xenstore.h"

/* CPUID facts of the BSP: vendor, signature, features, physical address bits, x2APIC. */
void probe_cpu(struct platform *p);

/* Connects to xenstore through the HVM params (STORE_PFN, STORE_EVTCHN); false if absent. */
bool probe_xenstore_open(struct xs_client *c);

/*
 * Reads the keys libxl writes (platform/, hvmloader/, bios-strings/) into p->cfg and
 * p->strings; absent keys take hvmloader's defaults, malformed ones are logged and take
 * them too. c may be NULL (no xenstore): every key then takes its default.
 */
void probe_config(struct platform *p, struct xs_client *c);

/* hvm_info at 0x9F800 into p->vcpus/p->mem; falls back on the memory map when invalid. */
void probe_hvm_info(struct platform *p);

/* Xen's vNUMA layout (XENMEM_get_vnumainfo) into p->vnuma, for the SRAT and SLIT; empty
 * when the domain has none. After probe_hvm_info (it needs the vCPU count). */
void probe_vnuma(struct platform *p);

/* COM1/COM2/LPT1 and the HPET. */
void probe_isa(struct platform *p);

/* Leaves xenstore and the event channel clean for the OS's xenbus. */
void probe_xenstore_close(struct xs_client *c);

#endif
