/* SPDX-License-Identifier: GPL-2.0-only */
/* Exit counters: every access that leaves the guest for Xen or the device model, by kind. */
#ifndef HVMCHAIN_COUNTERS_H
#define HVMCHAIN_COUNTERS_H

#include <stdint.h>

/*
 * Each kind is counted where the access happens: loader/hw/ for port I/O and PCI config
 * space, loader/xen/ for hypercalls, the xenstore client for requests. A PCI config access
 * is one read or write count (its exit at 0xCFC..0xCFF), plus one COUNT_PCI_ADDR when it
 * had to select a new dword at 0xCF8; neither is counted again under COUNT_IO. Console
 * bytes and console exits differ once a line goes out as one string instruction.
 */
enum count_kind {
	COUNT_PCI_READ,  /* PCI config-space reads */
	COUNT_PCI_WRITE, /* PCI config-space writes */
	COUNT_PCI_ADDR,  /* 0xCF8 writes selecting the register those go to */
	COUNT_IO,        /* other port I/O instructions (ISA, PM, CMOS, ...) */
	COUNT_CON_BYTES, /* bytes to the debug console */
	COUNT_CON_EXITS, /* port-0xE9 instructions those bytes took */
	COUNT_HYPERCALL, /* hypercalls, including each poll while xenstore answers */
	COUNT_XS,        /* xenstore requests */
	COUNT_KINDS
};

extern uint32_t counters[COUNT_KINDS];

/* Atomic: an AP bringing itself up may count while the BSP does. */
static inline void count_add(enum count_kind kind, uint32_t n)
{
	__atomic_add_fetch(&counters[kind], n, __ATOMIC_RELAXED);
}

#endif
