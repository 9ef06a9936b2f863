/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the CMOS memory-size bytes against values worked out by hand. */
#include "cmos.h"
#include "harness.h"
#include "pci_fake.h"

static unsigned int word(int lo)
{
	return fake_bus.cmos[lo] | fake_bus.cmos[lo + 1] << 8;
}

TEST(cmos_memory_size_for_small_and_large_guests)
{
	fake_bus_reset();
	cmos_write_memory_size(0x3800000); /* 56 MiB */
	CHECK_EQ(word(0x15), 640);
	CHECK_EQ(word(0x17), 55 * 1024);
	CHECK_EQ(word(0x30), 55 * 1024);
	CHECK_EQ(word(0x34), 40 * 16); /* 40 MiB above 16 MiB in 64 KiB units */

	fake_bus_reset();
	cmos_write_memory_size(0xF0000000); /* 3.75 GiB: the KiB fields saturate */
	CHECK_EQ(word(0x17), 0xFFFF);
	CHECK_EQ(word(0x34), (0xF0000000 - 0x1000000) >> 16);

	fake_bus_reset();
	cmos_write_memory_size(0x100000); /* nothing above 1 MiB */
	CHECK_EQ(word(0x17), 0);
	CHECK_EQ(word(0x34), 0);
}
