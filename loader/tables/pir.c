/* SPDX-License-Identifier: GPL-2.0-only */
/* The $PIR table (PCI IRQ Routing Table Specification 1.0): how bus-0 INTx reach the PIIX3 links. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "pir.h"
#include "console.h"
#include "err.h"
#include "hvm_platform.h"
#include "lib/checksum.h"
#include "pci_regs.h"
#include "tables.h"

/*
 * The router OSes match: PIIX (82371FB) 8086:122E, as hvmloader says. Linux's pirq code
 * knows it and the PIIX3 we really have, whose link registers are config bytes 0x60-0x63.
 */
#define PIR_COMPAT_VENDOR 0x8086
#define PIR_COMPAT_DEVICE 0x122E

/* Each pin names the PIIX3 link Xen wires it to (pci_intx_route(), as PCI setup and the
 * DSDT do). hvmloader's own $PIR says (dev + 1 + intx) & 3, one link off. */

/* Bus-0 devices with at least one function that has an interrupt pin (bit n = device n). */
static uint32_t devices_with_pins(const struct platform_pci *pci)
{
	uint32_t nr = pci->nr < PLATFORM_MAX_PCI_FUNCS ? pci->nr : PLATFORM_MAX_PCI_FUNCS;
	uint32_t devs = 0;

	for (uint32_t i = 0; i < nr; i++)
		if (pci->func[i].int_pin && !PCI_BUS(pci->func[i].bdf))
			devs |= 1u << PCI_DEV(pci->func[i].bdf);
	return devs;
}

int pir_build(const struct platform *p, struct arena *a, uint32_t *pir_paddr)
{
	uint32_t devs = devices_with_pins(&p->pci);
	uint32_t nr = 0;

	for (uint32_t dev = 0; dev < 32; dev++)
		nr += (devs >> dev) & 1;

	/* Linux's pirq_check_routing_table() refuses a table without slot entries. */
	if (!nr) {
		log_printf("$PIR: no bus-0 device has an interrupt pin; no table\n");
		return -ERR_NOENT;
	}
	/*
	 * One slot entry per device that can interrupt: the table only matters to an OS routing
	 * through the PIC without ACPI, and each entry costs F-segment space SeaBIOS copies it
	 * into. A device hot-plugged later is found through ACPI's _PRT instead.
	 */
	size_t len = sizeof(struct pir_header) + nr * sizeof(struct pir_slot);
	struct pir_header *h = arena_alloc(a, len, 16);
	if (!h) {
		log_error("$PIR: no room for %zu bytes\n", len);
		return -ERR_NOSPC;
	}
	if (arena_v2p(a, h) + len > 1ull << 32) {
		log_error("$PIR: table must lie below 4 GiB\n");
		return -ERR_RANGE;
	}

	struct pir_slot *slot = (struct pir_slot *)(h + 1);
	for (uint32_t dev = 0; dev < 32; dev++) {
		if (!((devs >> dev) & 1))
			continue;
		slot->bus = 0;
		slot->devfn = (uint8_t)(dev << 3);
		for (uint32_t intx = 0; intx < 4; intx++) {
			slot->pin[intx].link = (uint8_t)(PIIX_PIRQ_ROUTE + pci_intx_route(dev, intx).link);
			slot->pin[intx].irq_bitmap = p->pci.irq_mask;
		}
		/* Our slots are numbered as the DSDT's _SUN numbers them: the device number. */
		slot->slot = (uint8_t)dev;
		slot++;
	}

	memcpy(h->signature, "$PIR", 4);
	h->version = PIR_VERSION;
	h->size = (uint16_t)len;
	h->router_bus = 0;
	h->router_devfn = p->pci.isa_bridge_devfn;
	h->exclusive_irqs = 0; /* the links' IRQs are shared with ISA, as hvmloader says */
	h->compat_vendor = PIR_COMPAT_VENDOR;
	h->compat_device = PIR_COMPAT_DEVICE;
	checksum8_fill(h, len, &h->checksum);

	*pir_paddr = (uint32_t)arena_v2p(a, h);
	log_debug("$PIR: %u slots, %zu bytes\n", nr, len);
	return 0;
}
