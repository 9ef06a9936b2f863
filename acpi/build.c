/* SPDX-License-Identifier: GPL-2.0-only */
/* The ACPI generator loop: builds each table, checksums it in one place and links it into XSDT/RSDT. */
#include <string.h>
#include "acpi/build.h"
#include "acpi/internal.h"
#include "console.h"
#include "err.h"
#include "lib/checksum.h"

void *acpi_table_alloc(struct acpi_ctx *c, const char *sig, uint32_t len, uint8_t rev)
{
	struct acpi_header *h = arena_alloc(c->a, len, 16);

	if (!h)
		return NULL;
	memcpy(h->signature, sig, 4);
	h->length = len;
	h->revision = rev;
	memcpy(h->oem_id, ACPI_OEM_ID, sizeof(ACPI_OEM_ID) - 1);
	memcpy(h->oem_table_id, ACPI_OEM_TABLE_ID, sizeof(ACPI_OEM_TABLE_ID) - 1);
	h->oem_revision = ACPI_OEM_REVISION;
	h->creator_id = ACPI_CREATOR_ID;
	h->creator_revision = ACPI_CREATOR_REVISION;
	return h;
}

uint32_t acpi_v2p32(const struct acpi_ctx *c, const void *p)
{
	/* acpi_build_tables() refused arenas reaching above 4 GiB, so this cannot truncate. */
	return (uint32_t)arena_v2p(c->a, p);
}

/* The one place a table's checksum is computed (ACPI 6.5 §5.2.6: all bytes sum to 0). */
static void seal(struct acpi_header *h)
{
	checksum8_fill(h, h->length, &h->checksum);
}

static int link_table(struct acpi_ctx *c, struct acpi_header *h)
{
	if (c->nr == ACPI_MAX_TABLES)
		return -ERR_NOSPC;
	seal(h);
	c->table[c->nr++] = h;
	return 0;
}

/* The optional tables, in the order the XSDT lists them after the FADT. */
static const struct generator {
	const char *name;
	int (*build)(struct acpi_ctx *c, struct acpi_header **out);
} secondary[] = {
	{ "MADT", acpi_madt_build },
	{ "HPET", acpi_hpet_build },
	{ "WAET", acpi_waet_build },
	{ "SSDT (vCPUs)", acpi_cpus_build },
	{ "SSDT (S3)", acpi_ssdt_s3_build },
	{ "SSDT (S4)", acpi_ssdt_s4_build },
	{ "SSDT (laptop/slate)", acpi_ssdt_slate_build },
	{ "SRAT", acpi_srat_build },
	{ "SLIT", acpi_slit_build },
};

static void build_secondary(struct acpi_ctx *c)
{
	for (size_t i = 0; i < sizeof(secondary) / sizeof(secondary[0]); i++) {
		struct acpi_header *h = NULL;
		/* A failed table gives its space back so the ones after it can still fit. */
		size_t mark = arena_mark(c->a);
		int rc = secondary[i].build(c, &h);

		if (rc == 0 && h)
			rc = link_table(c, h);
		if (rc) {
			arena_rewind(c->a, mark);
			log_error("ACPI: %s not built (error %d), booting without it\n", secondary[i].name, rc);
		}
	}
}

/* §5.2.7 RSDT (32-bit entries) or §5.2.8 XSDT (64-bit), first entry the given FADT. */
static struct acpi_header *build_sdt(struct acpi_ctx *c, bool x, struct acpi_header *fadt)
{
	uint32_t entry = x ? 8 : 4;
	uint32_t len = (uint32_t)sizeof(struct acpi_header) + entry * (c->nr + 1);
	struct acpi_header *h =
		acpi_table_alloc(c, x ? "XSDT" : "RSDT", len, x ? ACPI_XSDT_REVISION : ACPI_RSDT_REVISION);
	uint8_t *e;

	if (!h)
		return NULL;
	e = (uint8_t *)(h + 1);
	for (uint32_t i = 0; i <= c->nr; i++) {
		/* Entries are unaligned in the XSDT (offset 36), so store byte-wise. */
		uint64_t addr = acpi_v2p32(c, i ? c->table[i - 1] : fadt);

		memcpy(e + i * entry, &addr, entry);
	}
	seal(h);
	return h;
}

/* §5.2.5.3: revision 2, the ACPI 1.0 checksum over 20 bytes, the extended one over 36. */
static struct acpi_rsdp *build_rsdp(struct acpi_ctx *c, const struct acpi_header *rsdt, const struct acpi_header *xsdt)
{
	struct acpi_rsdp *r = arena_alloc(c->a, sizeof(*r), 16);

	if (!r)
		return NULL;
	memcpy(r->signature, ACPI_RSDP_SIGNATURE, 8);
	memcpy(r->oem_id, ACPI_OEM_ID, sizeof(ACPI_OEM_ID) - 1);
	r->revision = ACPI_RSDP_REVISION;
	r->rsdt_address = acpi_v2p32(c, rsdt);
	r->length = sizeof(*r);
	r->xsdt_address = acpi_v2p32(c, xsdt);
	checksum8_fill(r, ACPI_RSDP_V1_LEN, &r->checksum);
	checksum8_fill(r, sizeof(*r), &r->extended_checksum);
	return r;
}

/* §5.2.10: FACS, 64-byte aligned (Xen c76cfada1c: Windows refuses a misaligned one). */
static struct acpi_facs *build_facs(struct acpi_ctx *c)
{
	struct acpi_facs *f = arena_alloc(c->a, sizeof(*f), ACPI_FACS_ALIGN);

	if (!f)
		return NULL;
	memcpy(f->signature, "FACS", 4);
	f->length = sizeof(*f);
	f->version = ACPI_FACS_VERSION;
	return f;
}

/* The 16-byte VM generation ID, low quadword first, 8-byte aligned (Microsoft's spec). */
static int build_vm_genid(struct acpi_ctx *c)
{
	const uint64_t *id = c->p->cfg.genid;
	uint8_t *g;

	if (!id[0] && !id[1])
		return 0;
	g = arena_alloc(c->a, 16, 8);
	if (!g)
		return -ERR_NOSPC;
	memcpy(g, &id[0], 8);
	memcpy(g + 8, &id[1], 8);
	c->vm_genid = acpi_v2p32(c, g);
	return 0;
}

int acpi_build_tables(const struct platform *p, struct arena *a, struct acpi_tables *out)
{
	struct acpi_ctx c = { .p = p, .a = a };
	struct acpi_header *dsdt, *fadt, *fadt_v1, *xsdt, *rsdt;
	struct acpi_facs *facs;
	struct acpi_rsdp *rsdp;
	int rc;

	memset(out, 0, sizeof(*out));
	/* The RSDT and the 32-bit FADT fields cannot reach memory above 4 GiB. */
	if (a->phys + a->size > 0x100000000ull)
		return -ERR_RANGE;
	if (p->vcpus.nr == 0 || p->vcpus.nr > PLATFORM_MAX_VCPUS) {
		log_error("ACPI: %u vCPUs is outside 1..%u\n", p->vcpus.nr, PLATFORM_MAX_VCPUS);
		return -ERR_INVAL;
	}

	facs = build_facs(&c);
	if (!facs)
		return -ERR_NOSPC;
	/* Before the DSDT: its VGIA name carries the ID's address. */
	rc = build_vm_genid(&c);
	if (rc)
		log_error("ACPI: no room for the VM generation ID, booting without it\n");
	rc = acpi_dsdt_build(&c, &dsdt);
	if (rc)
		return rc;
	seal(dsdt);
	rc = acpi_fadt_build(&c, facs, dsdt, &fadt, &fadt_v1);
	if (rc)
		return rc;
	seal(fadt);
	seal(fadt_v1);

	build_secondary(&c);
	if (p->cfg.acpi_blob && p->cfg.acpi_blob_len) {
		rc = acpi_blob_add(&c, link_table);
		if (rc)
			log_error("ACPI: acpi_firmware tables not all added (error %d)\n", rc);
	}

	xsdt = build_sdt(&c, true, fadt);
	rsdt = build_sdt(&c, false, fadt_v1);
	if (!xsdt || !rsdt)
		return -ERR_NOSPC;
	rsdp = build_rsdp(&c, rsdt, xsdt);
	if (!rsdp)
		return -ERR_NOSPC;

	out->rsdp = acpi_v2p32(&c, rsdp);
	out->vm_genid = c.vm_genid;
	out->facs = acpi_v2p32(&c, facs);
	out->dsdt = acpi_v2p32(&c, dsdt);
	out->nr_tables = c.nr + 1;
	return 0;
}
