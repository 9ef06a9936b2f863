/* SPDX-License-Identifier: GPL-2.0-only */
/* The DSDT: the iasl-compiled acpi/dsdt.asl, copied and patched with this boot's values. */
#include <string.h>
#include "acpi/aml_blob.h"
#include "acpi/internal.h"
#include "bug.h"
#include "console.h"
#include "err.h"

/*
 * The patch points come from iasl's own offset table for the same build, so a missing
 * name or an unexpected opcode is a build bug, not bad input: ASSERT.
 */
static const struct aml_patch_point *point(const char *path, uint8_t opcode)
{
	for (const struct aml_patch_point *pp = acpi_dsdt_aml_patches; pp->path; pp++) {
		if (!strcmp(pp->path, path)) {
			ASSERT(pp->opcode == opcode);
			ASSERT(pp->offset < acpi_dsdt_aml_len);
			return pp;
		}
	}
	BUG();
}

static void put_le(uint8_t *at, uint64_t v, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		at[i] = (uint8_t)(v >> (8 * i));
}

/* Name (path, 0xDEADxxxx) := v */
static void set_name(uint8_t *t, const char *path, uint32_t v)
{
	const struct aml_patch_point *pp = point(path, 0x0C);

	ASSERT(pp->offset + 4 <= acpi_dsdt_aml_len);
	put_le(t + pp->offset, v, 4);
}

/* The resource descriptor path, which starts with its tag byte. */
static uint8_t *descriptor(uint8_t *t, const char *path, uint8_t tag, uint32_t size)
{
	const struct aml_patch_point *pp = point(path, tag);

	ASSERT(pp->offset + size <= acpi_dsdt_aml_len && t[pp->offset] == tag);
	return t + pp->offset;
}

static int set_windows(const struct platform *p, uint8_t *t)
{
	const struct platform_pci *pci = &p->pci;
	struct acpi_res_dword lo;
	struct acpi_res_qword hi;
	uint8_t *d;

	/* The low window must be a non-empty range below 4 GiB for a DWord descriptor. */
	if (pci->mem_start >= pci->mem_end || pci->mem_end > 0x100000000ull) {
		log_error("ACPI: PCI window %llx-%llx is not usable\n", (unsigned long long)pci->mem_start,
			  (unsigned long long)pci->mem_end);
		return -ERR_INVAL;
	}
	d = descriptor(t, "_SB_.PCI0.PLOW", ACPI_RES_DWORD_TAG, sizeof(lo));
	memcpy(&lo, d, sizeof(lo));
	lo.min = (uint32_t)pci->mem_start;
	lo.max = (uint32_t)(pci->mem_end - 1);
	lo.len = (uint32_t)(pci->mem_end - pci->mem_start);
	memcpy(d, &lo, sizeof(lo));

	/* A zero-length fixed window is invalid (§6.4.3.5 table 6.47); report none then. */
	if (pci->hi_mem_end > pci->hi_mem_start) {
		d = descriptor(t, "_SB_.PCI0.PHIG", ACPI_RES_QWORD_TAG, sizeof(hi));
		memcpy(&hi, d, sizeof(hi));
		hi.min = pci->hi_mem_start;
		hi.max = pci->hi_mem_end - 1;
		hi.len = pci->hi_mem_end - pci->hi_mem_start;
		memcpy(d, &hi, sizeof(hi));
		set_name(t, "_SB_.PCI0.HWIN", 1);
	} else {
		set_name(t, "_SB_.PCI0.HWIN", 0);
	}
	return 0;
}

int acpi_dsdt_build(struct acpi_ctx *c, struct acpi_header **out)
{
	const struct platform *p = c->p;
	uint8_t *t = arena_alloc(c->a, acpi_dsdt_aml_len, 16);
	struct acpi_res_irq irq;
	uint8_t *d;
	int rc;

	if (!t)
		return -ERR_NOSPC;
	memcpy(t, acpi_dsdt_aml, acpi_dsdt_aml_len);

	rc = set_windows(p, t);
	if (rc)
		return rc;

	set_name(t, "_SB_.FCM1", p->isa.com1);
	set_name(t, "_SB_.FCM2", p->isa.com2);
	set_name(t, "_SB_.FLP1", p->isa.lpt1);
	set_name(t, "_SB_.FHPT", p->isa.hpet);
	set_name(t, "_SB_.VGIA", c->vm_genid);

	/* The boot online map, vCPUs 0-127 in four dwords; bits past nr stay clear. */
	static const char *const cpo[] = { "_SB_.CPO0", "_SB_.CPO1", "_SB_.CPO2", "_SB_.CPO3" };
	for (uint32_t w = 0; w < 4; w++) {
		uint32_t bits = 0;

		for (uint32_t b = 0; b < 32; b++)
			if (w * 32 + b < p->vcpus.nr && vcpu_is_online(&p->vcpus, w * 32 + b))
				bits |= 1u << b;
		set_name(t, cpo[w], bits);
	}

	/* The ISA IRQs the PCI links may use: what PCI setup reserved for them. */
	d = descriptor(t, "_SB_.PCI0.PIRM", ACPI_RES_IRQ_TAG, sizeof(irq));
	memcpy(&irq, d, sizeof(irq));
	irq.mask = p->pci.irq_mask;
	memcpy(d, &irq, sizeof(irq));

	*out = (struct acpi_header *)t;
	return 0;
}
