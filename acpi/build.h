/* SPDX-License-Identifier: GPL-2.0-only */
/* The ACPI builder's API: every table from struct platform into an arena, RSDP address out. */
#ifndef HVMCHAIN_ACPI_BUILD_H
#define HVMCHAIN_ACPI_BUILD_H

#include <stdint.h>
#include "arena.h"
#include "platform.h"

/*
 * How much arena acpi_build_tables() may need: generous for 128 vCPUs, 16 vNUMA nodes and 32
 * memory ranges (about 40 KiB is used then), plus the toolstack's acpi_firmware blob,
 * which is copied in. The builder checks every allocation anyway; this is for sizing.
 */
#define ACPI_ARENA_BASE_SIZE (64u * 1024)
#define ACPI_ARENA_SIZE(p) (ACPI_ARENA_BASE_SIZE + (p)->cfg.acpi_blob_len)

/* What acpi_build_tables() produced, as guest-physical addresses. */
struct acpi_tables {
	uint32_t rsdp;     /* 36-byte RSDP, 16-byte aligned: hand it to SeaBIOS */
	uint32_t vm_genid; /* the 16-byte VM generation ID, 0 if none: HVM_PARAM_VM_GENERATION_ID_ADDR */
	uint32_t facs;
	uint32_t dsdt;
	uint32_t nr_tables; /* entries in the XSDT (FADT included) */
};

/*
 * Builds RSDP, XSDT, RSDT, FADT (and the ACPI 1.0 FADT), FACS, DSDT and the secondary
 * tables for platform p, writing only into arena a. Returns 0, or -ERR_* when a table
 * the OS cannot do without (FACS, DSDT, FADT, XSDT/RSDT, RSDP) did not fit or p is
 * unusable; then the guest must boot without ACPI. An optional table that fails is
 * logged with log_error() and left out.
 */
int acpi_build_tables(const struct platform *p, struct arena *a, struct acpi_tables *out);

#endif
