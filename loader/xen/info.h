/* SPDX-License-Identifier: GPL-2.0-only */
/* What the loader learnt about Xen itself, as plain data: no hypercall API, so builders may see it. */
#ifndef HVMCHAIN_XEN_INFO_H
#define HVMCHAIN_XEN_INFO_H

#include <stdint.h>
#include <xen/memory.h>

struct xen_info {
	uint32_t cpuid_base; /* leaf holding "XenVMMXenVMM" */
	uint32_t major, minor;
	char extra[16]; /* XENVER_extraversion, e.g. ".5" */
};

/* Arrays XENMEM_get_vnumainfo fills; the counts are their capacities going in and Xen's
 * counts coming out. */
struct xen_vnuma_buffers {
	uint32_t nr_vnodes, nr_vcpus, nr_vmemranges;
	uint32_t *distance;      /* nr_vnodes * nr_vnodes, [from * nr_vnodes + to] */
	uint32_t *vcpu_to_vnode; /* nr_vcpus */
	struct xen_vmemrange *vmemrange;
};

#endif
