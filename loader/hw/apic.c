/* SPDX-License-Identifier: GPL-2.0-only */
/* APIC and HPET MMIO: registers only, no policy. */
#include "hw/apic.h"
#include "hw/cpu.h"
#include "hw/mem.h"

#define LAPIC_VERSION 0x30
#define LAPIC_SVR 0xF0
#define LAPIC_LVT0 0x350
#define LAPIC_LVT1 0x360
#define LVT_MASKED (1u << 16)
#define DM_NMI (4u << 8)
#define DM_EXTINT (7u << 8)

static volatile uint32_t *reg32(uint32_t addr)
{
	return phys_to_virt(addr);
}

static void lapic_write(uint32_t reg, uint32_t v)
{
	*reg32(LAPIC_BASE + reg) = v;
}

static void ioapic_write(uint32_t index, uint32_t v)
{
	*reg32(IOAPIC_BASE) = index;    /* IOREGSEL */
	*reg32(IOAPIC_BASE + 0x10) = v; /* IOWIN */
}

uint32_t cpu_apic_id(void)
{
	if (cpuid(0).eax >= 0xB && (cpuid(1).ecx & (1u << 21)))
		return cpuid(0xB).edx;
	return cpuid(1).ebx >> 24;
}

uint8_t lapic_version(void)
{
	return (uint8_t)*reg32(LAPIC_BASE + LAPIC_VERSION);
}

void apic_setup(uint32_t bsp_apic_id)
{
	ioapic_write(0x00, (uint32_t)IOAPIC_ID << 24);
	lapic_write(LAPIC_SVR, 0x100 | 0xFF);
	lapic_write(LAPIC_LVT0, DM_EXTINT | LVT_MASKED);
	lapic_write(LAPIC_LVT1, DM_NMI);
	/* Redirection entry 0: ExtINT, physical destination the BSP. */
	ioapic_write(0x10, DM_EXTINT);
	ioapic_write(0x11, bsp_apic_id << 24);
}

bool hpet_present(void)
{
	/* General capabilities and ID register: vendor ID in bits 31:16. */
	return (*reg32(HPET_BASE) >> 16) == 0x8086;
}
