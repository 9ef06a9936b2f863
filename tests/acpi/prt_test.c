/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests that the DSDT's ASL states the platform as hvm_platform.h does: _PRT wiring, HPET, PM blocks. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "harness.h"
#include "hvm_platform.h"

/*
 * gen_asl.py computes the wiring in Python, pci_intx_route() in C: two writings of Xen's
 * formulas that must agree entry for entry. The generated ASL is the build's own
 * (DSDT_GEN_ASL, set by tests/unit.mk), the file iasl compiles into the DSDT.
 */
#define SLOTS 31 /* devices 1-31; device 0, the host bridge, has no INTx pin */

TEST(prt_tables_follow_pci_intx_route)
{
	FILE *f = fopen(DSDT_GEN_ASL, "r");
	char line[256];
	unsigned nr_pic = 0, nr_apic = 0, bad = 0;

	if (!CHECK(f != NULL))
		return;
	while (fgets(line, sizeof(line), f)) {
		unsigned dev, intx, gsi;
		char link;

		if (sscanf(line, " Package (0x04) { 0x%4xFFFF, %u, LNK%c, Zero },", &dev, &intx, &link) == 3) {
			nr_pic++;
			bad += !CHECK_EQ(link - 'A', pci_intx_route(dev, intx).link);
		} else if (sscanf(line, " Package (0x04) { 0x%4xFFFF, %u, Zero, %u },", &dev, &intx, &gsi) == 3) {
			nr_apic++;
			bad += !CHECK_EQ(gsi, pci_intx_route(dev, intx).gsi);
		}
		if (bad > 4)
			break;
	}
	fclose(f);
	CHECK_EQ(nr_pic, SLOTS * 4);
	CHECK_EQ(nr_apic, SLOTS * 4);
}

/* The formulas themselves, against values worked out by hand from Xen's irq.h. */
TEST(pci_intx_route_matches_xen_for_sample_pins)
{
	/* dev 1 INTA: link 1 (PIRQB), GSI 4 + 0 + 0 + 16 = 20. */
	CHECK_EQ(pci_intx_route(1, 0).link, 1);
	CHECK_EQ(pci_intx_route(1, 0).gsi, 20);
	/* dev 3 INTD: link (3 + 3) & 3 = 2, GSI (12 + 0 + 3) + 16 = 31. */
	CHECK_EQ(pci_intx_route(3, 3).link, 2);
	CHECK_EQ(pci_intx_route(3, 3).gsi, 31);
	/* dev 8 INTB: link 1, GSI (32 + 1 + 1) & 31 = 2, + 16 = 18. */
	CHECK_EQ(pci_intx_route(8, 1).link, 1);
	CHECK_EQ(pci_intx_route(8, 1).gsi, 18);
	/* dev 31 INTD: link 2, GSI (124 + 3 + 3) & 31 = 2, + 16 = 18. */
	CHECK_EQ(pci_intx_route(31, 3).link, 2);
	CHECK_EQ(pci_intx_route(31, 3).gsi, 18);
}

/* Whether the ASL file at path has a line holding the formatted text. */
static bool asl_has(const char *path, const char *want)
{
	FILE *f = fopen(path, "r");
	char line[256];
	bool found = false;

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, want) != NULL;
	fclose(f);
	return found;
}

/* The ASL is written by hand with literal addresses (iasl sees no C header): each must be
 * the one the loader and the FADT use. */
TEST(asl_fixed_blocks_match_hvm_platform)
{
	char want[128];

	snprintf(want, sizeof(want), "Memory32Fixed (ReadOnly, 0x%08X, 0x00000400)", HPET_BASE);
	CHECK(asl_has("acpi/dsdt.asl", want));
	snprintf(want, sizeof(want), "IO (Decode16, 0x%04X, 0x%04X, 0x00, 0x40)", PM_BLK, PM_BLK);
	CHECK(asl_has("acpi/isa.asl", want));
	snprintf(want, sizeof(want), "IO (Decode16, 0x%04X, 0x%04X, 0x00, 0x%02X)", GPE0_BLK, GPE0_BLK, GPE0_BLK_LEN);
	CHECK(asl_has("acpi/isa.asl", want));
	/* And the helper can fail. */
	CHECK(!asl_has("acpi/isa.asl", "IO (Decode16, 0x1234, 0x1234"));
}
