/* SPDX-License-Identifier: GPL-2.0-only */
/* An in-memory PCI bus 0 and ISA ports for host tests: config spaces with BAR size masks. */
#include <string.h>
#include "hw/isa.h"
#include "hw/pci.h"
#include "pci_fake.h"

struct fake_bus fake_bus;

void fake_bus_reset(void)
{
	memset(&fake_bus, 0, sizeof(fake_bus));
}

struct fake_fn *fake_add(uint8_t dev, uint8_t fn, uint16_t vendor, uint16_t device, uint32_t class_rev)
{
	struct fake_fn *f = &fake_bus.fn[PCI_BDF(0, dev, fn)];

	memset(f, 0, sizeof(*f));
	f->present = true;
	f->cfg[0] = (uint8_t)vendor;
	f->cfg[1] = (uint8_t)(vendor >> 8);
	f->cfg[2] = (uint8_t)device;
	f->cfg[3] = (uint8_t)(device >> 8);
	memcpy(&f->cfg[PCI_CLASS_REVISION], &class_rev, 4);
	if (fn) /* function 0 must say the device has more */
		fake_bus.fn[PCI_BDF(0, dev, 0)].cfg[PCI_HEADER_TYPE] |= PCI_HEADER_MULTI_FUNCTION;
	return f;
}

void fake_bar(struct fake_fn *f, int bar, uint64_t size, uint32_t type_bits)
{
	uint8_t reg = bar == 6 ? PCI_ROM_ADDRESS : (uint8_t)(PCI_BASE_ADDRESS_0 + 4 * bar);
	uint64_t mask = ~(size - 1);

	f->has_mask[reg / 4] = true;
	f->ro_bits[reg / 4] = type_bits;
	if (bar == 6) {
		f->mask[reg / 4] = (uint32_t)mask | PCI_ROM_ENABLE;
	} else if (type_bits & PCI_BAR_SPACE_IO) {
		f->mask[reg / 4] = (uint32_t)mask & 0xFFFFFFFCu;
	} else {
		f->mask[reg / 4] = (uint32_t)mask & 0xFFFFFFF0u;
		if ((type_bits & PCI_BAR_MEM_TYPE_MASK) == PCI_BAR_MEM_TYPE_64) {
			f->has_mask[reg / 4 + 1] = true;
			f->mask[reg / 4 + 1] = (uint32_t)(mask >> 32);
		}
	}
	memcpy(&f->cfg[reg], &type_bits, 4);
}

uint64_t fake_bar_value(uint8_t dev, uint8_t fn, uint8_t reg, bool is64)
{
	const struct fake_fn *f = &fake_bus.fn[PCI_BDF(0, dev, fn)];
	uint32_t lo, hi = 0;

	memcpy(&lo, &f->cfg[reg], 4);
	if (is64)
		memcpy(&hi, &f->cfg[reg + 4], 4);
	return (uint64_t)hi << 32 | lo;
}

static struct fake_fn *lookup(uint16_t bdf)
{
	fake_bus.accesses++;
	if (!fake_bus.fn[bdf].present)
		fake_bus.absent_probes[bdf]++;
	return PCI_BUS(bdf) == 0 && fake_bus.fn[bdf].present ? &fake_bus.fn[bdf] : NULL;
}

static uint32_t rd(uint16_t bdf, uint8_t reg, int len)
{
	struct fake_fn *f = lookup(bdf);
	uint32_t v = 0;

	if (!f)
		return len == 4 ? 0xFFFFFFFFu : len == 2 ? 0xFFFFu : 0xFFu;
	uint8_t dw = reg & 0xFC;
	f->reads++;
	if (((dw >= PCI_BASE_ADDRESS_0 && dw <= 0x24) || dw == PCI_ROM_ADDRESS) && !f->written[dw / 4])
		f->bar_reads_unwritten++;
	memcpy(&v, &f->cfg[reg], (size_t)len);
	return v;
}

static void wr(uint16_t bdf, uint8_t reg, uint32_t value, int len)
{
	struct fake_fn *f = lookup(bdf);

	if (!f)
		return;
	uint8_t dw = reg & 0xFC;
	uint32_t old;
	memcpy(&old, &f->cfg[dw], 4);
	uint32_t nv = old;
	memcpy((uint8_t *)&nv + (reg & 3), &value, (size_t)len);
	if (f->has_mask[dw / 4])
		nv = (nv & f->mask[dw / 4]) | f->ro_bits[dw / 4];
	/* Identity is read-only, and so is a BAR register the device does not implement:
	 * it reads as zero, which is how sizing tells there is no BAR. */
	bool bar_reg = (dw >= PCI_BASE_ADDRESS_0 && dw <= 0x24) || dw == PCI_ROM_ADDRESS;
	if (dw == PCI_VENDOR_ID || dw == PCI_CLASS_REVISION || (bar_reg && !f->has_mask[dw / 4]))
		nv = old;
	memcpy(&f->cfg[dw], &nv, 4);
	f->written[dw / 4] = true;
	f->writes++;
}

uint32_t pci_cfg_read32(uint16_t bdf, uint8_t reg)
{
	return rd(bdf, reg, 4);
}
uint16_t pci_cfg_read16(uint16_t bdf, uint8_t reg)
{
	return (uint16_t)rd(bdf, reg, 2);
}
uint8_t pci_cfg_read8(uint16_t bdf, uint8_t reg)
{
	return (uint8_t)rd(bdf, reg, 1);
}
void pci_cfg_write32(uint16_t bdf, uint8_t reg, uint32_t v)
{
	wr(bdf, reg, v, 4);
}
void pci_cfg_write16(uint16_t bdf, uint8_t reg, uint16_t v)
{
	wr(bdf, reg, v, 2);
}
void pci_cfg_write8(uint16_t bdf, uint8_t reg, uint8_t v)
{
	wr(bdf, reg, v, 1);
}

void isa_elcr_write(uint16_t level_irqs)
{
	fake_bus.elcr = level_irqs;
}

void cmos_write(uint8_t reg, uint8_t value)
{
	fake_bus.cmos[reg & 0x7F] = value;
}

bool uart_present(uint16_t base)
{
	return base == 0x3F8 && fake_bus.com1;
}

bool lpt_present(uint16_t base)
{
	(void)base;
	return false;
}
