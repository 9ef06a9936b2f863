/* SPDX-License-Identifier: GPL-2.0-only */
/* The MADT (ACPI 6.5 §5.2.12): one processor entry per vCPU, Xen's IOAPIC, ISA overrides and NMIs. */
#include <string.h>
#include "acpi/internal.h"
#include "console.h"
#include "err.h"
#include "hvm_platform.h"

/* Xen's vLAPIC takes NMIs on LINT1, as hvmloader's MP table declares. */
#define NMI_LINT 1
#define ALL_PROCESSORS_8 0xFF
#define ALL_PROCESSORS_32 0xFFFFFFFFu

/* Offline vCPUs are disabled but Online Capable (§5.2.12.2, MADT revision 5): Linux 6.3+
 * and Windows only count such an entry as a hot-pluggable CPU when the bit is set. */
static uint32_t vcpu_flags(const struct platform_vcpus *v, uint32_t i)
{
	return vcpu_is_online(v, i) ? ACPI_MADT_ENABLED : ACPI_MADT_ONLINE_CAPABLE;
}

/* Whether ISA IRQ irq needs an override entry, and which one. */
static bool iso_for(const struct platform *p, unsigned irq, struct acpi_madt_iso *iso)
{
	*iso = (struct acpi_madt_iso){ .type = ACPI_MADT_ISO, .length = sizeof(*iso), .source = (uint8_t)irq };
	if (irq == 0) {
		/* The PIT's IRQ0 is wired to IOAPIC pin 2, as on real PCs (and in Xen's vIOAPIC). */
		iso->gsi = 2;
		iso->flags = ACPI_MADT_INTI_CONFORMS;
		return true;
	}
	/* PCI interrupts routed to ISA IRQs through the PIIX3 links: level, active low. */
	if (irq != 2 && (p->pci.irq_mask >> irq) & 1) {
		iso->gsi = irq;
		iso->flags = ACPI_MADT_INTI_LEVEL_LOW;
		return true;
	}
	return false;
}

int acpi_madt_build(struct acpi_ctx *c, struct acpi_header **out)
{
	const struct platform *p = c->p;
	const struct platform_vcpus *v = &p->vcpus;
	struct acpi_madt_iso iso;
	uint32_t len = sizeof(struct acpi_madt), nr_iso = 0, nr_x2apic = 0;
	struct acpi_madt *m;
	uint8_t *e;

	/* hvmloader's rule: a single-vCPU guest without an IOAPIC runs on the 8259s alone. */
	if (v->nr <= 1 && !p->apic_mode) {
		*out = NULL;
		return 0;
	}
	for (uint32_t i = 0; i < v->nr; i++) {
		if (apic_id_needs_x2apic(v->apic_id[i])) {
			nr_x2apic++;
			len += sizeof(struct acpi_madt_x2apic);
		} else {
			len += sizeof(struct acpi_madt_lapic);
		}
	}
	len += sizeof(struct acpi_madt_lapic_nmi);
	if (nr_x2apic)
		len += sizeof(struct acpi_madt_x2apic_nmi);
	if (p->apic_mode) {
		for (unsigned irq = 0; irq < 16; irq++)
			nr_iso += iso_for(p, irq, &iso);
		len += sizeof(struct acpi_madt_ioapic) + nr_iso * sizeof(struct acpi_madt_iso);
	}

	m = acpi_table_alloc(c, "APIC", len, ACPI_MADT_REVISION);
	if (!m)
		return -ERR_NOSPC;
	m->lapic_address = LAPIC_BASE;
	m->flags = ACPI_MADT_PCAT_COMPAT;
	e = (uint8_t *)(m + 1);

	/*
	 * Processors in vCPU order, so the boot processor (vCPU 0) comes first as §5.2.12
	 * asks. The ACPI processor UID is the vCPU index: the _UID of the matching
	 * ACPI0007 device in the vCPU SSDT (acpi/cpus.c).
	 */
	for (uint32_t i = 0; i < v->nr; i++) {
		if (apic_id_needs_x2apic(v->apic_id[i])) {
			struct acpi_madt_x2apic x = {
				.type = ACPI_MADT_X2APIC,
				.length = sizeof(x),
				.x2apic_id = v->apic_id[i],
				.flags = vcpu_flags(v, i),
				.acpi_uid = i,
			};
			memcpy(e, &x, sizeof(x));
			e += sizeof(x);
		} else {
			struct acpi_madt_lapic l = {
				.type = ACPI_MADT_LAPIC,
				.length = sizeof(l),
				.acpi_uid = (uint8_t)i,
				.apic_id = (uint8_t)v->apic_id[i],
				.flags = vcpu_flags(v, i),
			};
			memcpy(e, &l, sizeof(l));
			e += sizeof(l);
		}
	}

	if (p->apic_mode) {
		struct acpi_madt_ioapic io = {
			.type = ACPI_MADT_IOAPIC,
			.length = sizeof(io),
			.ioapic_id = IOAPIC_ID,
			.address = IOAPIC_BASE,
			.gsi_base = 0,
		};
		memcpy(e, &io, sizeof(io));
		e += sizeof(io);
		for (unsigned irq = 0; irq < 16; irq++) {
			if (iso_for(p, irq, &iso)) {
				memcpy(e, &iso, sizeof(iso));
				e += sizeof(iso);
			}
		}
	}

	struct acpi_madt_lapic_nmi nmi = {
		.type = ACPI_MADT_LAPIC_NMI,
		.length = sizeof(nmi),
		.acpi_uid = ALL_PROCESSORS_8,
		.flags = ACPI_MADT_INTI_CONFORMS,
		.lint = NMI_LINT,
	};
	memcpy(e, &nmi, sizeof(nmi));
	e += sizeof(nmi);
	if (nr_x2apic) {
		/* §5.2.12.13: x2APIC processors take their NMI wiring from this entry only. */
		struct acpi_madt_x2apic_nmi xnmi = {
			.type = ACPI_MADT_X2APIC_NMI,
			.length = sizeof(xnmi),
			.flags = ACPI_MADT_INTI_CONFORMS,
			.acpi_uid = ALL_PROCESSORS_32,
			.lint = NMI_LINT,
		};
		memcpy(e, &xnmi, sizeof(xnmi));
		e += sizeof(xnmi);
	}

	/* The emulated-Xen tests check this line against the domain's vCPU count (the corner guests). */
	log_printf("ACPI: MADT lists %u vCPUs (%u local APIC, %u x2APIC entries), %u interrupt overrides\n", v->nr,
		   v->nr - nr_x2apic, nr_x2apic, nr_iso);
	*out = &m->header;
	return 0;
}
