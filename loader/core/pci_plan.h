/* SPDX-License-Identifier: GPL-2.0-only */
/* Placing PCI BARs: a pure function from the BARs found and the memory layout to addresses. */
#ifndef HVMCHAIN_PCI_PLAN_H
#define HVMCHAIN_PCI_PLAN_H

#include <stdbool.h>
#include <stdint.h>
#include "e820.h"
#include "hvm_platform.h"

enum pci_bar_kind {
	PCI_BAR_IO,
	PCI_BAR_MEM32,
	PCI_BAR_MEM64,
	PCI_BAR_ROM,
};

struct pci_bar {
	/* in */
	uint16_t bdf;
	uint8_t reg;  /* config offset: 0x10..0x24, or 0x30 for the ROM */
	uint8_t kind; /* enum pci_bar_kind */
	bool prefetchable;
	bool top_of_hole; /* keep it at the top of the low hole, outside the UC MTRR range */
	uint64_t size;    /* a power of two */
	/* The read-only type bits sizing read back (I/O: bits 1:0; memory: 3:0; ROM: none),
	 * written again with the address. */
	uint32_t type_bits;
	/* out */
	bool placed;
	bool high; /* above 4 GiB */
	uint64_t addr;
};

/* hvmloader's defaults: the hole is [PCI_HOLE_DEFAULT_START, PCI_HOLE_END) (hvm_platform.h);
 * I/O BARs use 0xC000-0xFFFF. */
/* The largest mmio_hole_size honoured: xl refuses mmio_hole above HVM_BELOW_4G_MMIO_START
 * (3840 MiB, xl_parse.c), so a hole never starts below 256 MiB. hvmloader has no such
 * bound and would start the hole at 0 for a 4 GiB size. */
#define PCI_HOLE_SIZE_MAX 0xF0000000ull
#define PCI_IO_START 0xC000u
#define PCI_IO_END 0x10000u
/* 64-bit BARs this large go above 4 GiB: they would eat most of any low hole. */
#define PCI_BAR64_HIGH_THRESHOLD 0x40000000ull

struct pci_plan {
	/* in */
	uint64_t low_mem_end;    /* RAM below 4 GiB ends here */
	uint64_t high_mem_end;   /* RAM above 4 GiB ends here; 0 when there is none */
	uint64_t mmio_hole_size; /* platform/mmio_hole_size; 0 sizes the hole automatically */
	bool allow_relocate;     /* hvmloader/allow-memory-relocate */
	uint64_t keep_end;       /* RAM below this holds the loader and its modules: never moved */
	uint32_t phys_bits;
	/* The toolstack's RESERVED ranges (e.g. RMRRs of passed-through devices) to avoid. */
	const struct e820_entry *map;
	uint32_t map_nr;
	uint32_t nr;
	struct pci_bar *bar; /* sorted by this function, largest first */

	/* out */
	uint64_t mem_start;        /* low window [mem_start, PCI_HOLE_END) */
	uint64_t mem_uc_end;       /* [mem_start, mem_uc_end) excludes top_of_hole BARs */
	uint64_t hi_start, hi_end; /* 64-bit BARs used [hi_start, hi_end); empty if equal */
	uint64_t new_low_mem_end;  /* < low_mem_end when RAM must move out of the hole */
	uint64_t new_high_mem_end; /* where high RAM ends after that move */
	uint32_t unplaced;         /* BARs with no room: left disabled */
};

/*
 * Places every BAR: largest first, naturally aligned; 32-bit memory and ROM BARs in the
 * low hole, grown below 0xF0000000 (by doubling, up to 2 GiB, or as mmio_hole_size says
 * when it lies in [256 MiB, 3840 MiB], as xl checks) only as far as RAM allows unless
 * relocation is allowed, and never below keep_end; 64-bit BARs of 1 GiB or more,
 * and others that do not fit low, above 4 GiB and above high RAM; I/O BARs in
 * 0xC000-0xFFFF. A BAR that fits nowhere is left unplaced (never overlapped). Returns
 * the number of unplaced BARs.
 */
uint32_t pci_plan(struct pci_plan *pl);

#endif
