/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests acpi/srat.c: SRAT and SLIT from a vNUMA layout, and layouts they refuse. */
#include "oracle.h"

/* Two nodes; vCPU i on node i % 2; 2 GiB below 4G on node 0, 2 GiB above on node 1. */
static struct platform *numa_platform(uint32_t nr, const uint32_t *ids)
{
	struct platform *p = t_platform(nr, ids);
	struct platform_vnuma *n = &p->vnuma;

	n->nr_vnodes = 2;
	n->nr_vmemranges = 2;
	for (uint32_t i = 0; i < nr; i++)
		n->vcpu_to_vnode[i] = i % 2;
	n->vmemrange[0].start = 0;
	n->vmemrange[0].end = 0x80000000;
	n->vmemrange[0].nid = 0;
	n->vmemrange[1].start = 0x100000000ull;
	n->vmemrange[1].end = 0x180000000ull;
	n->vmemrange[1].nid = 1;
	n->distance[0] = 10;
	n->distance[1] = 20;
	n->distance[2] = 20;
	n->distance[3] = 10;
	return p;
}

TEST(srat_and_slit_describe_vnuma)
{
	static const uint32_t ids[] = { 0, 2, 300, 6 };
	struct platform *p = numa_platform(4, ids);
	struct acpi_tables out;
	struct t_walk w;
	struct t_mem m;

	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
		const uint8_t *s = t_find(&w, "SRAT", 0), *l = t_find(&w, "SLIT", 0);
		if (CHECK(s != NULL)) {
			/* 48 + 3 xAPIC (16) + 1 x2APIC (24) + 2 memory (40). */
			CHECK_EQ(t_le(s + 4, 4), 48 + 3 * 16 + 24 + 2 * 40);
			CHECK_EQ(t_le(s + 36, 4), 1);
			const uint8_t *e = s + 48;
			for (uint32_t i = 0; i < 4; i++) {
				if (ids[i] > 254) {
					CHECK_EQ(e[0], 2);
					CHECK_EQ(e[1], 24);
					CHECK_EQ(t_le(e + 4, 4), i % 2);
					CHECK_EQ(t_le(e + 8, 4), ids[i]);
					CHECK_EQ(t_le(e + 12, 4), 1);
				} else {
					CHECK_EQ(e[0], 0);
					CHECK_EQ(e[1], 16);
					CHECK_EQ(e[2], i % 2);
					CHECK_EQ(e[3], ids[i]);
					CHECK_EQ(t_le(e + 4, 4), 1);
				}
				e += e[1];
			}
			CHECK_EQ(e[0], 1);
			CHECK_EQ(e[1], 40);
			CHECK_EQ(t_le(e + 2, 4), 0);
			CHECK_EQ(t_le64(e + 8), 0);
			CHECK_EQ(t_le64(e + 16), 0x80000000);
			CHECK_EQ(t_le(e + 28, 4), 1);
			e += 40;
			CHECK_EQ(t_le(e + 2, 4), 1);
			CHECK_EQ(t_le64(e + 8), 0x100000000ull);
			CHECK_EQ(t_le64(e + 16), 0x80000000);
		}
		if (CHECK(l != NULL)) {
			CHECK_EQ(t_le(l + 4, 4), 44 + 4);
			CHECK_EQ(t_le64(l + 36), 2);
			CHECK(!memcmp(l + 44, "\x0a\x14\x14\x0a", 4));
		}
	}
	t_mem_free(&m);
	free(p);
}

TEST(srat_absent_without_vnuma)
{
	struct platform *p = t_platform(4, NULL);
	struct acpi_tables out;
	struct t_walk w;
	struct t_mem m;

	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
		CHECK(t_find(&w, "SRAT", 0) == NULL);
		CHECK(t_find(&w, "SLIT", 0) == NULL);
	}
	t_mem_free(&m);
	free(p);
}

TEST(srat_refuses_inconsistent_layouts_and_boot_goes_on)
{
	struct platform *p = numa_platform(128, NULL);
	struct acpi_tables out;
	struct t_walk w;
	struct t_mem m;

	/* 128 vCPUs fit, with both tables. */
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
		const uint8_t *s = t_find(&w, "SRAT", 0);
		if (CHECK(s != NULL))
			CHECK_EQ(t_le(s + 4, 4), 48 + 128 * 16 + 2 * 40);
	}
	t_mem_free(&m);

	/* A vCPU on a node that does not exist: no SRAT, SLIT still fine. */
	p->vnuma.vcpu_to_vnode[5] = 2;
	console_clear();
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
		CHECK(t_find(&w, "SRAT", 0) == NULL);
		CHECK(t_find(&w, "SLIT", 0) != NULL);
		CHECK(strstr(console_text(), "SRAT not built") != NULL);
	}
	t_mem_free(&m);
	p->vnuma.vcpu_to_vnode[5] = 1;

	/* A distance that does not fit a byte, or a non-10 diagonal: no SLIT. */
	p->vnuma.distance[1] = 300;
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
		CHECK(t_find(&w, "SRAT", 0) != NULL);
		CHECK(t_find(&w, "SLIT", 0) == NULL);
	}
	t_mem_free(&m);
	p->vnuma.distance[1] = 20;
	p->vnuma.distance[0] = 0;
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w))
		CHECK(t_find(&w, "SLIT", 0) == NULL);
	t_mem_free(&m);

	/* An empty memory range. */
	p->vnuma.distance[0] = 10;
	p->vnuma.vmemrange[1].end = p->vnuma.vmemrange[1].start;
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w))
		CHECK(t_find(&w, "SRAT", 0) == NULL);
	t_mem_free(&m);
	free(p);
}
