/* SPDX-License-Identifier: GPL-2.0-only */
/* The fake bus tests build devices on. */
#ifndef HVMCHAIN_PCI_FAKE_H
#define HVMCHAIN_PCI_FAKE_H

#include <stdbool.h>
#include <stdint.h>

struct fake_fn {
	bool present;
	uint8_t cfg[256];
	bool has_mask[64];
	uint32_t mask[64];    /* writable bits of a BAR dword */
	uint32_t ro_bits[64]; /* type bits the BAR always reads back */
	uint32_t writes;
	uint32_t reads;
	bool written[64];             /* dwords written at least once */
	uint32_t bar_reads_unwritten; /* reads of a BAR register before any write to it */
};

struct fake_bus {
	struct fake_fn fn[256];
	uint16_t elcr;
	uint8_t cmos[128];
	bool com1;
	uint32_t accesses;
	uint32_t absent_probes[256]; /* config reads of functions that do not exist */
};

extern struct fake_bus fake_bus;

void fake_bus_reset(void);
struct fake_fn *fake_add(uint8_t dev, uint8_t fn, uint16_t vendor, uint16_t device, uint32_t class_rev);
/* bar 0..5, or 6 for the ROM; type_bits: PCI_BAR_SPACE_IO, PCI_BAR_MEM_TYPE_64, PCI_BAR_MEM_PREFETCH. */
void fake_bar(struct fake_fn *f, int bar, uint64_t size, uint32_t type_bits);
uint64_t fake_bar_value(uint8_t dev, uint8_t fn, uint8_t reg, bool is64);

#endif
