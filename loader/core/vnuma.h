/* SPDX-License-Identifier: GPL-2.0-only */
/* Xen's vNUMA layout (XENMEM_get_vnumainfo) checked and copied into struct platform. */
#ifndef HVMCHAIN_VNUMA_H
#define HVMCHAIN_VNUMA_H

#include "platform.h"
#include "xen/info.h"

/*
 * Copies what XENMEM_get_vnumainfo returned in b into v, for the SRAT and SLIT. The layout
 * must describe every vCPU of the domain (nr_vcpus) and name only nodes it has; memory
 * ranges must be non-empty. Returns 0, or -ERR_INVAL (logged) with v left empty: a guest
 * without SRAT boots as one node, a wrong SRAT would mislead it.
 */
int vnuma_from_xen(struct platform_vnuma *v, uint32_t nr_vcpus, const struct xen_vnuma_buffers *b);

#endif
