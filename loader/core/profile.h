/* SPDX-License-Identifier: GPL-2.0-only */
/* The boot's phase profile: TSC time and exit counts per phase, and the summary lines. */
#ifndef HVMCHAIN_PROFILE_H
#define HVMCHAIN_PROFILE_H

#include <stddef.h>
#include <stdint.h>
#include "counters.h"

enum phase {
	PHASE_PROBE,       /* Xen, start info, memory map, hvm_info, vNUMA, time, CPUID */
	PHASE_XENSTORE,    /* opening the ring and reading every key */
	PHASE_PCI_SCAN,    /* link routing, enumeration, quirks, BAR sizing, INTx */
	PHASE_PCI_PROGRAM, /* planning and writing the BARs */
	PHASE_PCI_DECODE,  /* turning decode on */
	PHASE_VCPUS,       /* MTRRs, APs, LAPIC/IOAPIC, ISA */
	PHASE_TABLES,      /* SMBIOS, MP, $PIR, ACPI */
	PHASE_PAYLOAD,     /* copying the firmware image into place */
	PHASE_HANDOFF,     /* TSS, CMOS, E820, the handoff block, closing xenstore */
	PHASE_NR
};

struct phase_stats {
	uint64_t tsc;
	uint32_t count[COUNT_KINDS];
};

struct profile {
	uint64_t (*clock)(void); /* the TSC on the target */
	int cur;                 /* the phase running now, -1 before the first */
	uint64_t since_tsc;      /* clock and counters when it began */
	uint32_t since[COUNT_KINDS];
	struct phase_stats phase[PHASE_NR];
};

/* Starts a profile and makes it the one phase_enter() feeds; no phase runs yet. */
void profile_start(struct profile *pr, uint64_t (*clock)(void));

/*
 * Charges the time and counts since the last call to the phase that ran, then starts
 * next (PHASE_NR: none). A phase may be entered more than once; its figures add up.
 * Without a started profile (host tests of setup code) it does nothing.
 */
void phase_enter(enum phase next);

/* The sum of every phase. */
struct phase_stats profile_total(const struct profile *pr);

/*
 * One summary line per phase and one for the total, for the log and for `make bench`:
 *   "hvmchain: phase NAME T ms pcir=N pciw=N io=N con=BYTES/EXITS hc=N xs=N\n"
 *   "hvmchain: phases total T ms pcir=N ... xs=N\n"
 * T has three decimals, from khz (the TSC's rate; 0 prints "? ms"). One line each, as
 * Xen cuts a guest's console line at 199 bytes. Returns the length written (without
 * the NUL), or the length needed if it did not fit, as snprintf does.
 */
int profile_format(const struct profile *pr, uint32_t khz, char *buf, size_t len);

extern const char *const phase_names[PHASE_NR];

#endif
