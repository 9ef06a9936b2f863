/* SPDX-License-Identifier: GPL-2.0-only */
/* The PCI IRQ Routing Table ($PIR), Microsoft's "PCI IRQ Routing Table Specification" 1.0. */
#ifndef HVMCHAIN_PIR_H
#define HVMCHAIN_PIR_H

#include <stddef.h>
#include <stdint.h>

/* One device on a bus and where its INTA#..INTD# lines go (spec "Slot Entry", 16 bytes). */
struct pir_link {
	uint8_t link;        /* router-specific value; 0: not connected. PIIX: 0x60 + PIRQ n */
	uint16_t irq_bitmap; /* ISA IRQs the link can be routed to (bit n = IRQ n) */
} __attribute__((packed));

struct pir_slot {
	uint8_t bus;
	uint8_t devfn;          /* device << 3; the function bits are ignored */
	struct pir_link pin[4]; /* INTA# .. INTD# */
	uint8_t slot;           /* physical slot number, 0 for embedded devices */
	uint8_t reserved;
} __attribute__((packed));

_Static_assert(sizeof(struct pir_link) == 3, "$PIR link is 3 bytes");
_Static_assert(sizeof(struct pir_slot) == 16, "$PIR slot entry is 16 bytes");
_Static_assert(offsetof(struct pir_slot, slot) == 14, "$PIR slot number at 14");

/* The header (spec "Table Header", 32 bytes); slot entries follow it. */
struct pir_header {
	char signature[4]; /* "$PIR" */
	uint16_t version;  /* 0x0100 */
	uint16_t size;     /* header plus slots, a multiple of 16 above 32 */
	uint8_t router_bus;
	uint8_t router_devfn;
	uint16_t exclusive_irqs; /* ISA IRQs reserved for PCI alone */
	uint16_t compat_vendor;  /* a router the OS knows that ours behaves like */
	uint16_t compat_device;
	uint32_t miniport_data;
	uint8_t reserved[11];
	uint8_t checksum; /* bytes [0, size) sum to 0 */
} __attribute__((packed));

_Static_assert(sizeof(struct pir_header) == 32, "$PIR header is 32 bytes");
_Static_assert(offsetof(struct pir_header, compat_vendor) == 12, "$PIR compatible router at 12");
_Static_assert(offsetof(struct pir_header, checksum) == 31, "$PIR checksum at 31");

#define PIR_VERSION 0x0100

#endif
