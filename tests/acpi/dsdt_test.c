/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests acpi/dsdt.c and acpi/cpus.c: every placeholder patched with this platform's values; one processor device per
 * vCPU. */
#include "acpi/aml_blob.h"
#include <stdio.h>
#include "oracle.h"

/* Our own reading of a patch point iasl reported, from the built table. */
static const uint8_t *at_point(const uint8_t *dsdt, const char *path)
{
	for (const struct aml_patch_point *pp = acpi_dsdt_aml_patches; pp->path; pp++)
		if (!strcmp(pp->path, path))
			return dsdt + pp->offset;
	CHECK(!"patch point missing");
	return dsdt;
}

static uint8_t *built_dsdt(struct t_mem *m, const struct platform *p, struct t_walk *w)
{
	struct acpi_tables out;

	if (!t_build(m, p, ACPI_ARENA_SIZE(p), &out, w))
		return NULL;
	return t_table(m, out.dsdt);
}

TEST(dsdt_has_no_placeholder_left)
{
	struct platform *p = t_platform(4, NULL);
	struct t_walk w;
	struct t_mem m;
	uint8_t *d = built_dsdt(&m, p, &w);

	if (d) {
		uint32_t len = t_le(d + 4, 4);
		CHECK_EQ(len, acpi_dsdt_aml_len);
		/* A DWord constant 0xDEADxxxx: opcode 0x0C then xx xx AD DE. */
		unsigned left = 0;
		for (uint32_t i = 0; i + 5 <= len; i++)
			left += d[i] == 0x0C && d[i + 3] == 0xAD && d[i + 4] == 0xDE;
		CHECK_EQ(left, 0);
	}
	t_mem_free(&m);
	free(p);
}

TEST(dsdt_windows_flags_and_irqs_follow_the_platform)
{
	struct platform *p = t_platform(40, NULL);
	struct t_walk w;
	struct t_mem m;
	uint8_t *d;

	p->pci.mem_start = 0xE0000000;
	p->pci.hi_mem_start = 0x1000000000ull;
	p->pci.hi_mem_end = 0x1040000000ull;
	p->pci.irq_mask = 0x0820;
	p->isa.com1 = false;
	p->isa.com2 = true;
	p->isa.lpt1 = true;
	p->isa.hpet = false;
	p->vcpus.online[4] = 0x01; /* vCPUs 33-39 offline */
	d = built_dsdt(&m, p, &w);
	if (d) {
		const uint8_t *lo = at_point(d, "_SB_.PCI0.PLOW"), *hi = at_point(d, "_SB_.PCI0.PHIG");
		CHECK_EQ(lo[0], 0x87);
		CHECK_EQ(t_le(lo + 10, 4), 0xE0000000);
		CHECK_EQ(t_le(lo + 14, 4), 0xFBFFFFFF);
		CHECK_EQ(t_le(lo + 22, 4), 0x1C000000);
		CHECK_EQ(hi[0], 0x8A);
		CHECK_EQ(t_le64(hi + 14), 0x1000000000ull);
		CHECK_EQ(t_le64(hi + 22), 0x103FFFFFFFull);
		CHECK_EQ(t_le64(hi + 38), 0x40000000);
		CHECK_EQ(t_le(at_point(d, "_SB_.PCI0.HWIN"), 4), 1);
		CHECK_EQ(t_le(at_point(d, "_SB_.FCM1"), 4), 0);
		CHECK_EQ(t_le(at_point(d, "_SB_.FCM2"), 4), 1);
		CHECK_EQ(t_le(at_point(d, "_SB_.FLP1"), 4), 1);
		CHECK_EQ(t_le(at_point(d, "_SB_.FHPT"), 4), 0);
		CHECK_EQ(t_le(at_point(d, "_SB_.VGIA"), 4), 0);
		CHECK_EQ(t_le(at_point(d, "_SB_.CPO0"), 4), 0xFFFFFFFF);
		CHECK_EQ(t_le(at_point(d, "_SB_.CPO1"), 4), 0x00000001);
		CHECK_EQ(t_le(at_point(d, "_SB_.CPO2"), 4), 0);
		CHECK_EQ(t_le(at_point(d, "_SB_.CPO3"), 4), 0);
		const uint8_t *irq = at_point(d, "_SB_.PCI0.PIRM");
		CHECK_EQ(irq[0], 0x23);
		CHECK_EQ(t_le(irq + 1, 2), 0x0820);
	}
	t_mem_free(&m);

	/* No 64-bit window: HWIN 0 keeps it out of _CRS. */
	p->pci.hi_mem_end = p->pci.hi_mem_start;
	d = built_dsdt(&m, p, &w);
	if (d)
		CHECK_EQ(t_le(at_point(d, "_SB_.PCI0.HWIN"), 4), 0);
	t_mem_free(&m);
	free(p);
}

TEST(dsdt_points_at_the_vm_generation_id)
{
	struct platform *p = t_platform(2, NULL);
	struct acpi_tables out;
	struct t_walk w;
	struct t_mem m;

	p->cfg.genid[1] = 42;
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
		const uint8_t *d = t_table(&m, out.dsdt);
		CHECK(out.vm_genid != 0);
		if (d)
			CHECK_EQ(t_le(at_point(d, "_SB_.VGIA"), 4), out.vm_genid);
	}
	t_mem_free(&m);
	free(p);
}

TEST(cpus_ssdt_has_one_processor_device_per_vcpu)
{
	const uint32_t shapes[] = { 1, 4, 128 };

	for (size_t s = 0; s < 3; s++) {
		struct platform *p = t_platform(shapes[s], NULL);
		struct acpi_tables out;
		struct t_walk w;
		struct t_mem m;

		if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
			const uint8_t *ssdt = t_find(&w, "SSDT", 0);
			if (CHECK(ssdt != NULL)) {
				uint32_t len = t_le(ssdt + 4, 4);
				CHECK(!memcmp(ssdt + 16, "HVMCPUS", 7));
				CHECK_EQ(t_count(ssdt, len, "ACPI0007", 8), shapes[s]);
				/* Each device once in \_SB and once in the _E02 Notify. */
				for (uint32_t i = 0; i < shapes[s]; i++) {
					char name[12];
					snprintf(name, sizeof(name), "CP%02X", i);
					CHECK_EQ(t_count(ssdt, len, name, 4), 2);
				}
				CHECK_EQ(t_count(ssdt, len, "_E02", 4), 1);
				/* \_SB.CSTA called once per vCPU, CSCN once per vCPU. */
				CHECK_EQ(t_count(ssdt, len, "\\\x2e_SB_CSTA", 10), shapes[s]);
				CHECK_EQ(t_count(ssdt, len, "\\\x2e_SB_CSCN", 10), shapes[s]);
			}
		}
		t_mem_free(&m);
		free(p);
	}
}
