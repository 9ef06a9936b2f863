/* SPDX-License-Identifier: GPL-2.0-only */
/* PCI configuration space through the Type 1 mechanism (0xCF8 address, 0xCFC data). */
#include "counters.h"
#include "hw/io.h"
#include "hw/pci.h"

#define PCI_CONF_ADDR 0xCF8
#define PCI_CONF_DATA 0xCFC

/*
 * What 0xCF8 holds: the last address this file wrote, 0 before the first (every address
 * written has the enable bit). Xen records each 0xCF8 write to route the 0xCFC accesses
 * that follow, and also passes it on to qemu-xen (hvm/ioreq.c, hvm_access_cf8): it is a
 * round trip to dom0 like the data access, so an access to the dword already selected
 * skips it. Nothing else in the loader writes 0xCF8 and only the BSP touches config space;
 * SeaBIOS and OVMF select their own address before each access.
 */
static uint32_t cf8;

static void select_reg(uint16_t bdf, uint8_t reg)
{
	/* Enable bit, bus/device/function, dword-aligned register. */
	uint32_t addr = 0x80000000u | ((uint32_t)bdf << 8) | (reg & 0xFC);

	if (addr == cf8)
		return;
	count_add(COUNT_PCI_ADDR, 1);
	raw_outl(addr, PCI_CONF_ADDR);
	cf8 = addr;
}

uint32_t pci_cfg_read32(uint16_t bdf, uint8_t reg)
{
	select_reg(bdf, reg);
	count_add(COUNT_PCI_READ, 1);
	return raw_inl(PCI_CONF_DATA);
}

uint16_t pci_cfg_read16(uint16_t bdf, uint8_t reg)
{
	select_reg(bdf, reg);
	count_add(COUNT_PCI_READ, 1);
	return raw_inw((uint16_t)(PCI_CONF_DATA + (reg & 2)));
}

uint8_t pci_cfg_read8(uint16_t bdf, uint8_t reg)
{
	select_reg(bdf, reg);
	count_add(COUNT_PCI_READ, 1);
	return raw_inb((uint16_t)(PCI_CONF_DATA + (reg & 3)));
}

void pci_cfg_write32(uint16_t bdf, uint8_t reg, uint32_t value)
{
	select_reg(bdf, reg);
	count_add(COUNT_PCI_WRITE, 1);
	raw_outl(value, PCI_CONF_DATA);
}

void pci_cfg_write16(uint16_t bdf, uint8_t reg, uint16_t value)
{
	select_reg(bdf, reg);
	count_add(COUNT_PCI_WRITE, 1);
	raw_outw(value, (uint16_t)(PCI_CONF_DATA + (reg & 2)));
}

void pci_cfg_write8(uint16_t bdf, uint8_t reg, uint8_t value)
{
	select_reg(bdf, reg);
	count_add(COUNT_PCI_WRITE, 1);
	raw_outb(value, (uint16_t)(PCI_CONF_DATA + (reg & 3)));
}
