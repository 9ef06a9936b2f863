/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests pci_setup() on a fake qemu-xen bus: routing, quirks, BARs written, decode enabled. */
#include <string.h>
#include "harness.h"
#include "hw/pci.h"
#include "pci.h"
#include "pci_fake.h"
#include "xen_fake.h"

static struct platform plat;

/* The devices qemu-xen gives an HVM guest with Cirrus VGA and an IDE disk. */
static void qemu_xen_bus(void)
{
	fake_bus_reset();
	fake_add(0, 0, 0x8086, 0x1237, 0x06000002); /* i440FX host bridge */
	fake_add(1, 0, 0x8086, 0x7000, 0x06010000); /* PIIX3 ISA bridge */
	struct fake_fn *ide = fake_add(1, 1, 0x8086, 0x7010, 0x01018000);
	fake_bar(ide, 4, 16, PCI_BAR_SPACE_IO);
	struct fake_fn *pm = fake_add(1, 3, 0x8086, 0x7113, 0x06800003);
	pm->cfg[PCI_INTERRUPT_PIN] = 1;
	struct fake_fn *xen = fake_add(2, 0, 0x5853, 0x0001, 0xFF800001);
	xen->cfg[PCI_INTERRUPT_PIN] = 1;
	fake_bar(xen, 0, 256, PCI_BAR_SPACE_IO);
	fake_bar(xen, 1, 16 << 20, PCI_BAR_MEM_PREFETCH);
	struct fake_fn *vga = fake_add(3, 0, 0x1013, 0x00b8, 0x03000000);
	fake_bar(vga, 0, 32 << 20, PCI_BAR_MEM_PREFETCH);
	fake_bar(vga, 1, 4096, 0);
	fake_bar(vga, 6, 64 << 10, 0);

	memset(&plat, 0, sizeof(plat));
	plat.mem.low_end = 0x3800000;
	plat.vcpus.phys_bits = 40;
	plat.cfg.xen_platform_pci_bar_uc = true;
}

static uint8_t cfg8(uint8_t dev, uint8_t fn, uint8_t reg)
{
	return fake_bus.fn[PCI_BDF(0, dev, fn)].cfg[reg];
}

static uint16_t cfg16(uint8_t dev, uint8_t fn, uint8_t reg)
{
	const uint8_t *c = fake_bus.fn[PCI_BDF(0, dev, fn)].cfg;
	return (uint16_t)(c[reg] | c[reg + 1] << 8);
}

TEST(pci_setup_routes_links_and_interrupt_lines)
{
	qemu_xen_bus();
	CHECK_EQ(pci_setup(&plat), 0);
	CHECK_EQ(cfg8(1, 0, 0x60), 5);
	CHECK_EQ(cfg8(1, 0, 0x61), 10);
	CHECK_EQ(cfg8(1, 0, 0x62), 11);
	CHECK_EQ(cfg8(1, 0, 0x63), 5);
	CHECK_EQ(fake_bus.elcr, 0x0c20);
	/* Barber's pole: 02:0 INTA uses link (0 + 2) & 3 = C; 01:3 INTA link B. */
	CHECK_EQ(cfg8(2, 0, PCI_INTERRUPT_LINE), 11);
	CHECK_EQ(cfg8(1, 3, PCI_INTERRUPT_LINE), 10);
	CHECK(strstr(console_text(), "pci dev 02:0 INTA->IRQ11\n") != NULL);
	CHECK(strstr(console_text(), "PCI-ISA link 3 routed to IRQ5\n") != NULL);
	CHECK_EQ(plat.pci.irq_mask, 0x0c20);
	CHECK_EQ(plat.pci.link_irq[1], 10);
}

TEST(pci_setup_applies_piix_quirks)
{
	qemu_xen_bus();
	pci_setup(&plat);
	CHECK_EQ(cfg16(1, 3, 0x40), 0xB001); /* PM I/O base 0xB000, enabled */
	CHECK_EQ(cfg8(1, 3, 0x80), 1);
	CHECK_EQ(cfg16(1, 1, 0x40), 0x8000); /* IDE legacy decode */
	CHECK_EQ(cfg16(1, 1, 0x42), 0x8000);
}

TEST(pci_setup_programs_bars_and_enables_decode)
{
	qemu_xen_bus();
	CHECK_EQ(pci_setup(&plat), 0);
	CHECK_EQ(fake_bar_value(3, 0, 0x10, false), 0xF0000008);
	CHECK_EQ(fake_bar_value(2, 0, 0x14, false), 0xF2000008);
	CHECK_EQ(fake_bar_value(3, 0, 0x30, false), 0xF3000000); /* ROM placed, left disabled */
	CHECK_EQ(fake_bar_value(3, 0, 0x14, false), 0xF3010000);
	CHECK_EQ(fake_bar_value(2, 0, 0x10, false), 0xC001);
	CHECK_EQ(fake_bar_value(1, 1, 0x20, false), 0xC101);
	CHECK_EQ(cfg16(3, 0, PCI_COMMAND) & 7, 7); /* VGA: memory, and I/O as primary VGA */
	CHECK_EQ(cfg16(2, 0, PCI_COMMAND) & 7, 7);
	CHECK_EQ(cfg16(1, 1, PCI_COMMAND) & 7, PCI_COMMAND_IO | PCI_COMMAND_MASTER);
	CHECK_EQ(cfg16(0, 0, PCI_COMMAND) & 7, PCI_COMMAND_MASTER);
	CHECK(strstr(console_text(), "pci dev 03:0 bar 10 size 002000000: 0f0000008\n") != NULL);
	CHECK_EQ(plat.pci.nr, 6);
	CHECK_EQ(plat.pci.mem_start, 0xF0000000);
	CHECK_EQ(plat.pci.mem_end, 0xFC000000);
	CHECK_EQ(plat.pci.func[4].vendor, 0x5853);
	CHECK_EQ(plat.pci.func[4].irq, 11);
}

TEST(pci_setup_probes_only_functions_that_can_exist)
{
	qemu_xen_bus();
	pci_setup(&plat);
	/* Single-function devices: no probe of their functions 1-7. */
	for (int fn = 1; fn < 8; fn++) {
		CHECK_EQ(fake_bus.absent_probes[PCI_BDF(0, 0, fn)], 0);
		CHECK_EQ(fake_bus.absent_probes[PCI_BDF(0, 3, fn)], 0);
	}
	/* Multi-function 00:01: its missing function 2 is probed once. */
	CHECK_EQ(fake_bus.absent_probes[PCI_BDF(0, 1, 2)], 1);
	/* Empty slots: function 0 only, once. */
	CHECK_EQ(fake_bus.absent_probes[PCI_BDF(0, 4, 0)], 1);
	CHECK_EQ(fake_bus.absent_probes[PCI_BDF(0, 4, 1)], 0);
}

TEST(pci_setup_puts_a_huge_64bit_bar_above_4g)
{
	qemu_xen_bus();
	struct fake_fn *big = fake_add(4, 0, 0x1af4, 0x1110, 0x05000001); /* ivshmem-like */
	fake_bar(big, 2, 0x40000000ull, PCI_BAR_MEM_TYPE_64 | PCI_BAR_MEM_PREFETCH);
	CHECK_EQ(pci_setup(&plat), 0);
	CHECK_EQ(fake_bar_value(4, 0, 0x18, true), 0x10000000Cull);
	CHECK_EQ(plat.pci.hi_mem_start, 0x100000000ull);
	CHECK_EQ(plat.pci.hi_mem_end, 0x140000000ull);
	CHECK_EQ(cfg16(4, 0, PCI_COMMAND) & PCI_COMMAND_MEMORY, PCI_COMMAND_MEMORY);
}

TEST(pci_setup_leaves_unplaceable_bars_disabled)
{
	qemu_xen_bus();
	plat.mem.low_end = 0xF0000000; /* the hole cannot grow */
	struct fake_fn *big = fake_add(4, 0, 0x1234, 0x5678, 0x03800000);
	fake_bar(big, 0, 256 << 20, 0); /* 32-bit, larger than the hole */
	CHECK_EQ(pci_setup(&plat), 1);
	CHECK_EQ(fake_bar_value(4, 0, 0x10, false), 0);
	CHECK_EQ(cfg16(4, 0, PCI_COMMAND) & PCI_COMMAND_MEMORY, 0); /* would decode at 0 */
	CHECK(strstr(console_text(), "pci dev 04:0 bar 10 size 010000000: no space, left disabled") != NULL);
}

TEST(pci_setup_bars_past_the_array_leave_decode_off)
{
	uint32_t nr = 0;

	/* 44 functions with six 4 KiB BARs each: 264, more than the 256 the scan keeps. */
	qemu_xen_bus();
	for (uint8_t dev = 4; nr < 44; dev++)
		for (uint8_t fn = 0; fn < 8 && nr < 44; fn++, nr++) {
			struct fake_fn *f = fake_add(dev, fn, 0x1234, 0x5678, 0x03800000);
			for (int bar = 0; bar < 6; bar++)
				fake_bar(f, bar, 4096, 0);
		}
	pci_setup(&plat);
	CHECK(strstr(console_text(), "more than 256 BARs;") != NULL);
	/* Whatever was dropped, no function may decode memory with a BAR still at 0. */
	uint32_t zero_bars = 0;
	for (uint32_t bdf = 0; bdf < 256; bdf++) {
		const struct fake_fn *f = &fake_bus.fn[bdf];
		uint16_t cmd = (uint16_t)(f->cfg[PCI_COMMAND] | f->cfg[PCI_COMMAND + 1] << 8);

		if (!f->present)
			continue;
		for (unsigned int reg = PCI_BASE_ADDRESS_0; reg <= 0x24; reg += 4) {
			uint32_t v;

			memcpy(&v, &f->cfg[reg], 4);
			if (!f->has_mask[reg / 4] || (v & PCI_BAR_SPACE_IO) || (v & ~0xFu))
				continue;
			zero_bars++;
			CHECK_EQ(cmd & PCI_COMMAND_MEMORY, 0);
		}
	}
	CHECK(zero_bars > 0);
}

TEST(pci_setup_without_the_isa_bridge_routes_nothing)
{
	qemu_xen_bus();
	fake_bus.fn[PCI_BDF(0, 1, 0)].cfg[3] = 0x12; /* 8086:1200, not a PIIX3 */
	pci_setup(&plat);
	CHECK_EQ(plat.pci.irq_mask, 0);
	CHECK_EQ(plat.pci.func[4].irq, 0);
	CHECK(strstr(console_text(), "no PIIX3 PCI-ISA bridge") != NULL);
	CHECK_EQ(xen_fake.relocations, 0);
}

/* Adds 4 KiB memory BARs on functions from 04:0 on, six per function, n in all. */
static void add_bars(uint32_t n)
{
	for (uint8_t dev = 4; n; dev++)
		for (uint8_t fn = 0; fn < 8 && n; fn++) {
			struct fake_fn *f = fake_add(dev, fn, 0x1234, 0x5678, 0x03800000);
			for (int bar = 0; bar < 6 && n; bar++, n--)
				fake_bar(f, bar, 4096, 0);
		}
}

static uint32_t count(const char *text, const char *needle)
{
	uint32_t n = 0;

	for (const char *s = strstr(text, needle); s; s = strstr(s + 1, needle))
		n++;
	return n;
}

/* PCI_MAX_BARS (256) exactly: all placed, nothing logged; one more: that one alone left disabled. */
TEST(pci_setup_256_bars_fit_and_the_257th_is_logged)
{
	/* qemu_xen_bus() has 6 BARs: IDE's I/O BAR, the platform device's two, Cirrus's three. */
	qemu_xen_bus();
	add_bars(250);
	console_clear();
	pci_setup(&plat);
	CHECK_EQ(count(console_text(), " size "), 256);
	CHECK_EQ(count(console_text(), "left disabled"), 0);
	CHECK(strstr(console_text(), "more than 256 BARs") == NULL);

	qemu_xen_bus();
	add_bars(251);
	console_clear();
	pci_setup(&plat);
	CHECK_EQ(count(console_text(), " size "), 256);
	CHECK_EQ(count(console_text(), "more than 256 BARs"), 1);
	/* The 251st added BAR: function 41 after 04:0 (09:1), its fifth BAR (0x20). */
	CHECK(strstr(console_text(), "more than 256 BARs; 09:1 bar 20 left disabled") != NULL);
}

TEST(pci_setup_writes_each_register_once)
{
	qemu_xen_bus();
	pci_setup(&plat);
	/* The host bridge has no BARs by its datasheet and its decode is off: no sizing, one
	 * command write (bus master). */
	CHECK_EQ(fake_bus.fn[PCI_BDF(0, 0, 0)].writes, 1);
	/* The Xen platform device is sized whole: seven sizing writes (a register that read
	 * back 0 is not written again), two BAR addresses, INTx line, command. */
	CHECK_EQ(fake_bus.fn[PCI_BDF(0, 2, 0)].writes, 7 + 2 + 1 + 1);
	/* PIIX3 IDE: its one BAR sized, programmed; the two legacy-decode quirk writes; command. */
	CHECK_EQ(fake_bus.fn[PCI_BDF(0, 1, 1)].writes, 1 + 1 + 2 + 1);
	/* PIIX3 ISA bridge: the four link routes in one dword, then its command. */
	CHECK_EQ(fake_bus.fn[PCI_BDF(0, 1, 0)].writes, 1 + 1);
}

/* At firmware entry a BAR holds 0 beside its type bits, so sizing writes ones first and
 * reads only the answer: each read of a BAR register is an exit to qemu-xen. */
TEST(pci_setup_sizes_bars_without_reading_them_first)
{
	qemu_xen_bus();
	pci_setup(&plat);
	for (uint32_t bdf = 0; bdf < 256; bdf++)
		CHECK_EQ(fake_bus.fn[bdf].bar_reads_unwritten, 0);
	/* The Xen platform device: its ID, class, command, the seven answers to sizing, its
	 * interrupt pin and header type. */
	CHECK_EQ(fake_bus.fn[PCI_BDF(0, 2, 0)].reads, 3 + 7 + 2);
	/* The type bits still go back with the addresses. */
	CHECK_EQ(fake_bar_value(2, 0, 0x10, false) & 0x3, PCI_BAR_SPACE_IO);
	CHECK_EQ(fake_bar_value(3, 0, 0x10, false) & 0xF, PCI_BAR_MEM_PREFETCH);
}
