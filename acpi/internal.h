/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared by the ACPI table builders: the build context and one builder per table family. */
#ifndef HVMCHAIN_ACPI_INTERNAL_H
#define HVMCHAIN_ACPI_INTERNAL_H

#include "acpi.h"
#include "arena.h"
#include "platform.h"

/* XSDT/RSDT entries besides the FADT; hvmloader stopped at 16 (ACPI_MAX_SECONDARY_TABLES). */
#define ACPI_MAX_TABLES 32

struct acpi_ctx {
	const struct platform *p;
	struct arena *a;
	uint32_t vm_genid; /* guest-physical address of the generation ID, 0 if none */
	uint32_t nr;       /* secondary tables linked so far */
	struct acpi_header *table[ACPI_MAX_TABLES];
};

/*
 * A table of len bytes (16-byte aligned, as hvmloader and SeaBIOS align them) with its
 * header filled in: signature, length, revision and our OEM/creator IDs. The generator
 * loop in build.c computes the checksum; builders must not. NULL when the arena is full.
 */
void *acpi_table_alloc(struct acpi_ctx *c, const char *sig, uint32_t len, uint8_t rev);

/* The guest-physical address of p as the 32-bit value RSDT/FADT fields hold. */
uint32_t acpi_v2p32(const struct acpi_ctx *c, const void *p);

/*
 * Table builders. Each returns 0 and its table in *out (NULL when the platform does
 * not call for one), or -ERR_*; all read c->p and allocate from c->a only.
 */
int acpi_dsdt_build(struct acpi_ctx *c, struct acpi_header **out);
int acpi_madt_build(struct acpi_ctx *c, struct acpi_header **out);
int acpi_hpet_build(struct acpi_ctx *c, struct acpi_header **out);
int acpi_waet_build(struct acpi_ctx *c, struct acpi_header **out);
int acpi_cpus_build(struct acpi_ctx *c, struct acpi_header **out);
int acpi_ssdt_s3_build(struct acpi_ctx *c, struct acpi_header **out);
int acpi_ssdt_s4_build(struct acpi_ctx *c, struct acpi_header **out);
int acpi_ssdt_slate_build(struct acpi_ctx *c, struct acpi_header **out);
int acpi_srat_build(struct acpi_ctx *c, struct acpi_header **out);
int acpi_slit_build(struct acpi_ctx *c, struct acpi_header **out);

/* The FADT (XSDT) and the ACPI 1.0 FADT (RSDT), pointing at facs and dsdt. */
int acpi_fadt_build(struct acpi_ctx *c, const struct acpi_facs *facs, const struct acpi_header *dsdt,
		    struct acpi_header **fadt, struct acpi_header **fadt_v1);

/*
 * Copies each valid table of the toolstack's acpi_firmware blob into the arena and links
 * it through link(); stops at the first table whose header cannot be trusted.
 */
int acpi_blob_add(struct acpi_ctx *c, int (*link)(struct acpi_ctx *c, struct acpi_header *h));

#endif
