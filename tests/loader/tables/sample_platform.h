/* SPDX-License-Identifier: GPL-2.0-only */
/* A typical qemu-xen guest as struct platform, for the table tests and the dmidecode check. */
#ifndef HVMCHAIN_TEST_SAMPLE_PLATFORM_H
#define HVMCHAIN_TEST_SAMPLE_PLATFORM_H

#include <stdlib.h>
#include <string.h>
#include "platform.h"

/* The domain's UUID as `xl list -l` prints it, and the bytes XENVER_guest_handle returns. */
#define SAMPLE_UUID_STR "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
static const uint8_t sample_uuid[16] = { 0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
					 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8 };

static inline void sample_add_func(struct platform *p, uint32_t dev, uint32_t fn, uint16_t vendor, uint16_t device,
				   uint8_t pin)
{
	struct platform_pci_func *f = &p->pci.func[p->pci.nr++];

	f->bdf = (uint16_t)(dev << 3 | fn);
	f->vendor = vendor;
	f->device = device;
	f->int_pin = pin;
}

/*
 * nr_vcpus vCPUs (all online, APIC IDs 2i as Xen assigns them), RAM [0, low_end) and
 * [4 GiB, high_end), and the devices of an `xl create` guest with one NIC: host bridge,
 * PIIX3 with IDE and PM, std-VGA, the Xen platform device, an e1000. Free with free().
 */
static inline struct platform *sample_platform(uint32_t nr_vcpus, uint64_t low_end, uint64_t high_end)
{
	struct platform *p = calloc(1, sizeof(*p));

	p->xen.major = 4;
	p->xen.minor = 17;
	strcpy(p->xen.extra, ".3");
	memcpy(p->uuid, sample_uuid, 16);

	p->vcpus.nr = nr_vcpus;
	for (uint32_t i = 0; i < nr_vcpus && i < PLATFORM_MAX_VCPUS; i++) {
		p->vcpus.online[i / 8] |= (uint8_t)(1u << (i % 8));
		p->vcpus.apic_id[i] = 2 * i;
	}
	p->vcpus.lapic_version = 0x14;
	memcpy(p->vcpus.vendor, "GenuineIntel", 13);
	p->vcpus.signature = 0x000806EA;
	p->vcpus.features_edx = 0x178BFBFF;
	p->vcpus.khz = 2400000;
	p->apic_mode = true;

	p->mem.low_end = low_end;
	p->mem.high_end = high_end;

	sample_add_func(p, 0, 0, 0x8086, 0x1237, 0); /* i440FX host bridge */
	sample_add_func(p, 1, 0, 0x8086, 0x7000, 0); /* PIIX3 ISA bridge */
	sample_add_func(p, 1, 1, 0x8086, 0x7010, 0); /* IDE: legacy IRQs 14/15 */
	sample_add_func(p, 1, 3, 0x8086, 0x7113, 1); /* PIIX4 PM: INTA, set by the PCI setup */
	sample_add_func(p, 2, 0, 0x1234, 0x1111, 0); /* std-VGA */
	sample_add_func(p, 3, 0, 0x5853, 0x0001, 1); /* Xen platform device */
	sample_add_func(p, 4, 0, 0x8086, 0x100E, 1); /* e1000 */
	p->pci.irq_mask = 0x0C20;
	p->pci.link_irq[0] = 5;
	p->pci.link_irq[1] = 10;
	p->pci.link_irq[2] = 11;
	p->pci.link_irq[3] = 5;
	p->pci.isa_bridge_devfn = 0x08;
	p->cfg.acpi = true;
	return p;
}

#endif
