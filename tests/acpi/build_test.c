/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests acpi/build.c and acpi/fadt.c: the RSDP/XSDT/RSDT walk, the FADTs and FACS, optional tables, arena limits. */
#include "err.h"
#include "oracle.h"

static const uint32_t ids_0246[] = { 0, 2, 4, 6 };

TEST(acpi_walk_is_valid_for_every_shape)
{
	uint32_t big[4] = { 0, 255, 256, 1000 };
	struct {
		uint32_t nr;
		const uint32_t *ids;
	} shapes[] = {
		{ 1, NULL },
		{ 4, ids_0246 },
		{ 128, NULL },
		{ 4, big },
	};

	for (size_t s = 0; s < sizeof(shapes) / sizeof(shapes[0]); s++) {
		struct platform *p = t_platform(shapes[s].nr, shapes[s].ids);
		struct acpi_tables out;
		struct t_walk w;
		struct t_mem m;

		if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
			/* FADT, MADT, HPET, WAET, vCPU SSDT. */
			CHECK_EQ(w.nr, 5);
			CHECK_EQ(out.nr_tables, w.nr);
			CHECK(t_find(&w, "APIC", 0) && t_find(&w, "HPET", 0) && t_find(&w, "WAET", 0));
			CHECK(t_find(&w, "SSDT", 0) != NULL);
			CHECK(m.a.used <= ACPI_ARENA_BASE_SIZE);
		}
		t_mem_free(&m);
		free(p);
	}
}

TEST(acpi_fadt_describes_the_xen_pm_blocks)
{
	struct platform *p = t_platform(4, ids_0246);
	struct acpi_tables out;
	struct t_walk w;
	struct t_mem m;

	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
		const uint8_t *f = w.table[0], *f1 = w.rsdt_fadt;

		CHECK_EQ(t_le(f + 4, 4), 268);
		CHECK_EQ(f[8], 5);
		CHECK_EQ(t_le(f1 + 4, 4), 116);
		CHECK_EQ(f1[8], 1);
		for (int v = 0; v < 2; v++) {
			const uint8_t *t = v ? f1 : f;

			CHECK_EQ(t_le(t + 36, 4), out.facs);
			CHECK_EQ(t_le(t + 40, 4), out.dsdt);
			CHECK_EQ(t_le(t + 46, 2), 9); /* SCI_INT */
			CHECK_EQ(t_le(t + 48, 4), 0); /* SMI_CMD: already in ACPI mode */
			CHECK_EQ(t[52], 0);           /* ACPI_ENABLE */
			CHECK_EQ(t_le(t + 56, 4), 0xB000);
			CHECK_EQ(t_le(t + 64, 4), 0xB004);
			CHECK_EQ(t_le(t + 76, 4), 0xB008);
			CHECK_EQ(t_le(t + 80, 4), 0xAFE0);
			CHECK_EQ(t[88], 4);
			CHECK_EQ(t[89], 2);
			CHECK_EQ(t[91], 4);
			CHECK_EQ(t[92], 4);
			CHECK(t_le(t + 112, 4) & (1u << 8)); /* TMR_VAL_EXT */
			CHECK(t_le(t + 112, 4) & (1u << 0)); /* WBINVD */
		}
		CHECK_EQ(t_le(f1 + 112, 4) >> 10, 0); /* no post-1.0 flags in the 1.0 FADT */
		CHECK_EQ(t_le(f + 109, 2), 3);        /* legacy devices, 8042 */
		CHECK(t_le(f + 112, 4) & (1u << 10)); /* RESET_REG_SUP */
		/* RESET_REG: I/O 0xCF9, 8 bits, value 6. */
		CHECK_EQ(f[116], 1);
		CHECK_EQ(f[117], 8);
		CHECK_EQ(t_le64(f + 120), 0xCF9);
		CHECK_EQ(f[128], 6);
		CHECK_EQ(t_le64(f + 132), out.facs);
		CHECK_EQ(t_le64(f + 140), out.dsdt);
		/* X_PM1a_EVT, X_PM1a_CNT, X_PM_TMR, X_GPE0: I/O GAS with matching widths. */
		const struct {
			unsigned off;
			unsigned bits;
			uint64_t port;
		} gas[] = {
			{ 148, 32, 0xB000 },
			{ 172, 16, 0xB004 },
			{ 208, 32, 0xB008 },
			{ 220, 32, 0xAFE0 },
		};
		for (size_t i = 0; i < 4; i++) {
			CHECK_EQ(f[gas[i].off], 1);
			CHECK_EQ(f[gas[i].off + 1], gas[i].bits);
			CHECK_EQ(t_le64(f + gas[i].off + 4), gas[i].port);
		}
		/* FACS: 64-byte aligned, 64 bytes, version 2. DSDT: ours, revision 2. */
		const uint8_t *facs = t_at(&m, out.facs, 64);
		if (CHECK(facs != NULL)) {
			CHECK_EQ(out.facs % 64, 0);
			CHECK(!memcmp(facs, "FACS", 4));
			CHECK_EQ(t_le(facs + 4, 4), 64);
			CHECK_EQ(facs[32], 2);
		}
		const uint8_t *dsdt = t_table(&m, out.dsdt);
		if (dsdt) {
			CHECK(!memcmp(dsdt, "DSDT", 4));
			CHECK_EQ(dsdt[8], 2);
			CHECK(!memcmp(dsdt + 10, "Xen", 3));
		}
	}
	t_mem_free(&m);
	free(p);
}

TEST(acpi_optional_tables_follow_the_platform)
{
	struct platform *p = t_platform(1, NULL);
	struct acpi_tables out;
	struct t_walk w;
	struct t_mem m;

	/* One vCPU without an IOAPIC, no HPET: no MADT (hvmloader's rule), no HPET table. */
	p->apic_mode = false;
	p->isa.hpet = false;
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
		CHECK(t_find(&w, "APIC", 0) == NULL);
		CHECK(t_find(&w, "HPET", 0) == NULL);
		CHECK(t_find(&w, "WAET", 0) != NULL);
		CHECK(t_find(&w, "SSDT", 1) == NULL);
		CHECK_EQ(out.vm_genid, 0);
	}
	t_mem_free(&m);

	/* S3, S4 and laptop/slate each add an SSDT; a generation ID gets 16 aligned bytes. */
	p->cfg.acpi_s3 = p->cfg.acpi_s4 = p->cfg.acpi_laptop_slate = true;
	p->cfg.genid[0] = 0x1122334455667788ull;
	p->cfg.genid[1] = 0x99AABBCCDDEEFF00ull;
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
		unsigned s3 = 0, s4 = 0, conv = 0;
		for (unsigned i = 0; t_find(&w, "SSDT", i); i++) {
			const uint8_t *s = t_find(&w, "SSDT", i);
			uint32_t len = t_le(s + 4, 4);
			s3 += t_count(s, len, "_S3_", 4);
			s4 += t_count(s, len, "_S4_", 4);
			conv += t_count(s, len, "CONV", 4);
		}
		CHECK_EQ(s3, 1);
		CHECK_EQ(s4, 1);
		CHECK_EQ(conv, 1);
		CHECK_EQ(out.vm_genid % 8, 0);
		const uint8_t *g = t_at(&m, out.vm_genid, 16);
		if (CHECK(g != NULL)) {
			CHECK_EQ(t_le64(g), 0x1122334455667788ull);
			CHECK_EQ(t_le64(g + 8), 0x99AABBCCDDEEFF00ull);
		}
	}
	t_mem_free(&m);
	free(p);
}

TEST(acpi_every_arena_size_gives_valid_tables_or_an_error)
{
	struct platform *p = t_platform(4, ids_0246);
	struct t_mem m;
	struct acpi_tables out;
	size_t full;
	unsigned ok = 0, refused = 0, partial = 0;

	p->cfg.acpi_s3 = true;
	t_mem_init(&m, ACPI_ARENA_SIZE(p));
	CHECK_EQ(acpi_build_tables(p, &m.a, &out), 0);
	full = m.a.used;
	t_mem_free(&m);

	/* Every size up to what a full build used: either all required tables or -ERR_NOSPC. */
	for (size_t size = 0; size <= full; size += 8) {
		t_mem_init(&m, size);
		console_clear();
		int rc = acpi_build_tables(p, &m.a, &out);
		if (rc == 0) {
			struct t_walk w;
			if (!t_walk(&m, out.rsdp, &w)) {
				t_mem_free(&m);
				break;
			}
			ok++;
			if (w.nr < 6) {
				partial++;
				/* A skipped optional table is logged. */
				CHECK(strstr(console_text(), "not built") != NULL);
			}
		} else {
			if (!CHECK_EQ(rc, -ERR_NOSPC)) {
				t_mem_free(&m);
				break;
			}
			refused++;
		}
		t_mem_free(&m);
	}
	CHECK(ok > 0);
	CHECK(refused > 0);
	CHECK(partial > 0);
	free(p);
}

TEST(acpi_refuses_unusable_platforms)
{
	struct platform *p = t_platform(4, NULL);
	struct acpi_tables out;
	struct t_mem m;

	/* An arena the RSDT cannot address. */
	m.buf = malloc(4096);
	arena_init(&m.a, m.buf, 0xFFFFF000ull + 4096, 4096);
	CHECK_EQ(acpi_build_tables(p, &m.a, &out), -ERR_RANGE);
	t_mem_free(&m);

	p->vcpus.nr = 0;
	t_mem_init(&m, ACPI_ARENA_SIZE(p));
	CHECK_EQ(acpi_build_tables(p, &m.a, &out), -ERR_INVAL);
	t_mem_free(&m);

	p->vcpus.nr = PLATFORM_MAX_VCPUS + 1;
	t_mem_init(&m, ACPI_ARENA_SIZE(p));
	CHECK_EQ(acpi_build_tables(p, &m.a, &out), -ERR_INVAL);
	t_mem_free(&m);

	/* No usable PCI window: the DSDT cannot describe the root bridge. */
	p->vcpus.nr = 4;
	p->pci.mem_end = p->pci.mem_start;
	t_mem_init(&m, ACPI_ARENA_SIZE(p));
	CHECK_EQ(acpi_build_tables(p, &m.a, &out), -ERR_INVAL);
	t_mem_free(&m);
	free(p);
}
