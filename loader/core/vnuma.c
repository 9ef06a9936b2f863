/* SPDX-License-Identifier: GPL-2.0-only */
/* vNUMA: checking Xen's layout before the SRAT/SLIT describe it; pure, so it is host-tested. */
#include <string.h>
#include "xen/abi.h"
#include "console.h"
#include "err.h"
#include "vnuma.h"

int vnuma_from_xen(struct platform_vnuma *v, uint32_t nr_vcpus, const struct xen_vnuma_buffers *b)
{
	uint32_t nodes = b->nr_vnodes;

	const char *why = NULL;
	uint32_t a = 0, c = 0;

	memset(v, 0, sizeof(*v));
	if (!nodes || nodes > PLATFORM_MAX_VNODES) {
		why = "nodes", a = nodes, c = PLATFORM_MAX_VNODES;
	} else if (!b->nr_vmemranges || b->nr_vmemranges > PLATFORM_MAX_VMEMRANGES) {
		why = "memory ranges", a = b->nr_vmemranges, c = PLATFORM_MAX_VMEMRANGES;
	} else if (nr_vcpus > PLATFORM_MAX_VCPUS || b->nr_vcpus < nr_vcpus) {
		/* Xen sizes vcpu_to_vnode by the domain's max_vcpus, which hvm_info's count is. */
		why = "vCPUs mapped (the domain has that many at least)", a = b->nr_vcpus, c = nr_vcpus;
	}
	for (uint32_t i = 0; !why && i < nr_vcpus; i++)
		if (b->vcpu_to_vnode[i] >= nodes)
			why = "vCPU on a node past the last", a = i, c = b->vcpu_to_vnode[i];
	for (uint32_t i = 0; !why && i < b->nr_vmemranges; i++) {
		const struct xen_vmemrange *r = &b->vmemrange[i];

		if (r->nid >= nodes || r->end <= r->start)
			why = "memory range on a node past the last, or empty", a = i, c = r->nid;
	}
	if (why) {
		log_error("vNUMA layout refused: %s (%u, %u); no SRAT/SLIT\n", why, a, c);
		return -ERR_INVAL;
	}

	v->nr_vnodes = nodes;
	v->nr_vmemranges = b->nr_vmemranges;
	memcpy(v->vcpu_to_vnode, b->vcpu_to_vnode, nr_vcpus * sizeof(v->vcpu_to_vnode[0]));
	for (uint32_t i = 0; i < b->nr_vmemranges; i++) {
		v->vmemrange[i].start = b->vmemrange[i].start;
		v->vmemrange[i].end = b->vmemrange[i].end;
		v->vmemrange[i].nid = b->vmemrange[i].nid;
	}
	memcpy(v->distance, b->distance, nodes * nodes * sizeof(v->distance[0]));
	return 0;
}
