/* SPDX-License-Identifier: GPL-2.0-only */
/* The tests' one platform fixture: qemu-xen guests as struct platform, for every table test and dump tool. */
#ifndef HVMCHAIN_TESTS_FIXTURE_H
#define HVMCHAIN_TESTS_FIXTURE_H

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
 * What every fixture shares, a guest as `xl create` makes it by default: nr vCPUs, all
 * online, APIC IDs 2i as Xen assigns them (or ids[i]); APIC mode; PCI links on IRQs 5, 10
 * and 11 through the PIIX3 at 00:01.0; ACPI on. Free with free().
 */
static inline struct platform *t_platform_base(uint32_t nr, const uint32_t *ids)
{
	struct platform *p = calloc(1, sizeof(*p));

	p->vcpus.nr = nr;
	for (uint32_t i = 0; i < nr && i < PLATFORM_MAX_VCPUS; i++) {
		p->vcpus.apic_id[i] = ids ? ids[i] : 2 * i;
		p->vcpus.online[i / 8] |= (uint8_t)(1u << (i % 8));
	}
	p->apic_mode = true;
	p->pci.irq_mask = 0x0C20;
	p->pci.isa_bridge_devfn = 0x08;
	p->cfg.acpi = true;
	return p;
}

/*
 * For the ACPI tests: the base with the PCI window 0xF0000000-0xFC000000, COM1 and the
 * HPET, and no PCI functions (the DSDT does not list them).
 */
static inline struct platform *t_platform(uint32_t nr, const uint32_t *ids)
{
	struct platform *p = t_platform_base(nr, ids);

	p->pci.mem_start = 0xF0000000;
	p->pci.mem_end = 0xFC000000;
	p->isa.com1 = true;
	p->isa.hpet = true;
	return p;
}

/*
 * For the SMBIOS, MP and $PIR tests: the base with nr_vcpus vCPUs (all online, APIC IDs 2i as Xen assigns them), RAM
 * [0, low_end) and [4 GiB, high_end), and the devices of an `xl create` guest with one NIC: host bridge, PIIX3 with IDE
 * and PM, std-VGA, the Xen platform device, an e1000. Free with free().
 */
static inline struct platform *sample_platform(uint32_t nr_vcpus, uint64_t low_end, uint64_t high_end)
{
	struct platform *p = t_platform_base(nr_vcpus, NULL);

	p->xen.major = 4;
	p->xen.minor = 17;
	strcpy(p->xen.extra, ".3");
	memcpy(p->uuid, sample_uuid, 16);

	p->vcpus.lapic_version = 0x14;
	memcpy(p->vcpus.vendor, "GenuineIntel", 13);
	p->vcpus.signature = 0x000806EA;
	p->vcpus.features_edx = 0x178BFBFF;
	p->vcpus.khz = 2400000;

	p->mem.low_end = low_end;
	p->mem.high_end = high_end;

	sample_add_func(p, 0, 0, 0x8086, 0x1237, 0); /* i440FX host bridge */
	sample_add_func(p, 1, 0, 0x8086, 0x7000, 0); /* PIIX3 ISA bridge */
	sample_add_func(p, 1, 1, 0x8086, 0x7010, 0); /* IDE: legacy IRQs 14/15 */
	sample_add_func(p, 1, 3, 0x8086, 0x7113, 1); /* PIIX4 PM: INTA, set by the PCI setup */
	sample_add_func(p, 2, 0, 0x1234, 0x1111, 0); /* std-VGA */
	sample_add_func(p, 3, 0, 0x5853, 0x0001, 1); /* Xen platform device */
	sample_add_func(p, 4, 0, 0x8086, 0x100E, 1); /* e1000 */
	p->pci.link_irq[0] = 5;
	p->pci.link_irq[1] = 10;
	p->pci.link_irq[2] = 11;
	p->pci.link_irq[3] = 5;
	return p;
}

#endif
