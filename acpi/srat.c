/* SPDX-License-Identifier: GPL-2.0-only */
/* SRAT and SLIT (ACPI 6.5 §5.2.16, §5.2.17) from Xen's vNUMA layout, when the domain has one. */
#include <string.h>
#include "acpi/internal.h"
#include "console.h"
#include "err.h"
#include "hvm_platform.h"

/* The toolstack's layout must be self-consistent before we describe it. */
static int vnuma_valid(const struct platform *p)
{
	const struct platform_vnuma *n = &p->vnuma;

	if (n->nr_vnodes > PLATFORM_MAX_VNODES || n->nr_vmemranges > PLATFORM_MAX_VMEMRANGES)
		return -ERR_RANGE;
	for (uint32_t i = 0; i < p->vcpus.nr; i++)
		if (n->vcpu_to_vnode[i] >= n->nr_vnodes)
			return -ERR_INVAL;
	for (uint32_t i = 0; i < n->nr_vmemranges; i++)
		if (n->vmemrange[i].nid >= n->nr_vnodes || n->vmemrange[i].end <= n->vmemrange[i].start)
			return -ERR_INVAL;
	return 0;
}

int acpi_srat_build(struct acpi_ctx *c, struct acpi_header **out)
{
	const struct platform *p = c->p;
	const struct platform_vnuma *n = &p->vnuma;
	uint32_t len = sizeof(struct acpi_srat);
	struct acpi_srat *s;
	uint8_t *e;
	int rc;

	*out = NULL;
	if (n->nr_vnodes == 0)
		return 0;
	rc = vnuma_valid(p);
	if (rc)
		return rc;
	for (uint32_t i = 0; i < p->vcpus.nr; i++)
		len += apic_id_needs_x2apic(p->vcpus.apic_id[i]) ? sizeof(struct acpi_srat_x2apic)
								 : sizeof(struct acpi_srat_processor);
	len += n->nr_vmemranges * sizeof(struct acpi_srat_memory);

	s = acpi_table_alloc(c, "SRAT", len, ACPI_SRAT_REVISION);
	if (!s)
		return -ERR_NOSPC;
	s->reserved1 = 1;
	e = (uint8_t *)(s + 1);

	/*
	 * Every vCPU the domain may have, online or not, as hvmloader does: affinity must be
	 * known before a vCPU is hot-added. x2APIC IDs use the x2APIC form, as in the MADT.
	 */
	for (uint32_t i = 0; i < p->vcpus.nr; i++) {
		uint32_t dom = n->vcpu_to_vnode[i];

		if (apic_id_needs_x2apic(p->vcpus.apic_id[i])) {
			struct acpi_srat_x2apic x = {
				.type = ACPI_SRAT_X2APIC,
				.length = sizeof(x),
				.domain = dom,
				.x2apic_id = p->vcpus.apic_id[i],
				.flags = ACPI_SRAT_ENABLED,
			};
			memcpy(e, &x, sizeof(x));
			e += sizeof(x);
		} else {
			struct acpi_srat_processor a = {
				.type = ACPI_SRAT_PROCESSOR,
				.length = sizeof(a),
				.domain_lo = (uint8_t)dom,
				.apic_id = (uint8_t)p->vcpus.apic_id[i],
				.flags = ACPI_SRAT_ENABLED,
				.domain_hi = { (uint8_t)(dom >> 8), (uint8_t)(dom >> 16), (uint8_t)(dom >> 24) },
			};
			memcpy(e, &a, sizeof(a));
			e += sizeof(a);
		}
	}
	for (uint32_t i = 0; i < n->nr_vmemranges; i++) {
		struct acpi_srat_memory m = {
			.type = ACPI_SRAT_MEMORY,
			.length = sizeof(m),
			.domain = n->vmemrange[i].nid,
			.base = n->vmemrange[i].start,
			.size = n->vmemrange[i].end - n->vmemrange[i].start,
			.flags = ACPI_SRAT_ENABLED,
		};
		memcpy(e, &m, sizeof(m));
		e += sizeof(m);
	}
	*out = &s->header;
	return 0;
}

int acpi_slit_build(struct acpi_ctx *c, struct acpi_header **out)
{
	const struct platform_vnuma *n = &c->p->vnuma;
	uint32_t nodes = n->nr_vnodes;
	struct acpi_slit *s;
	uint8_t *e;

	*out = NULL;
	if (nodes == 0)
		return 0;
	if (nodes > PLATFORM_MAX_VNODES)
		return -ERR_RANGE;
	/* §5.2.17: 10 means local and sits on the diagonal; 0-9 are reserved, 255 means
	 * unreachable; a distance must fit in a byte. */
	for (uint32_t i = 0; i < nodes; i++) {
		for (uint32_t j = 0; j < nodes; j++) {
			uint32_t d = n->distance[i * nodes + j];

			if (d > 255 || (i == j ? d != 10 : d <= 10)) {
				log_error("ACPI: vNUMA distance %u->%u is %u\n", i, j, d);
				return -ERR_INVAL;
			}
		}
	}
	s = acpi_table_alloc(c, "SLIT", sizeof(*s) + nodes * nodes, ACPI_SLIT_REVISION);
	if (!s)
		return -ERR_NOSPC;
	s->localities = nodes;
	e = (uint8_t *)(s + 1);
	for (uint32_t i = 0; i < nodes * nodes; i++)
		e[i] = (uint8_t)n->distance[i];
	*out = &s->header;
	return 0;
}
