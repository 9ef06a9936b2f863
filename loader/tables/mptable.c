/* SPDX-License-Identifier: GPL-2.0-only */
/* The MP 1.4 floating pointer and configuration table (Intel MP spec 1.4, chapter 4) for the guest. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "mptable.h"
#include "console.h"
#include "err.h"
#include "hvm_platform.h"
#include "lib/checksum.h"
#include "pci_regs.h"
#include "tables.h"

/*
 * The interrupt hardware Xen emulates, as hvmloader's ACPI tables describe it too: one
 * I/O APIC with 48 inputs (VIOAPIC_NUM_PINS), the 16 ISA IRQs on inputs 0-15 except that
 * IRQ 0 arrives on input 2 (hvm_isa_irq_to_gsi()), the 8259 on input 0, and PCI INTx on
 * inputs 16-47.
 */
#define IOAPIC_VERSION 0x11 /* Xen's VIOAPIC_VERSION_ID */
#define ISA_IRQS 16

/* Bus IDs: PCI bus 0 keeps its number (Linux matches PCI sources by it), ISA comes next. */
#define BUS_PCI 0
#define BUS_ISA 1

/* Xen's vLAPIC version register (VLAPIC_VERSION) when the probe could not read one. */
#define XEN_LAPIC_VERSION 0x14

/* Appends base entries to the configuration table, counting them. */
struct mp_writer {
	uint8_t *pos;
	uint16_t count;
};

static void mp_put(struct mp_writer *w, const void *entry, size_t len)
{
	memcpy(w->pos, entry, len);
	w->pos += len;
	w->count++;
}

static void mp_interrupt(struct mp_writer *w, uint8_t type, uint8_t int_type, uint16_t flags, uint8_t bus, uint8_t irq,
			 uint8_t dst, uint8_t pin)
{
	struct mp_interrupt e = { type, int_type, flags, bus, irq, dst, pin };

	mp_put(w, &e, sizeof(e));
}

/* Which INTx pins each bus-0 device uses (bit n = INT(A+n)); other buses are logged. */
static void pci_pins(const struct platform_pci *pci, uint8_t pins[32])
{
	uint32_t nr = pci->nr < PLATFORM_MAX_PCI_FUNCS ? pci->nr : PLATFORM_MAX_PCI_FUNCS;

	memset(pins, 0, 32);
	for (uint32_t i = 0; i < nr; i++) {
		const struct platform_pci_func *f = &pci->func[i];

		if (!f->int_pin)
			continue;
		if (PCI_BUS(f->bdf) || f->int_pin > 4) {
			log_error("MP: %02x:%02x.%x INT pin %u is not a bus-0 INTA-INTD; no entry\n", PCI_BUS(f->bdf),
				  PCI_DEV(f->bdf), PCI_FN(f->bdf), f->int_pin);
			continue;
		}
		pins[PCI_DEV(f->bdf)] |= (uint8_t)(1u << (f->int_pin - 1));
	}
}

static uint32_t mp_processors(const struct platform_vcpus *v, struct mp_writer *w)
{
	uint32_t nr = v->nr < PLATFORM_MAX_VCPUS ? v->nr : PLATFORM_MAX_VCPUS;
	uint32_t listed = 0;
	uint8_t version = v->lapic_version;

	/*
	 * The version must be what each LAPIC reports: Linux compares them and warns "BIOS bug,
	 * APIC version mismatch". hvmloader hard-codes 0x11; Xen's vLAPIC reports 0x14.
	 */
	if (!version)
		version = XEN_LAPIC_VERSION;
	for (uint32_t i = 0; i < nr; i++) {
		struct mp_processor e = { .type = MP_ENTRY_PROCESSOR, .apic_version = version };

		if (apic_id_needs_x2apic(v->apic_id[i])) {
			log_error("MP: vCPU %u has APIC ID %u, beyond the MP table's 8 bits; not listed\n", i,
				  v->apic_id[i]);
			continue;
		}
		e.apic_id = (uint8_t)v->apic_id[i];
		e.flags = (vcpu_is_online(v, i) ? MP_CPU_ENABLED : 0) | (i == 0 ? MP_CPU_BSP : 0);
		e.signature = v->signature;
		e.features = v->features_edx;
		if (w)
			mp_put(w, &e, sizeof(e));
		listed++;
	}
	return listed;
}

static void mp_buses_and_ioapic(struct mp_writer *w)
{
	struct mp_bus pci = { MP_ENTRY_BUS, BUS_PCI, "PCI   " };
	struct mp_bus isa = { MP_ENTRY_BUS, BUS_ISA, "ISA   " };
	struct mp_ioapic ioapic = { MP_ENTRY_IOAPIC, IOAPIC_ID, IOAPIC_VERSION, 1, IOAPIC_BASE };

	mp_put(w, &pci, sizeof(pci));
	mp_put(w, &isa, sizeof(isa));
	mp_put(w, &ioapic, sizeof(ioapic));
}

/* MP spec 4.3.4: every I/O APIC input that has a source. */
static void mp_io_interrupts(const struct platform *p, const uint8_t pins[32], struct mp_writer *w)
{
	/* Input 0: the 8259's INTR, for virtual wire mode. */
	mp_interrupt(w, MP_ENTRY_IOINT, MP_INT_EXTINT, 0, BUS_ISA, 0, IOAPIC_ID, 0);
	/*
	 * ISA IRQs: identity-mapped but IRQ 0 on input 2, so IRQ 2 (the cascade) has none. The
	 * IRQs the PCI links route to are level-triggered and active low (the ELCR says so);
	 * the rest conform to ISA (edge, active high).
	 */
	for (uint8_t irq = 0; irq < ISA_IRQS; irq++) {
		if (irq == 2)
			continue;
		uint16_t flags = (p->pci.irq_mask >> irq) & 1 ? MP_IRQ_ACTIVE_LOW | MP_IRQ_LEVEL : 0;
		mp_interrupt(w, MP_ENTRY_IOINT, MP_INT_INT, flags, BUS_ISA, irq, IOAPIC_ID, irq ? irq : 2);
	}
	/*
	 * PCI: one entry per device and pin (MP spec 4.3.4 and appendix D: source IRQ is
	 * device << 2 | pin), on the input Xen wires it to. This includes the Xen platform
	 * device's INTA, which guests use for event channel upcalls.
	 */
	for (uint32_t dev = 0; dev < 32; dev++)
		for (uint32_t intx = 0; intx < 4; intx++)
			if ((pins[dev] >> intx) & 1)
				mp_interrupt(w, MP_ENTRY_IOINT, MP_INT_INT, MP_IRQ_ACTIVE_LOW | MP_IRQ_LEVEL, BUS_PCI,
					     (uint8_t)(dev << 2 | intx), IOAPIC_ID, pci_intx_route(dev, intx).gsi);
}

/* MP spec 4.3.5 and 5.1: LINT0 takes the 8259 (virtual wire), LINT1 NMI, on every LAPIC. */
static void mp_local_interrupts(struct mp_writer *w)
{
	mp_interrupt(w, MP_ENTRY_LOCALINT, MP_INT_EXTINT, 0, BUS_ISA, 0, MP_ALL_LAPICS, 0);
	mp_interrupt(w, MP_ENTRY_LOCALINT, MP_INT_NMI, 0, BUS_ISA, 0, MP_ALL_LAPICS, 1);
}

int mptable_build(const struct platform *p, struct arena *a, uint32_t *mpfp_paddr)
{
	uint8_t pins[32];
	uint32_t nr_pci = 0;

	if (!p->apic_mode) {
		log_printf("MP: no I/O APIC (apic_mode 0); no MP table\n");
		return -ERR_NOENT;
	}
	pci_pins(&p->pci, pins);
	for (uint32_t dev = 0; dev < 32; dev++)
		for (uint32_t intx = 0; intx < 4; intx++)
			nr_pci += (pins[dev] >> intx) & 1;

	uint32_t nr_cpus = mp_processors(&p->vcpus, NULL);
	uint32_t nr_ints = 1 + (ISA_IRQS - 1) + nr_pci;
	size_t len = sizeof(struct mp_config) + nr_cpus * sizeof(struct mp_processor) + 2 * sizeof(struct mp_bus) +
		     sizeof(struct mp_ioapic) + (nr_ints + 2) * sizeof(struct mp_interrupt);
	/* MP spec 4.1: the floating pointer lies on a 16-byte boundary. */
	struct mp_floating *fp = arena_alloc(a, sizeof(*fp), 16);
	struct mp_config *cfg = arena_alloc(a, len, 16);

	if (!fp || !cfg) {
		log_error("MP: no room for %zu bytes of tables\n", sizeof(*fp) + len);
		return -ERR_NOSPC;
	}
	if (arena_v2p(a, cfg) + len > 1ull << 32) {
		log_error("MP: tables must lie below 4 GiB\n");
		return -ERR_RANGE;
	}

	struct mp_writer w = { (uint8_t *)(cfg + 1), 0 };
	mp_processors(&p->vcpus, &w);
	mp_buses_and_ioapic(&w);
	mp_io_interrupts(p, pins, &w);
	mp_local_interrupts(&w);

	memcpy(cfg->signature, "PCMP", 4);
	cfg->length = (uint16_t)len;
	cfg->spec_rev = 4;
	memcpy(cfg->oem_id, "_HVMCPU_", 8); /* as hvmloader */
	memcpy(cfg->product_id, "XEN         ", 12);
	cfg->entry_count = w.count;
	cfg->lapic_addr = LAPIC_BASE;
	checksum8_fill(cfg, len, &cfg->checksum);

	memcpy(fp->signature, "_MP_", 4);
	fp->config = (uint32_t)arena_v2p(a, cfg);
	fp->length = 1;
	fp->spec_rev = 4;
	checksum8_fill(fp, sizeof(*fp), &fp->checksum);

	*mpfp_paddr = (uint32_t)arena_v2p(a, fp);
	log_debug("MP: %u processors, %u PCI interrupts, %zu bytes\n", nr_cpus, nr_pci, sizeof(*fp) + len);
	if (sizeof(*fp) + len > MPTABLE_SEABIOS_MAX)
		log_printf("MP: warning: %zu bytes exceed the %u SeaBIOS copies to its F-segment; the guest "
			   "will have no MP table (ACPI's MADT still lists the CPUs)\n",
			   sizeof(*fp) + len, MPTABLE_SEABIOS_MAX);
	return 0;
}
