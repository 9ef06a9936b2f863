/* SPDX-License-Identifier: GPL-2.0-only */
/* Intel MultiProcessor Specification 1.4 (chapter 4): the floating pointer and configuration table. */
#ifndef HVMCHAIN_MPTABLE_H
#define HVMCHAIN_MPTABLE_H

#include <stddef.h>
#include <stdint.h>

/* MP spec 4.1: the floating pointer structure, 16 bytes on a 16-byte boundary. */
struct mp_floating {
	char signature[4];  /* "_MP_" */
	uint32_t config;    /* physical address of the configuration table */
	uint8_t length;     /* in 16-byte units: 1 */
	uint8_t spec_rev;   /* 4: version 1.4 */
	uint8_t checksum;   /* all 16 bytes sum to 0 */
	uint8_t feature[5]; /* 0: a configuration table is present; virtual wire mode */
} __attribute__((packed));

_Static_assert(sizeof(struct mp_floating) == 16, "MP floating pointer is 16 bytes");
_Static_assert(offsetof(struct mp_floating, checksum) == 10, "MP floating checksum at 10");

/* MP spec 4.2: the configuration table header; base entries follow it. */
struct mp_config {
	char signature[4]; /* "PCMP" */
	uint16_t length;   /* header plus base entries */
	uint8_t spec_rev;  /* 4 */
	uint8_t checksum;  /* bytes [0, length) sum to 0 */
	char oem_id[8];
	char product_id[12];
	uint32_t oem_table;
	uint16_t oem_table_size;
	uint16_t entry_count; /* base entries */
	uint32_t lapic_addr;
	uint16_t ext_length; /* 0: no extended entries */
	uint8_t ext_checksum;
	uint8_t reserved;
} __attribute__((packed));

_Static_assert(sizeof(struct mp_config) == 44, "MP configuration header is 44 bytes");
_Static_assert(offsetof(struct mp_config, entry_count) == 34, "MP entry count at 34");
_Static_assert(offsetof(struct mp_config, lapic_addr) == 36, "MP LAPIC address at 36");

/* MP spec table 4-3: base entry types, which must appear in this order. */
#define MP_ENTRY_PROCESSOR 0
#define MP_ENTRY_BUS 1
#define MP_ENTRY_IOAPIC 2
#define MP_ENTRY_IOINT 3
#define MP_ENTRY_LOCALINT 4

/* MP spec 4.3.1: one per processor, 20 bytes. */
struct mp_processor {
	uint8_t type; /* MP_ENTRY_PROCESSOR */
	uint8_t apic_id;
	uint8_t apic_version;
	uint8_t flags;      /* MP_CPU_* */
	uint32_t signature; /* CPUID.1:EAX */
	uint32_t features;  /* CPUID.1:EDX */
	uint8_t reserved[8];
} __attribute__((packed));

#define MP_CPU_ENABLED 0x01
#define MP_CPU_BSP 0x02

_Static_assert(sizeof(struct mp_processor) == 20, "MP processor entry is 20 bytes");

/* MP spec 4.3.2: a bus; type strings are space-padded (table 4-8). */
struct mp_bus {
	uint8_t type; /* MP_ENTRY_BUS */
	uint8_t bus_id;
	char bus_type[6]; /* "PCI   ", "ISA   " */
} __attribute__((packed));

_Static_assert(sizeof(struct mp_bus) == 8, "MP bus entry is 8 bytes");

/* MP spec 4.3.3: an I/O APIC. */
struct mp_ioapic {
	uint8_t type; /* MP_ENTRY_IOAPIC */
	uint8_t id;
	uint8_t version;
	uint8_t flags; /* bit 0: usable */
	uint32_t addr;
} __attribute__((packed));

_Static_assert(sizeof(struct mp_ioapic) == 8, "MP I/O APIC entry is 8 bytes");

/* MP spec 4.3.4 and 4.3.5: I/O and local interrupt assignments share one layout. */
struct mp_interrupt {
	uint8_t type;     /* MP_ENTRY_IOINT or MP_ENTRY_LOCALINT */
	uint8_t int_type; /* MP_INT_* */
	uint16_t flags;   /* MP_IRQ_* polarity (bits 1:0) and trigger (bits 3:2) */
	uint8_t src_bus;
	uint8_t src_irq;  /* ISA: the IRQ; PCI: device << 2 | (pin - 1) */
	uint8_t dst_apic; /* I/O APIC ID, or 0xFF for every local APIC */
	uint8_t dst_pin;  /* I/O APIC input, or LINT0/LINT1 */
} __attribute__((packed));

_Static_assert(sizeof(struct mp_interrupt) == 8, "MP interrupt entry is 8 bytes");

/* MP spec table 4-11: interrupt types. */
#define MP_INT_INT 0
#define MP_INT_NMI 1
#define MP_INT_SMI 2
#define MP_INT_EXTINT 3

/* MP spec table 4-10: 0 means "conforms to the bus". */
#define MP_IRQ_ACTIVE_HIGH 0x1
#define MP_IRQ_ACTIVE_LOW 0x3
#define MP_IRQ_EDGE (0x1 << 2)
#define MP_IRQ_LEVEL (0x3 << 2)

/* All local APICs, as a destination (MP spec 4.3.5). */
#define MP_ALL_LAPICS 0xFF

#endif
